// Builds the statements of an atomic load: batched UNWIND … MERGE, replacing what changed (DESIGN §7).
import { createHash } from 'node:crypto';
import { datasetLinks, LINK_TYPES, type LinkType } from '../../../domain/graph-model.js';
import { factSource } from '../../../domain/provenance.js';
import type { Dataset, EntityType } from '../../../domain/model.js';
import { nameKeysOf } from '../../../domain/names.js';
import { routeCandidateOf, statFacts, timelineEntries, toMicro } from '../../../query/index.js';
import type { Statement } from '../Executor.js';
import { META_KEY, META_LABEL } from './reads/projection.js';

/** Rows per UNWIND statement. */
export const DEFAULT_BATCH_SIZE = 1_000;

type Props = Record<string, string | number | boolean | string[] | number[] | boolean[] | null>;

interface NodeRow {
  readonly id: string;
  readonly props: Props;
  /** A transfer's route evidence (what its `TRANSFERRED` relationship carries besides the node's properties). */
  readonly evidence?: string;
}

const NODE_LABELS: Record<EntityType, string> = {
  Actor: 'Actor', WeaponSystem: 'WeaponSystem', Transfer: 'Transfer', Event: 'Event', Restriction: 'Restriction',
  AidCommitment: 'AidCommitment', Source: 'Source',
};

/** One MERGE statement per node label (labels are part of the text, never taken from input). */
const MERGE_NODES: Record<EntityType, string> = Object.fromEntries(
  Object.entries(NODE_LABELS).map(([type, label]) => [
    type,
    `UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:${label}`,
  ]),
) as Record<EntityType, string>;

/** Into a generation known to be empty (a staged load's): CREATE, no look-up first. */
const CREATE_NODES: Record<EntityType, string> = Object.fromEntries(
  Object.entries(NODE_LABELS).map(([type, label]) => [type, `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row.props, n.gen = $gen`]),
) as Record<EntityType, string>;

/**
 * A transfer with its supplier, recipient and system links and its `TRANSFERRED` relationship, in one statement:
 * each end is sought once for all four (separate statements per link type sought the transfer again for each, and
 * sent a row per link: a third of a ×10 load). The relationship's properties are the node's (`row.props`), plus
 * its route evidence (`row.evidence`). Actors and systems must be written first; the transfer's other links
 * (citations, events, restrictions, backfills) follow with the rest. `node` creates or merges the transfer node.
 */
const transferStatement = (node: string) => `UNWIND $rows AS row
  MATCH (s:Entity {id: row.props.supplier, gen: $gen}) USING INDEX s:Entity(id, gen)
  MATCH (r:Entity {id: row.props.recipient, gen: $gen}) USING INDEX r:Entity(id, gen)
  MATCH (y:Entity {id: row.props.system, gen: $gen}) USING INDEX y:Entity(id, gen)
  ${node}
  CREATE (t)-[:SUPPLIER]->(s), (t)-[:RECIPIENT]->(r), (t)-[:OF_SYSTEM]->(y)
  CREATE (s)-[:TRANSFERRED {transferId: row.id, supplier: row.props.supplier, recipient: row.props.recipient, system: row.props.system,
    status: row.props.status, kind: row.props.kind, earliest: row.props.earliest, latest: row.props.latest,
    knownSince: row.props.knownSince, knownUntil: row.props.knownUntil, backfills: row.props.backfills,
    category: row.props.routeCategory, evidence: row.evidence, source: row.props.source, gen: $gen}]->(r)`;
const MERGE_TRANSFERS = transferStatement('MERGE (t:Entity {id: row.id, gen: $gen}) SET t = row.props, t.gen = $gen, t:Transfer');
const CREATE_TRANSFERS = transferStatement('CREATE (t:Entity:Transfer) SET t = row.props, t.gen = $gen');

/** The links a transfer statement writes (so not written again with the other links). */
const TRANSFER_LINKS: ReadonlySet<LinkType> = new Set(['SUPPLIER', 'RECIPIENT', 'OF_SYSTEM']);

/**
 * The order a staged load writes a statement in (each step's statements by several writers at once, each step
 * after the one before has committed): 0 what links to nothing (nodes other than transfers, timeline entries), 1
 * transfers with their links to actors and systems, 2 every other link.
 */
export function stagingStep(cypher: string): 0 | 1 | 2 {
  if (cypher === CREATE_TIMELINE_FRESH || Object.values(CREATE_NODES).includes(cypher)) return 0;
  return cypher === CREATE_TRANSFERS ? 1 : 2;
}

