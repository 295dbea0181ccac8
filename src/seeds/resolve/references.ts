// The one reference checker: ids are unique across collections, and every link of the table names a known record.
import { didYouMean, formatSuggestions, normalizeName } from '../../domain/text.js';
import { lineOf } from '../locate.js';
import { LINKS } from './links.js';
import { COLLECTIONS, type Collection, type Located, type Path, type RecordOf, type Records } from './located.js';
import type { Reporter } from './Reporter.js';

/** A record of each collection, with its article, for messages ("is an actor, expected system"). */
const ONE_OF: Readonly<Record<Collection, string>> = {
  sources: 'a source', actors: 'an actor', systems: 'a system', transfers: 'a transfer', events: 'an event',
  restrictions: 'a restriction', aidCommitments: 'an aid commitment',
};
/** What a record of each collection is called in "unknown actor" and "expected actor". */
const NOUN: Readonly<Record<Collection, string>> = {
  sources: 'source', actors: 'actor', systems: 'system', transfers: 'transfer', events: 'event',
  restrictions: 'restriction', aidCommitments: 'aid commitment',
};

/** Checks ids against the records that exist. */
export interface References {
  /** Whether `id` names a record of `collection`. */
  has(collection: Collection, id: string): boolean;
  /** Reports `id`, read at `sub` of `at`, unless it names a record of `to` (saying what it names instead, if anything). */
  check(at: Located<unknown>, sub: Path, id: string | undefined, to: Collection): void;
  /**
   * Checks every link of the table for the record `at` of `collection`, in table order. `after[field]` (the
   * field's path joined with dots) runs right after that link is checked, for a rule whose message comes there.
   */
  checkLinks<C extends Collection>(at: Located<RecordOf<C>>, collection: C, after?: Readonly<Record<string, () => void>>): void;
}

function valueAt(record: unknown, field: readonly string[]): unknown {
  let value = record;
  for (const key of field) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Records already in the graph that new records may refer to (an analyst's claim refers to the loaded data). */
export interface ExistingRecords {
  /** The collection of each id. */
  readonly ids: ReadonlyMap<string, Collection>;
  /** The id of each actor and system name or alias, keyed `actors:<normalised name>` or `systems:…`. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Indexes the ids of all records (reporting duplicates) and the names of actors and systems, and returns the
 * checker. With `existing`, references may also name those records, and a new record may not reuse their ids.
 */
export function indexReferences(records: Records, report: Reporter, existing?: ExistingRecords): References {
  // Ids are unique across every collection and file, and apart from those already in the graph (which are read
  // where needed, never copied: a claim's check costs in proportion to the claim).
  const byId = new Map<string, { collection: Collection; at: Located<{ id: string }> }>();
  for (const collection of COLLECTIONS) {
    for (const at of records[collection] as readonly Located<{ id: string }>[]) {
      const first = byId.get(at.value.id);
      if (first) {
        const firstLine = lineOf(first.at.file.doc, first.at.file.lineCounter, [...first.at.path, 'id']);
        report.add(at, ['id'], `duplicate id "${at.value.id}" (first defined in ${first.at.file.file}:${firstLine ?? '?'})`);
      } else if (existing?.ids.has(at.value.id)) {
        report.add(at, ['id'], `id "${at.value.id}" is already in the graph; choose another, or correct that fact`);
      } else {
        byId.set(at.value.id, { collection, at });
      }
    }
  }
  const collectionOf = (id: string): Collection | undefined => byId.get(id)?.collection ?? existing?.ids.get(id);
  const known = new Map<Collection, Set<string>>(COLLECTIONS.map((c) => [c, new Set<string>()]));
  for (const [id, { collection }] of byId) known.get(collection)!.add(id);
  /** Every id of a collection, the graph's included (for did-you-mean, only when a reference is unknown). */
  const idsOf = (collection: Collection): Iterable<string> =>
    existing === undefined ? known.get(collection)! : [...known.get(collection)!, ...[...existing.ids].filter(([, c]) => c === collection).map(([id]) => id)];
  // A name or alias used where an id belongs gets the id as a hint.
  const idOfName = new Map<string, string>();
  for (const collection of ['actors', 'systems'] as const) {
    for (const at of records[collection]) {
      for (const n of [at.value.name, ...at.value.aliases]) idOfName.set(`${collection}:${normalizeName(n)}`, at.value.id);
    }
  }

  const has = (collection: Collection, id: string): boolean => collectionOf(id) === collection;
  const check = (at: Located<unknown>, sub: Path, id: string | undefined, to: Collection): void => {
    if (id === undefined || has(to, id)) return;
    const other = collectionOf(id);
    if (other) {
      report.add(at, sub, `"${id}" is ${ONE_OF[other]}, expected ${NOUN[to]}`);
      return;
    }
    const key = `${to}:${normalizeName(id)}`;
    const named = idOfName.get(key) ?? existing?.names.get(key);
    const hint = named ? ` (use its id "${named}"; names and aliases are not ids)` : formatSuggestions(didYouMean(id, idsOf(to)));
    report.add(at, sub, `unknown ${NOUN[to]} "${id}"${hint}`);
  };
  const checkLinks = <C extends Collection>(at: Located<RecordOf<C>>, collection: C, after?: Readonly<Record<string, () => void>>): void => {
    for (const { field, to } of LINKS[collection] as readonly { field: readonly string[]; to: Collection }[]) {
      const value = valueAt(at.value, field);
      if (Array.isArray(value)) value.forEach((id: unknown, i) => typeof id === 'string' && check(at, [...field, i], id, to));
      else if (typeof value === 'string') check(at, field, value, to);
      after?.[field.join('.')]?.();
    }
  };
  return { has, check, checkLinks };
}
