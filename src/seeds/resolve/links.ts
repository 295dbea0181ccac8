// The link table: which fields of each collection hold ids of records of which collection.
import type { Collection, RecordOf } from './located.js';

/**
 * A field of a record of collection `C` that holds one id, or a list of ids, of records of collection `to`.
 * `field` is a path: `['appliesTo', 'suppliers']` is the list inside `appliesTo`.
 */
export interface Link<C extends Collection> {
  readonly field: readonly [keyof RecordOf<C> & string, ...string[]];
  readonly to: Collection;
}

/**
 * Every reference between records, per collection, in the order they are checked (and their messages come).
 * A citation's `source` is not here: it is checked with the citation's quote (`grounding.ts`), since a quote can
 * only be looked for in a source that exists.
 */
export const LINKS: { readonly [C in Collection]: readonly Link<C>[] } = {
  sources: [],
  actors: [
    { field: ['partOf'], to: 'actors' },
    { field: ['country'], to: 'actors' },
  ],
  systems: [
    { field: ['family'], to: 'systems' },
    { field: ['manufacturer'], to: 'actors' },
    { field: ['producedBy'], to: 'actors' },
  ],
  transfers: [
    { field: ['supplier'], to: 'actors' },
    { field: ['recipient'], to: 'actors' },
    { field: ['system'], to: 'systems' },
    { field: ['enabledBy'], to: 'events' },
    { field: ['subjectTo'], to: 'restrictions' },
    { field: ['backfills'], to: 'transfers' },
  ],
  events: [
    { field: ['actors'], to: 'actors' },
    { field: ['systems'], to: 'systems' },
  ],
  restrictions: [
    { field: ['imposedBy'], to: 'actors' },
    { field: ['consentOf'], to: 'actors' },
    { field: ['appliesTo', 'suppliers'], to: 'actors' },
    { field: ['appliesTo', 'recipients'], to: 'actors' },
    { field: ['appliesTo', 'origins'], to: 'actors' },
    { field: ['appliesTo', 'systems'], to: 'systems' },
  ],
  aidCommitments: [
    { field: ['donor'], to: 'actors' },
    { field: ['recipient'], to: 'actors' },
  ],
};