/**
 * One CREATE statement per link type. Endpoints are matched through :Entity, whose (id, gen) has the unique
 * constraint's index (`:Actor {id}` scanned every actor per row: 543 s of a 656 s load at ×10). The hints keep that
 * plan when the index statistics were sampled on an empty database (the planner then took a scan of every node per
 * row: minutes for SIPRI).
 */
const CREATE_LINKS: Record<LinkType, string> = Object.fromEntries(
  LINK_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
  ]),
) as Record<LinkType, string>;

const DELETE_ALL = 'MATCH (n) WHERE (n:Entity OR n:TimelineEntry) AND n.gen = $gen DETACH DELETE n';
const DELETE_NODES = 'MATCH (n:Entity) WHERE n.id IN $ids AND n.gen = $gen DETACH DELETE n';
const DELETE_OUT_LINKS = 'MATCH (n:Entity)-[r]->(:Entity) WHERE n.id IN $ids AND n.gen = $gen AND NOT r:TRANSFERRED DELETE r';
const DELETE_TRANSFERRED = 'MATCH ()-[r:TRANSFERRED]->() WHERE r.transferId IN $ids AND r.gen = $gen DELETE r';
const DELETE_ENTRIES = 'MATCH (e:TimelineEntry) WHERE e.id IN $ids AND e.gen = $gen DETACH DELETE e';
// Timeline entries: their JSON and the fields a reader of the database filters on (timeline pages are answered from
// the in-process projection, which reads the JSON).
const CREATE_TIMELINE = 'UNWIND $rows AS row MERGE (e:TimelineEntry {id: row.id, gen: $gen}) SET e = row, e.gen = $gen';
/** The same into an empty generation: CREATE. */
const CREATE_TIMELINE_FRESH = 'UNWIND $rows AS row CREATE (e:TimelineEntry) SET e = row, e.gen = $gen';

/**
 * Version of how timeline entries are stored, part of their content hash: bumping it makes the next load rewrite
 * every entry (a database loaded by an older version gets the new shape on its next load). 4: entries stand alone
 * (3 linked each to the actors and systems it features, `FEATURES`, for timeline pages read in Cypher; pages are
 * now answered from the projection, and the links cost a third of a large load).
 */
const ENTRY_LAYOUT = 4;

/**
 * Version of the `TRANSFERRED` projection, stored on each transfer node (so part of its content hash): bumping it
 * makes the next load rewrite every projection. 2: relationships carry the route evidence (`category`, `evidence`).
 */
const PROJECTION_LAYOUT = 2;

/** Reads what a generation holds (`$gen`): the content hash of every node and timeline entry. */
export const READ_STORED_STATE: Statement = {
  cypher: `CALL { MATCH (n:Entity) WHERE n.gen = $gen RETURN collect([n.id, n.hash]) AS nodes }
  CALL { MATCH (e:TimelineEntry) WHERE e.gen = $gen RETURN collect([e.id, e.hash]) AS entries }
  RETURN nodes, entries`,
  params: {},
};

/** What the database holds, by id: content hashes of nodes and timeline entries. */
export interface StoredState {
  readonly nodes: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, string>;
}

/**
 * A row's content hash: its fields as JSON (without the row's JSON), then the row's JSON as it is (escaping the JSON
 * again inside a JSON string, as stringifying the whole row did, was half of building a ×10 load's statements).
 */
const hashOf = (fieldsJson: string, json: string) =>
  createHash('sha1').update(fieldsJson).update('\u0000').update(json).digest('base64url');

/** The timeline entry rows of a dataset, each with its content hash. */
export function entryRows(d: Dataset): { id: string; hash: string; [field: string]: unknown }[] {
  // The fields' JSON with the layout as a last field, as `JSON.stringify({ ...fields, layout })` writes it.
  const layout = `,"layout":${ENTRY_LAYOUT}}`;
  return timelineEntries(d).map((e) => {
    const fields: Record<string, unknown> = {
      id: e.id, kind: e.kind, earliest: e.date.earliest, latest: e.date.latest, knownSince: e.knownSince,
      ...(e.knownUntil !== undefined && { knownUntil: e.knownUntil }),
      actors: [...e.actors], systems: [...e.systems], subject: e.subject, source: e.source,
    };
    const json = JSON.stringify(e);
    const hash = hashOf(JSON.stringify(fields).slice(0, -1) + layout, json);
    // Added to the object rather than copied into a new one: a ×10 load has 255,000 entries.
    fields.json = json;
    fields.hash = hash;
    return fields as { id: string; hash: string };
  });
}

