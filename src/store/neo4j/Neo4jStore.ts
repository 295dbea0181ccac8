// The production GraphStore on Neo4j: hand-written Cypher through one Executor, same answers as memory.
import neo4j from 'neo4j-driver';
import { validateDataset } from '../../domain/graph-model.js';
import type { Actor, AidCommitment, Dataset, Event, Restriction, Transfer, TransferKind, TransferStatus, WeaponSystem } from '../../domain/model.js';
import { namesOf } from '../../domain/names.js';
import type { FactSource } from '../../domain/provenance.js';
import { normalizeName } from '../../domain/text.js';
import { bySpanThenId } from '../../domain/time.js';
import {
  Hierarchy, decodeCursor, encodeCursor, pageSize, spanKey, idKey, unknownReference,
  type ActorFilter, type CheckContext, type CheckContextRequest, type Entity, type GraphStats, type LoadSummary, type Page,
  type PageRequest, type PathCandidate, type PathGraph, type RouteCandidate, type Searchable, type SortKey, type StatsKey, type StatsRow, type LagRow, type BucketRow,
  type SystemFilter, type TimelineEntry, type TimelineFilter, type TransferFilter,
} from '../../query/index.js';
import type { GraphStore } from '../types.js';
import { neo4jConfigFromEnv, type Neo4jConfig } from './config.js';
import { Executor, type Row, type Statement } from './Executor.js';
import { loadStatements, DEFAULT_BATCH_SIZE, LOG_APPEND, READ_STORED_STATE } from './cypher/load.js';
import * as q from './cypher/reads/index.js';
import { SCHEMA_STATEMENTS } from './cypher/schema.js';
import { TransferProjection, type ProjectedTransfer } from './projection.js';

const EMPTY_STATS: GraphStats = { actors: 0, systems: 0, transfers: 0, events: 0, restrictions: 0, aidCommitments: 0, sources: 0, citations: 0 };
const STAT_KEYS: Record<string, keyof GraphStats> = {
  Actor: 'actors', WeaponSystem: 'systems', Transfer: 'transfers', Event: 'events', Restriction: 'restrictions',
  AidCommitment: 'aidCommitments', Source: 'sources',
};

const parse = <T,>(json: unknown): T => JSON.parse(json as string) as T;

/** A `TRANSFERRED` relationship as the path pass returns it. */
interface PathRow {
  readonly id: string;
  readonly supplier: string;
  readonly recipient: string;
  readonly system: string;
  readonly earliest: string;
  readonly latest: string;
  readonly backfills: string[] | null;
}

