// The graph shape of a Dataset (DESIGN §2): its nodes, typed links and integrity rules, shared by every store.
import { ConflictError, InvalidArgumentError } from './errors.js';
import type { Dataset, EntityType } from './model.js';

/** One directed link of the graph model, e.g. (transfer)-[:SUPPLIER]->(actor). */
export interface Link {
  readonly from: string;
  readonly type: LinkType;
  readonly to: string;
  /** For CITES: the quote and note of the citation. */
  readonly quote?: string;
  readonly note?: string;
}

/** Link types; TRANSFERRED (actor → actor) is the projection of each Transfer and is not listed here. */
export const LINK_TYPES = [
  'PART_OF', 'MEMBER_OF', 'MANUFACTURED_BY', 'PRODUCED_BY', 'INVOLVES', 'CONCERNS', 'CITES', 'IMPOSED_BY', 'APPLIES_TO',
  'DONOR', 'RECIPIENT', 'SUPPLIER', 'OF_SYSTEM', 'ENABLED_BY', 'SUBJECT_TO', 'BACKFILLS',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Every node of a dataset with its type, in a stable order. */
export function datasetNodes(d: Dataset): { type: EntityType; id: string }[] {
  return [
    ...d.sources.map((x) => ({ type: 'Source' as const, id: x.id })),
    ...d.actors.map((x) => ({ type: 'Actor' as const, id: x.id })),
    ...d.systems.map((x) => ({ type: 'WeaponSystem' as const, id: x.id })),
    ...d.events.map((x) => ({ type: 'Event' as const, id: x.id })),
    ...d.restrictions.map((x) => ({ type: 'Restriction' as const, id: x.id })),
    ...d.aidCommitments.map((x) => ({ type: 'AidCommitment' as const, id: x.id })),
    ...d.transfers.map((x) => ({ type: 'Transfer' as const, id: x.id })),
  ];
}

/** Every typed link of a dataset, with the type of node each end must be. */
export function datasetLinks(d: Dataset): (Link & { toType: EntityType })[] {
  const out: (Link & { toType: EntityType })[] = [];
  const add = (from: string, type: LinkType, to: string | undefined, toType: EntityType) => {
    if (to !== undefined) out.push({ from, type, to, toType });
  };
  const cite = (from: string, citations: readonly { source: string; quote?: string; note?: string }[]) => {
    for (const c of citations) {
      out.push({
        from, type: 'CITES', to: c.source, toType: 'Source',
        ...(c.quote !== undefined && { quote: c.quote }),
        ...(c.note !== undefined && { note: c.note }),
      });
    }
  };
  for (const a of d.actors) add(a.id, 'PART_OF', a.partOf, 'Actor');
  for (const s of d.systems) {
    add(s.id, 'MEMBER_OF', s.family, 'WeaponSystem');
    add(s.id, 'MANUFACTURED_BY', s.manufacturer, 'Actor');
    add(s.id, 'PRODUCED_BY', s.producedBy, 'Actor');
    cite(s.id, s.citations);
  }
  for (const e of d.events) {
    e.actors.forEach((a) => add(e.id, 'INVOLVES', a, 'Actor'));
    e.systems.forEach((s) => add(e.id, 'CONCERNS', s, 'WeaponSystem'));
    cite(e.id, e.citations);
  }
  for (const r of d.restrictions) {
    add(r.id, 'IMPOSED_BY', r.imposedBy, 'Actor');
    r.appliesTo.systems?.forEach((s) => add(r.id, 'APPLIES_TO', s, 'WeaponSystem'));
    cite(r.id, r.citations);
  }
  for (const a of d.aidCommitments) {
    add(a.id, 'DONOR', a.donor, 'Actor');
    add(a.id, 'RECIPIENT', a.recipient, 'Actor');
    add(a.id, 'OF_SYSTEM', a.system, 'WeaponSystem');
    cite(a.id, a.citations);
  }
  for (const t of d.transfers) {
    add(t.id, 'SUPPLIER', t.supplier, 'Actor');
    add(t.id, 'RECIPIENT', t.recipient, 'Actor');
    add(t.id, 'OF_SYSTEM', t.system, 'WeaponSystem');
    t.enabledBy.forEach((e) => add(t.id, 'ENABLED_BY', e, 'Event'));
    t.subjectTo.forEach((r) => add(t.id, 'SUBJECT_TO', r, 'Restriction'));
    t.backfills.forEach((b) => add(t.id, 'BACKFILLS', b, 'Transfer'));
    cite(t.id, t.citations);
  }
  return out;
}

/**
 * Checks a dataset's integrity before any store writes it: unique ids, links to nodes of the right type,
 * references held as plain ids (country, consentOf, appliesTo actors), no transfer to oneself.
 */
export function validateDataset(d: Dataset): void {
  const types = new Map<string, EntityType>();
  for (const n of datasetNodes(d)) {
    if (types.has(n.id)) throw new ConflictError(`duplicate id "${n.id}" in the dataset`, { id: n.id });
    types.set(n.id, n.type);
  }
  const need = (from: string, field: string, id: string | undefined, type: EntityType) => {
    if (id !== undefined && types.get(id) !== type) {
      throw new InvalidArgumentError(`${from}: ${field} "${id}" is not a known ${type}`, { id: from, field });
    }
  };
  for (const l of datasetLinks(d)) need(l.from, l.type, l.to, l.toType);
  for (const a of d.actors) need(a.id, 'country', a.country, 'Actor');
  for (const r of d.restrictions) {
    need(r.id, 'consentOf', r.consentOf, 'Actor');
    for (const key of ['suppliers', 'recipients', 'origins'] as const) r.appliesTo[key]?.forEach((a) => need(r.id, key, a, 'Actor'));
  }
  for (const t of d.transfers) {
    if (t.supplier === t.recipient) throw new InvalidArgumentError(`${t.id}: supplier and recipient are both "${t.supplier}"`, { id: t.id });
  }
}