/** The flat node rows of a dataset: query fields as properties, the whole entity as `json`. */
export function nodeRows(d: Dataset): Record<EntityType, NodeRow[]> {
  const categories = new Map(d.systems.map((s) => [s.id, s.category]));
  const systemsById = new Map(d.systems.map((s) => [s.id, s]));
  const row = (type: EntityType, value: { id: string }, props: Props): NodeRow => {
    const fields: Props = { id: value.id, type, ...props };
    const json = JSON.stringify(value);
    const hash = hashOf(JSON.stringify(fields), json);
    fields.json = json;
    fields.hash = hash;
    return { id: value.id, props: fields };
  };
  const span = (s: { earliest: string; latest: string }) => ({ earliest: s.earliest, latest: s.latest });
  // Name keys as a list (exact look-ups) and as one line each in `nameText` (searched through its TEXT index).
  const names = (x: Parameters<typeof nameKeysOf>[0]) => {
    const nameKeys = nameKeysOf(x);
    return { nameKeys, nameText: nameKeys.join('\n') };
  };
  const cited = (x: { citations: readonly unknown[]; knownSince?: string; knownUntil?: string }) => ({
    citationCount: x.citations.length,
    ...(x.knownSince !== undefined && { knownSince: x.knownSince }),
    ...(x.knownUntil !== undefined && { knownUntil: x.knownUntil }),
  });
  return {
    Source: d.sources.map((s) => row('Source', s, { title: s.title, publisher: s.publisher, ...span(s.publishedAt) })),
    Actor: d.actors.map((a) =>
      row('Actor', a, {
        name: a.name, kind: a.kind, partOf: a.partOf ?? null, aliasText: a.aliases.join(' | '),
        ...names(a),
      }),
    ),
    WeaponSystem: d.systems.map((s) =>
      row('WeaponSystem', s, {
        name: s.name, category: s.category, family: s.family ?? null, aliasText: s.aliases.join(' | '),
        ...names(s), citationCount: s.citations.length,
      }),
    ),
    Event: d.events.map((e) => row('Event', e, { title: e.title, kind: e.kind, ...span(e.date), ...cited(e), ...names(e) })),
    Restriction: d.restrictions.map((r) =>
      row('Restriction', r, {
        title: r.title, rule: r.rule, ...span(r.inForce), ...cited(r),
        // The actors a check names (imposer, whose consent), so one statement reads a check's context with names.
        actorRefs: [r.imposedBy, ...(r.consentOf !== undefined ? [r.consentOf] : [])],
      }),
    ),
    AidCommitment: d.aidCommitments.map((a) => row('AidCommitment', a, { donor: a.donor, recipient: a.recipient, ...span(a.date), ...cited(a) })),
    Transfer: d.transfers.map((t) => {
      const { category, deliveries, units } = routeCandidateOf(t, categories.get(t.system));
      return {
        ...row('Transfer', t, {
          supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind, backfills: [...t.backfills],
          source: factSource(t),
          ...span(t.date), ...cited(t), projection: PROJECTION_LAYOUT,
          // The category a route reads (its system's when SIPRI gives none), copied onto TRANSFERRED; in the hash,
          // so that a system's new category rewrites the projection of its transfers too.
          routeCategory: category,
          ...statProps(t, systemsById),
        }),
        // What a route's hop evidence sums travels with the relationship (as the route candidate's JSON, since a
        // relationship property cannot hold a list with nulls), so a route question reads no transfer node. It
        // follows from the transfer's JSON, which is in the hash.
        evidence: JSON.stringify({ deliveries, units }),
      };
    }),
  };
}

/**
 * What transferStats, the trends and the lags sum, as `statFacts` defines it, kept on the transfer node so Cypher
 * aggregates it: contributions as parallel lists (a property list cannot hold nulls, hence the `statHas…` flags).
 */
function statProps(t: Dataset['transfers'][number], systems: Parameters<typeof statFacts>[1]): Props {
  const f = statFacts(t, systems);
  return {
    statCategory: f.category, statFamily: f.family, statWindowed: f.windowed,
    statYears: f.contributions.map((c) => c.year),
    statUnits: f.contributions.map((c) => c.units ?? 0), statHasUnits: f.contributions.map((c) => c.units !== null),
    // TIV in whole millionths (integral values, summed exactly in any order), as `aggregateStats` sums it.
    statTivMicro: f.contributions.map((c) => (c.tiv === null ? 0 : toMicro(c.tiv))), statHasTiv: f.contributions.map((c) => c.tiv !== null),
    orderYear: f.lag?.orderYear ?? null, firstDelivery: f.lag?.firstDelivery ?? null, lastDelivery: f.lag?.lastDelivery ?? null,
  };
}