/** Appends `value` to the list under `key`. */
function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** The Neo4j store. Create with `Neo4jStore.connect()`, which checks the server and applies the schema. */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  /** The in-process projection of the TRANSFERRED graph, and its read when one is under way. */
  private projection: TransferProjection | undefined;
  private projecting: Promise<TransferProjection> | undefined;

  private constructor(
    private readonly executor: Executor,
    private readonly candidates: Neo4jConfig['candidates'] = 'projection',
  ) {}

  /** Connects, verifies the server answers, and creates constraints and indexes (idempotent). */
  static async connect(config: Neo4jConfig = neo4jConfigFromEnv()): Promise<Neo4jStore> {
    const executor = new Executor(config);
    try {
      await executor.ping();
      await executor.schema(SCHEMA_STATEMENTS);
    } catch (error) {
      await executor.close();
      throw error;
    }
    return new Neo4jStore(executor, config.candidates);
  }

  readonly readYourWrites = {
    within: <T,>(bookmarks: readonly string[], work: () => T): T => this.executor.withBookmarks(bookmarks, work),
    latest: (): Promise<string[]> => this.executor.lastBookmarks(),
  };

  /** Checks that Neo4j answers (for readiness probes). */
  async ping(): Promise<void> {
    await this.executor.ping();
  }

  async load(dataset: Dataset, batchSize = DEFAULT_BATCH_SIZE): Promise<LoadSummary> {
    return this.loadWithLog(dataset, [], batchSize);
  }

  /**
   * Loads `dataset` (writing what changed) and adds the entries of the claim log (`:ArmsgraphLog {seq, json}`), in
   * one transaction: a claim is stored with the load that shows it. An entry number already taken (another
   * instance wrote it first) fails the whole transaction with CONFLICT.
   */
  async loadWithLog(dataset: Dataset, entries: readonly { readonly seq: number; readonly json: string }[], batchSize = DEFAULT_BATCH_SIZE): Promise<LoadSummary> {
    const started = performance.now();
    validateDataset(dataset);
    const stored = await this.executor.write(async (tx) => {
      const row = (await tx.run(READ_STORED_STATE.cypher, READ_STORED_STATE.params)).records[0];
      const pairs = (key: string) => new Map((row?.get(key) as [string, string][] | undefined) ?? []);
      const nodes = pairs('nodes');
      const statements = loadStatements(dataset, { nodes, entries: pairs('entries') }, batchSize);
      for (const s of statements) await tx.run(s.cypher, s.params);
      if (entries.length > 0) await tx.run(LOG_APPEND, { rows: entries.map((e) => ({ seq: neo4j.int(e.seq), json: e.json })) });
      return nodes.size;
    }, 'load');
    // Index statistics sampled on a graph of another size mislead the planner (replan); a claim's few nodes do not.
    const size = Object.values(dataset).reduce((n, list: readonly unknown[]) => n + list.length, 0);
    if (stored === 0 || Math.abs(size - stored) > 0.1 * Math.max(size, stored)) await this.executor.replan();
    return { ...(await this.stats()), millis: Math.round(performance.now() - started) };
  }

  /** The claim log's entries after number `seq`, in order. */
  async logAfter(seq: number): Promise<{ seq: number; json: string }[]> {
    const rows = await this.executor.read({ cypher: q.LOG_AFTER, params: { seq: neo4j.int(seq) } }, 'claim log');
    return rows.map((r) => ({ seq: r.seq as number, json: r.json as string }));
  }

  /** Runs statements in order in one write transaction: all of them commit, or none does. */
  async runInOneTransaction(statements: readonly Statement[]): Promise<void> {
    await this.executor.write(async (tx) => {
      for (const s of statements) await tx.run(s.cypher, s.params);
    }, 'load');
  }

  /** The row of the node an id or alias names (id, type, JSON), in one round trip (more only to explain a miss). */
  private async found(label: 'Actor' | 'WeaponSystem', ref: string): Promise<Row> {
    const key = normalizeName(ref);
    const [hit] = await this.executor.read(q.resolveRef(label, ref, key), 'resolve');
    if (hit) return hit;
    const other = label === 'Actor' ? 'WeaponSystem' : 'Actor';
    const [otherHit] = key === '' ? [] : await this.executor.read(q.resolveRef(other, '\u0000', key), 'resolve');
    const candidates = (await this.executor.read(q.allNames(label), 'resolve')).flatMap((r) => namesOf(parse<Actor | WeaponSystem>(r.json)));
    if (label === 'Actor') {
      const hint = otherHit ? `; "${ref}" is a weapon system (${otherHit.id as string}), not an actor` : '';
      throw unknownReference('actor', ref, candidates, hint);
    }
    const hint = otherHit ? `; "${ref}" is an actor (${otherHit.id as string}), not a weapon system` : '';
    throw unknownReference('system', ref, candidates, hint);
  }

  // Resolving reads the id only; a look-up parses the node the same statement returned.
  async resolveActor(ref: string): Promise<string> {
    return (await this.found('Actor', ref)).id as string;
  }

  async resolveSystem(ref: string): Promise<string> {
    return (await this.found('WeaponSystem', ref)).id as string;
  }

  private async lookup(label: 'Actor' | 'WeaponSystem', ref: string): Promise<Entity> {
    const hit = await this.found(label, ref);
    return { type: hit.type, value: parse(hit.json) } as Entity;
  }

  lookupActor(ref: string): Promise<Entity> {
    return this.lookup('Actor', ref);
  }

  lookupSystem(ref: string): Promise<Entity> {
    return this.lookup('WeaponSystem', ref);
  }

  async node(id: string): Promise<Entity | undefined> {
    return (await this.nodes([id])).get(id);
  }

  async nodes(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>> {
    const out = new Map<string, Entity>();
    if (ids.length === 0) return out;
    for (const row of await this.executor.read(q.nodesById(ids), 'nodes')) {
      const value = parse<{ id: string }>(row.json);
      out.set(value.id, { type: row.type, value } as Entity);
    }
    return out;
  }

  /** A page and its counts, in one statement (`pageStatement`: one round trip, one consistent read). */
  private async page<T>(statements: q.PageStatements, size: number, keyOf: (item: T) => SortKey): Promise<Page<T>> {
    const [row] = await this.executor.read(q.pageStatement(statements), 'page');
    const items = ((row?.items as string[] | undefined) ?? []).map((json) => parse<T>(json));
    const total = Number(row?.total ?? 0);
    const before = Number(row?.before ?? 0);
    const related = (row?.related as [Entity['type'], string][] | undefined)?.map(([type, json]) => ({ type, value: parse(json) }) as Entity);
    return {
      items,
      cursors: items.map((item) => encodeCursor(keyOf(item))),
      totalCount: total,
      hasNextPage: before + items.length < total,
      hasPreviousPage: before > 0,
      ...(related !== undefined && { related }),
    };
  }

  private pageArgs(page: PageRequest): { after: SortKey | undefined; size: number } {
    const size = pageSize(page.first);
    return { after: page.after === undefined ? undefined : decodeCursor(page.after), size };
  }

  async actorPage(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
    const { after, size } = this.pageArgs(page);
    return this.page<Actor>(q.actorsPage(filter, filter.text || null, after, size), size, idKey);
  }

  async systemPage(filter: SystemFilter, page: PageRequest): Promise<Page<WeaponSystem>> {
    const { after, size } = this.pageArgs(page);
    return this.page<WeaponSystem>(q.systemsPage(filter, filter.text || null, after, size), size, idKey);
  }

  async transferPage(filter: TransferFilter, page: PageRequest): Promise<Page<Transfer>> {
    const { after, size } = this.pageArgs(page);
    return this.page<Transfer>(q.transfersPage(filter, after, size), size, spanKey);
  }

  async allActors(): Promise<readonly Actor[]> {
    return (await this.executor.read(q.allNames('Actor'), 'actors')).map((r) => parse<Actor>(r.json));
  }

  async timelinePage(filter: TimelineFilter, page: PageRequest): Promise<Page<TimelineEntry>> {
    const { after, size } = this.pageArgs(page);
    return this.page<TimelineEntry>(q.timelinePage(filter, after, size), size, spanKey);
  }

  /** What evaluating restrictions needs for some actors and systems over a window, and the transfers asked for: one statement. */
  async checkContext(request: CheckContextRequest): Promise<CheckContext & { readonly transfers: ReadonlyMap<string, Transfer> }> {
    const [row] = await this.executor.read(q.checkContext(request.actors, request.systems, request.window, request.transfers ?? []), 'check');
    const transfers = new Map(((row?.transfers as string[]) ?? []).map((j) => parse<Transfer>(j)).map((t) => [t.id, t] as const));
    const restrictions = ((row?.restrictions as string[]) ?? []).map((j) => parse<Restriction>(j)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const wars = ((row?.wars as string[]) ?? []).map((j) => parse<Event>(j));
    const links = (chains: unknown) =>
      ((chains as string[][]) ?? []).flatMap((chain) => chain.slice(0, -1).map((id, i) => [id, chain[i + 1]] as const));
    const names = new Map<string, string>(((row?.names as [string, string][]) ?? []).map(([id, name]) => [id, name]));
    return {
      transfers,
      restrictions,
      wars,
      actors: new Hierarchy(links(row?.actorChains)),
      systems: new Hierarchy(links(row?.systemChains)),
      nameOf: (id) => names.get(id) ?? id,
    };
  }

  /**
   * The projection of the current graph: the version stamp is read (one small round trip); the whole
   * TRANSFERRED graph only when the stamp differs from the projection's (one read at a time, shared).
   */
  private async projected(): Promise<TransferProjection> {
    const [row] = await this.executor.read(q.graphVersion(), 'version');
    const version = (row?.version as string | null | undefined) ?? null;
    if (this.projection !== undefined && this.projection.version === version) return this.projection;
    this.projecting ??= this.readProjection().finally(() => {
      this.projecting = undefined;
    });
    return (this.projection = await this.projecting);
  }

  /** Reads the version stamp, every TRANSFERRED relationship and the system families in one read transaction. */
  private async readProjection(): Promise<TransferProjection> {
    return this.executor.readWith(async (tx) => {
      const run = async (s: Statement) => (await tx.run(s.cypher, s.params)).records.map((r) => r.toObject());
      const [version] = await run(q.graphVersion());
      type Row = PathRow & { status: TransferStatus; kind: TransferKind; knownSince: string; knownUntil: string | null; category: string | null; evidence: string | null; source: FactSource | null };
      const transfers = ((await run(q.projectedTransfers())) as Row[]).map((r): ProjectedTransfer => {
        const { deliveries, units } = r.evidence === null ? { deliveries: [], units: null } : parse<Pick<RouteCandidate, 'deliveries' | 'units'>>(r.evidence);
        const date = { earliest: r.earliest, latest: r.latest };
        return {
          supplier: r.supplier, recipient: r.recipient, system: r.system, date, status: r.status, kind: r.kind, knownSince: r.knownSince,
          ...(r.source !== null && { source: r.source }),
          ...(r.knownUntil !== null && { knownUntil: r.knownUntil }),
          candidate: {
            id: r.id, supplier: r.supplier, recipient: r.recipient, system: r.system, backfills: r.backfills ?? [], date,
            category: r.category ?? 'unknown', deliveries, units,
          },
        };
      });
      const families = (await run(q.projectedSystems())).map((r) => [r.id as string, (r.family as string | null) ?? undefined] as const);
      return new TransferProjection((version?.version as string | null | undefined) ?? null, transfers, families);
    }, 'projection');
  }

  /**
   * The transfers that could lie on a path: from the projection (the filtered adjacency), or with `candidates:
   * 'cypher'` a reverse breadth-first pass from `to`, all its levels in one statement.
   */
  async pathCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<PathCandidate>> {
    if (this.candidates === 'projection') return (await this.projected()).graph(filter);
    return this.cypherCandidates(from, to, maxHops, filter, false);
  }

  /** The same transfers as `pathCandidates`, each with its hop evidence. */
  async routeCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<RouteCandidate>> {
    if (this.candidates === 'projection') return (await this.projected()).graph(filter);
    return this.cypherCandidates(from, to, maxHops, filter, true);
  }

  /** The Cypher design: the relationships into the actors found so far, level by level, in one statement. */
  private async cypherCandidates(from: string, to: string, maxHops: number, filter: TransferFilter, evidence: boolean): Promise<PathGraph<RouteCandidate>> {
    const [row] = await this.executor.read(q.pathLevels(from, to, maxHops, filter, evidence), evidence ? 'routes' : 'paths');
    const incoming = new Map<string, RouteCandidate[]>();
    const outgoing = new Map<string, RouteCandidate[]>();
    type Row = PathRow & { category?: string | null; evidence?: string | null };
    for (const r of (row?.rels ?? []) as Row[]) {
      const { deliveries, units } = r.evidence == null ? { deliveries: [], units: null } : parse<Pick<RouteCandidate, 'deliveries' | 'units'>>(r.evidence);
      const t: RouteCandidate = {
        id: r.id, supplier: r.supplier, recipient: r.recipient, system: r.system, backfills: r.backfills ?? [],
        date: { earliest: r.earliest, latest: r.latest }, category: r.category ?? 'unknown', deliveries, units,
      };
      push(incoming, t.recipient, t);
      push(outgoing, t.supplier, t);
    }
    for (const list of outgoing.values()) list.sort(bySpanThenId);
    for (const list of incoming.values()) list.sort(bySpanThenId);
    return { outgoing: (a: string) => outgoing.get(a) ?? [], incoming: (a: string) => incoming.get(a) ?? [] };
  }

  async neighbourhood(around: readonly string[], depth: number, filter: TransferFilter): Promise<{ actors: readonly Actor[]; transfers: readonly Transfer[] }> {
    return this.executor.readWith(async (tx) => {
      const seen = new Set<string>(around);
      let frontier = [...seen];
      for (let d = 0; d < depth && frontier.length > 0; d += 1) {
        const s = q.neighbours(frontier, filter);
        const next = (await tx.run(s.cypher, s.params)).records.map((r) => r.get('id') as string).filter((id) => !seen.has(id));
        next.forEach((id) => seen.add(id));
        frontier = next;
      }
      const s = q.subgraphOf([...seen], filter);
      const row = (await tx.run(s.cypher, s.params)).records[0]?.toObject() ?? { transfers: [], actors: [] };
      return {
        transfers: (row.transfers as string[]).map((j) => parse<Transfer>(j)),
        actors: (row.actors as string[]).map((j) => parse<Actor>(j)),
      };
    }, 'subgraph');
  }

  async searchCandidates(key: string): Promise<Iterable<Searchable>> {
    const rows = await this.executor.read(q.searchCandidates(key), 'search');
    return rows.map((r): Searchable => {
      const type = r.type as Searchable['type'];
      const x = parse<Actor | WeaponSystem | Event>(r.json);
      return { id: x.id, type, name: 'title' in x ? x.title : x.name, names: namesOf(x) };
    });
  }

  async aidCommitments(recipient?: string): Promise<readonly AidCommitment[]> {
    return (await this.executor.read(q.aidCommitments(recipient), 'aidCommitments')).map((r) => parse<AidCommitment>(r.json));
  }

  async backfillsOf(transferIds: readonly string[]): Promise<readonly Transfer[]> {
    if (transferIds.length === 0) return [];
    return (await this.executor.read(q.backfillsOf(transferIds), 'backfillsOf')).map((r) => parse<Transfer>(r.json));
  }

  async allTransfers(filter: TransferFilter): Promise<readonly Transfer[]> {
    const rows = await this.executor.read(q.transfersMatching(filter), 'transfers');
    return rows.map((r) => parse<Transfer>(r.json));
  }

  async transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Promise<readonly StatsRow[]> {
    const rows = await this.executor.read(q.transferAggregates(filter, groupBy), 'transferAggregates');
    return rows.map((r) => ({
      key: (r.key as unknown[]).map(String),
      transfers: Number(r.transfers),
      units: Number(r.unitRows) === 0 ? null : Number(r.units),
      tivDelivered: Number(r.tivRows) === 0 ? null : Number(r.tivMicro) / 1e6,
    }));
  }

  async tivByBucket(filter: TransferFilter, by: StatsKey, buckets: Readonly<Record<string, number>>): Promise<readonly BucketRow[]> {
    const rows = await this.executor.read(q.tivByBucket(filter, by, buckets), 'tivByBucket');
    return rows.map((r) => ({ key: String(r.key), bucket: Number(r.bucket), tivMicro: Number(r.tivMicro) }));
  }

  async dealLags(filter: TransferFilter, by: StatsKey): Promise<readonly LagRow[]> {
    const rows = await this.executor.read(q.dealLags(filter, by), 'dealLags');
    return rows.map((r) => ({ key: String(r.key), orderYear: Number(r.orderYear), first: Number(r.first), last: Number(r.last), deals: Number(r.deals) }));
  }

  async stats(): Promise<GraphStats> {
    const stats: Record<keyof GraphStats, number> = { ...EMPTY_STATS };
    for (const row of await this.executor.read(q.statsStatement(), 'stats')) {
      const key = STAT_KEYS[row.type as string];
      if (key) stats[key] = Number(row.count);
      stats.citations += Number(row.citations);
    }
    return stats;
  }

  async close(): Promise<void> {
    await this.executor.close();
  }
}
