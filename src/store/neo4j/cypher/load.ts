// Builds the statements of an atomic load: batched UNWIND … MERGE, replacing what changed (DESIGN §7).
import { datasetLinks, LINK_TYPES, type LinkType } from '../../../domain/graph-model.js';
import type { Dataset, EntityType } from '../../../domain/model.js';
import { normalizeName } from '../../../domain/text.js';
import { timelineEntries } from '../../../query/index.js';
import type { Statement } from '../Executor.js';

/** Rows per UNWIND statement. */
export const DEFAULT_BATCH_SIZE = 1_000;

type Props = Record<string, string | number | boolean | string[] | null>;

interface NodeRow {
  readonly id: string;
  readonly props: Props;
}

const NODE_LABELS: Record<EntityType, string> = {
  Actor: 'Actor', WeaponSystem: 'WeaponSystem', Transfer: 'Transfer', Event: 'Event', Restriction: 'Restriction',
  AidCommitment: 'AidCommitment', Source: 'Source',
};

/** One MERGE statement per node label (labels are part of the text, never taken from input). */
const MERGE_NODES: Record<EntityType, string> = Object.fromEntries(
  Object.entries(NODE_LABELS).map(([type, label]) => [
    type,
    `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:${label}`,
  ]),
) as Record<EntityType, string>;

/** One CREATE statement per link type. */
const CREATE_LINKS: Record<LinkType, string> = Object.fromEntries(
  LINK_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
  ]),
) as Record<LinkType, string>;

const DELETE_STALE = 'MATCH (n:Entity) WHERE NOT n.id IN $ids DETACH DELETE n';
const DELETE_LINKS = 'MATCH (:Entity)-[r]->(:Entity) DELETE r';
const DELETE_TIMELINE = 'MATCH (e:TimelineEntry) DETACH DELETE e';
const CREATE_TRANSFERRED =
  'UNWIND $rows AS row MATCH (a:Actor {id: row.supplier}) MATCH (b:Actor {id: row.recipient}) CREATE (a)-[r:TRANSFERRED]->(b) SET r = row';
const CREATE_TIMELINE = 'UNWIND $rows AS row CREATE (e:TimelineEntry) SET e = row';

function nameKeys(names: readonly (string | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => n !== undefined).map(normalizeName).filter((k) => k !== ''))];
}

/** The flat node rows of a dataset: query fields as properties, the whole entity as `json`. */
export function nodeRows(d: Dataset): Record<EntityType, NodeRow[]> {
  const row = (type: EntityType, value: { id: string }, props: Props): NodeRow => ({
    id: value.id,
    props: { id: value.id, type, json: JSON.stringify(value), ...props },
  });
  const span = (s: { earliest: string; latest: string }) => ({ earliest: s.earliest, latest: s.latest });
  const cited = (x: { citations: readonly unknown[]; knownSince?: string }) => ({
    citationCount: x.citations.length,
    ...(x.knownSince !== undefined && { knownSince: x.knownSince }),
  });
  return {
    Source: d.sources.map((s) => row('Source', s, { title: s.title, publisher: s.publisher, ...span(s.publishedAt) })),
    Actor: d.actors.map((a) =>
      row('Actor', a, {
        name: a.name, kind: a.kind, partOf: a.partOf ?? null, aliasText: a.aliases.join(' | '),
        nameKeys: nameKeys([a.id, a.name, ...a.aliases]),
      }),
    ),
    WeaponSystem: d.systems.map((s) =>
      row('WeaponSystem', s, {
        name: s.name, category: s.category, family: s.family ?? null, aliasText: s.aliases.join(' | '),
        nameKeys: nameKeys([s.id, s.name, ...s.aliases, s.designation]), citationCount: s.citations.length,
      }),
    ),
    Event: d.events.map((e) => row('Event', e, { title: e.title, kind: e.kind, ...span(e.date), ...cited(e), nameKeys: nameKeys([e.title, e.id]) })),
    Restriction: d.restrictions.map((r) => row('Restriction', r, { title: r.title, rule: r.rule, ...span(r.inForce), ...cited(r) })),
    AidCommitment: d.aidCommitments.map((a) => row('AidCommitment', a, { donor: a.donor, recipient: a.recipient, ...span(a.date), ...cited(a) })),
    Transfer: d.transfers.map((t) =>
      row('Transfer', t, {
        supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind, backfills: [...t.backfills],
        ...span(t.date), ...cited(t),
      }),
    ),
  };
}

function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The statements that make the database hold exactly `d`, to be run in order in one write transaction:
 * stale nodes and all links are removed, nodes merged with their properties replaced, links and the
 * TRANSFERRED projection recreated, timeline entries rebuilt.
 */
export function loadStatements(d: Dataset, batchSize = DEFAULT_BATCH_SIZE): Statement[] {
  const rows = nodeRows(d);
  const ids = Object.values(rows).flatMap((list) => list.map((r) => r.id));
  const out: Statement[] = [
    { cypher: DELETE_STALE, params: { ids } },
    { cypher: DELETE_LINKS, params: {} },
    { cypher: DELETE_TIMELINE, params: {} },
  ];
  for (const type of Object.keys(NODE_LABELS) as EntityType[]) {
    for (const batch of batches(rows[type], batchSize)) out.push({ cypher: MERGE_NODES[type], params: { rows: batch } });
  }
  const links = datasetLinks(d);
  for (const type of LINK_TYPES) {
    const ofType = links
      .filter((l) => l.type === type)
      .map((l) => ({
        from: l.from, to: l.to,
        props: { ...(l.quote !== undefined && { quote: l.quote }), ...(l.note !== undefined && { note: l.note }) },
      }));
    for (const batch of batches(ofType, batchSize)) out.push({ cypher: CREATE_LINKS[type], params: { rows: batch } });
  }
  const projection = d.transfers.map((t) => ({
    transferId: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind,
    earliest: t.date.earliest, latest: t.date.latest, knownSince: t.knownSince, backfills: [...t.backfills],
  }));
  for (const batch of batches(projection, batchSize)) out.push({ cypher: CREATE_TRANSFERRED, params: { rows: batch } });
  const entries = timelineEntries(d).map((e) => ({
    id: e.id, kind: e.kind, earliest: e.date.earliest, latest: e.date.latest, knownSince: e.knownSince,
    actors: [...e.actors], systems: [...e.systems], subject: e.subject, json: JSON.stringify(e),
  }));
  for (const batch of batches(entries, batchSize)) out.push({ cypher: CREATE_TIMELINE, params: { rows: batch } });
  return out;
}