function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The statements that make the database hold exactly `d`, to be run in order in one write transaction, ending
 * with the new version stamp (none at all when nothing changed).
 * Given what the database holds (`stored`), only what changed is written: nodes whose content hash differs
 * are merged with their properties replaced and their outgoing links, TRANSFERRED projection and timeline
 * entries recreated; nodes no longer in `d` are removed. Loading the same dataset twice writes nothing.
 * Without `stored`, everything armsgraph holds is replaced.
 */
export function loadStatements(d: Dataset, stored?: StoredState, batchSize = DEFAULT_BATCH_SIZE): Statement[] {
  const { statements, version } = changeStatements(d, stored, batchSize, false);
  return statements.length === 0 ? [] : [...statements, { cypher: STAMP_VERSION, params: { key: META_KEY, version } }];
}

/**
 * A staged load's statements: `d` written into an empty generation (nodes, entries and links created without
 * looking for them first), in the order of `stagingStep`; and the version stamp its switch writes.
 */
export function stagedStatements(d: Dataset, batchSize = DEFAULT_BATCH_SIZE): { statements: Statement[]; version: string } {
  return changeStatements(d, { nodes: new Map(), entries: new Map() }, batchSize, true);
}

/** The writes of `loadStatements` (into an empty generation with `fresh`), and the content's version. */
function changeStatements(d: Dataset, stored: StoredState | undefined, batchSize: number, fresh: boolean): { statements: Statement[]; version: string } {
  const rows = nodeRows(d);
  const all = Object.values(rows).flat();
  const out: Statement[] = [];
  const changed = new Set<string>();
  if (stored === undefined) {
    out.push({ cypher: DELETE_ALL, params: {} });
    for (const r of all) changed.add(r.id);
  } else {
    const present = new Set(all.map((r) => r.id));
    const gone = [...stored.nodes.keys()].filter((id) => !present.has(id));
    for (const r of all) if (stored.nodes.get(r.id) !== r.props.hash) changed.add(r.id);
    const transfersTouched = [...gone.filter((id) => id.startsWith('transfer:')), ...d.transfers.filter((t) => changed.has(t.id) && stored.nodes.has(t.id)).map((t) => t.id)];
    for (const batch of batches(transfersTouched, batchSize)) out.push({ cypher: DELETE_TRANSFERRED, params: { ids: batch } });
    for (const batch of batches(gone, batchSize)) out.push({ cypher: DELETE_NODES, params: { ids: batch } });
    for (const batch of batches([...changed].filter((id) => stored.nodes.has(id)), batchSize)) {
      out.push({ cypher: DELETE_OUT_LINKS, params: { ids: batch } });
    }
  }
  for (const type of Object.keys(NODE_LABELS) as EntityType[]) {
    const rowsOfType = rows[type].filter((r) => changed.has(r.id));
    const cypher = type === 'Transfer' ? (fresh ? CREATE_TRANSFERS : MERGE_TRANSFERS) : (fresh ? CREATE_NODES : MERGE_NODES)[type];
    for (const batch of batches(rowsOfType, batchSize)) out.push({ cypher, params: { rows: batch } });
  }
  const transfers = new Set(d.transfers.map((t) => t.id));
  const links = datasetLinks(d).filter((l) => changed.has(l.from) && !(TRANSFER_LINKS.has(l.type) && transfers.has(l.from)));
  for (const type of LINK_TYPES) {
    const ofType = links
      .filter((l) => l.type === type)
      .map((l) => ({
        from: l.from, to: l.to,
        props: { ...(l.quote !== undefined && { quote: l.quote }), ...(l.note !== undefined && { note: l.note }) },
      }));
    for (const batch of batches(ofType, batchSize)) out.push({ cypher: CREATE_LINKS[type], params: { rows: batch } });
  }
  const entries = entryRows(d);
  const entriesChanged = stored === undefined ? entries : entries.filter((e) => stored.entries.get(e.id) !== e.hash);
  if (stored !== undefined) {
    const keep = new Set(entries.map((e) => e.id));
    const stale = [...stored.entries.keys()].filter((id) => !keep.has(id)).concat(entriesChanged.filter((e) => stored.entries.has(e.id)).map((e) => e.id));
    for (const batch of batches(stale, batchSize)) out.push({ cypher: DELETE_ENTRIES, params: { ids: batch } });
  }
  for (const batch of batches(entriesChanged, batchSize)) out.push({ cypher: fresh ? CREATE_TIMELINE_FRESH : CREATE_TIMELINE, params: { rows: batch } });
  // The version a load stamps, in the same transaction (or a staged load's switch), whenever anything is written:
  // stores that keep a projection of the graph read it again. It is a hash of the content, so the same data always
  // has the same stamp.
  return { statements: out, version: contentVersion(all, entries) };
}

/** Sets the graph's version stamp; the generation written (`$gen`) is the live one. */
const STAMP_VERSION = `MERGE (m:${META_LABEL} {key: $key}) SET m.version = $version, m.current = $gen`;

/** A hash of every node's and timeline entry's content hash, in id order: the graph's version. */
export function contentVersion(nodes: readonly NodeRow[], entries: readonly { id: string; hash: string }[]): string {
  // One `id NUL hash NUL` line per row, sorted as strings (ids hold no NUL, so this is id order) and hashed as one
  // text: 800,000 updates of a hash, one each, took 2.3 s of a ×10 load.
  const lines = (rows: readonly { id: string; hash: unknown }[]) => rows.map((r) => `${r.id}\u0000${String(r.hash)}\u0000`).sort().join('');
  return createHash('sha1').update(lines(nodes.map((n) => ({ id: n.id, hash: n.props.hash })))).update(lines(entries)).digest('base64url');
}

/** Adds entries to the claim log (`ArmsgraphLog`, unique by `seq`): rows `{ seq, json }`. */
export const LOG_APPEND = 'UNWIND $rows AS row CREATE (l:ArmsgraphLog) SET l = row';

// Generations (staged loads, issue [13]). Every node, timeline entry and TRANSFERRED relationship carries `gen`;
// readers see only the live one (`:ArmsgraphMeta.current`). A staged load writes the next generation beside it in
// many transactions, switches `current` in one small transaction, then drops the old one; a load killed at any
// point leaves the live generation whole, and what it left is dropped by the next load or restart.

/** The live generation, the staging one (if a staged load is under way) and when that load last wrote. */
export const READ_GENERATIONS = `OPTIONAL MATCH (m:${META_LABEL} {key: $key})
  RETURN coalesce(m.current, 0) AS live, m.staging AS staging, m.heartbeat AS heartbeat`;

/** Claims the next generation for a staged load, unless another load's staging is alive (wrote within `$staleMs`). */
export const CLAIM_STAGING = `MERGE (m:${META_LABEL} {key: $key})
  WITH m, coalesce(m.current, 0) AS live
  WHERE m.staging IS NULL OR m.heartbeat < $now - $staleMs
  WITH m, live, coalesce(m.lastGen, live) + 1 AS gen
  SET m.current = live, m.staging = gen, m.lastGen = gen, m.heartbeat = $now
  RETURN gen, live`;

/** Notes that the staging load is alive; no row when its staging was released (then it must stop). */
export const STAGING_HEARTBEAT = `MATCH (m:${META_LABEL} {key: $key}) WHERE m.staging = $gen SET m.heartbeat = $now RETURN m.staging AS gen`;

/**
 * Makes the staged generation the live one, with its version stamp; no row when its staging was released. Again
 * after it committed (a retry whose first answer was lost), it changes nothing.
 */
export const SWITCH_GENERATION = `MATCH (m:${META_LABEL} {key: $key}) WHERE m.staging = $gen OR (m.staging IS NULL AND m.current = $gen)
  SET m.current = $gen, m.staging = null, m.version = $version
  RETURN m.current AS live`;

/** Releases a staging whose load stopped writing `$staleMs` ago (killed): its generation can then be dropped. */
export const RELEASE_STALE_STAGING = `MATCH (m:${META_LABEL} {key: $key}) WHERE m.staging IS NOT NULL AND m.heartbeat < $now - $staleMs
  SET m.staging = null RETURN count(m) AS released`;

/**
 * Dropping a dead generation `$g` (neither live nor staging; generation numbers are never reused, so it stays
 * dead), up to `$limit` at a time, each run until it drops none: timeline entries, then the relationships of its
 * nodes (a hub's thousands of relationships in one transaction would not fit the memory a transaction may use), then
 * the nodes.
 */
export const DROP_GENERATION = [
  'MATCH (n:TimelineEntry {gen: $g}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS dropped',
  'MATCH (n:Entity {gen: $g})-[r]-() WITH DISTINCT r LIMIT $limit DELETE r RETURN count(*) AS dropped',
  'MATCH (n:Entity {gen: $g}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS dropped',
] as const;

/** The generations a database may hold besides the live and the staging one. */
export const READ_LAST_GENERATION = `OPTIONAL MATCH (m:${META_LABEL} {key: $key})
  RETURN coalesce(m.current, 0) AS live, m.staging AS staging, coalesce(m.lastGen, m.current, 0) AS last`;
