// The production GraphStore on Neo4j: hand-written Cypher through one Executor, same answers as memory.
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j from 'neo4j-driver';
import { ConflictError } from '../../domain/errors.js';
import { validateDataset } from '../../domain/graph-model.js';
import type { Actor, AidCommitment, Dataset, Event, Restriction, Transfer, TransferKind, TransferStatus, WeaponSystem } from '../../domain/model.js';
import { namesOf } from '../../domain/names.js';
import type { FactSource } from '../../domain/provenance.js';
import { bySpanThenId } from '../../domain/time.js';
import {
  appendTo, decodeCursor, encodeCursor, pageSize, idKey,
  type ActorFilter, type CheckContext, type CheckContextRequest, type Entity, type GraphStats, type LoadSummary, type Page,
  type PageRequest, type PathCandidate, type PathGraph, type RouteCandidate, type Searchable, type SortKey, type StatsKey, type StatsRow, type LagRow, type BucketRow,
  type SystemFilter, type TimelineEntry, type TimelineFilter, type TransferFilter,
} from '../../query/index.js';
import type { GraphStore } from '../types.js';
import { neo4jConfigFromEnv, type Neo4jConfig } from './config.js';
import { Executor, type Row, type Statement } from './Executor.js';
import {
  loadStatements, stagedStatements, stagingStep, CLAIM_STAGING, DEFAULT_BATCH_SIZE, DROP_GENERATION, LOG_APPEND, READ_GENERATIONS, READ_LAST_GENERATION, READ_STORED_STATE,
  RELEASE_STALE_STAGING, STAGING_HEARTBEAT, SWITCH_GENERATION,
} from './cypher/load.js';
import * as q from './cypher/reads/index.js';
import { GENERATION_MIGRATION, SCHEMA_STATEMENTS } from './cypher/schema.js';
import { GraphProjection, type ProjectedNodes, type ProjectedTransfer } from './projection.js';

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

/** The graph's version stamp and live generation, as the meta node holds them. */
interface Stamp {
  readonly version: string | null;
  readonly live: number;
}

const stampOf = (row: Row | undefined): Stamp => ({
  version: (row?.version as string | null | undefined) ?? null,
  live: Number(row?.live ?? 0),
});

/** What a load's transaction answers when the difference to write is too large for it (then the load is staged). */
const TOO_LARGE = -1;

/**
 * Rows a staged load writes per transaction, and transactions it keeps running at once. A transfer row (step 1 of
 * `stagingStep`) writes a node and four relationships and counts as `STAGED_TRANSFER_ROW_WEIGHT` rows: two
 * transactions of 20,000 of them outgrew the transaction memory of a 1 GB heap (70 % of it by default).
 */
const STAGED_ROWS_PER_TRANSACTION = 20_000;
const STAGED_TRANSFER_ROW_WEIGHT = 4;
const STAGED_BATCH_SIZE = 5_000;
const STAGING_WRITERS = 2;

/** One request's reads of the Neo4j store (`readScope.within`). */
interface ReadScope {
  /** The projection this request checked against the stamp, the live generation then, and this instance's loads. */
  checked?: { readonly projection: GraphProjection; readonly gen: number; readonly loads: number };
  /** Names resolved from the latest projection before the request checked the stamp; its next read checks them. */
  unchecked?: { readonly projection: GraphProjection; readonly names: { kind: 'actor' | 'system'; ref: string; id: string }[] };
}

/** The Neo4j store. Create with `Neo4jStore.connect()`, which checks the server and applies the schema. */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  /** The in-process projection of the graph (the latest this instance read), and its read when one is under way. */
  private projection: GraphProjection | undefined;
  private projecting: Promise<GraphProjection> | undefined;
  /** The stamp read under way, and the one that starts after it (questions that ask meanwhile share it). */
  private readonly stampReads: { current?: Promise<Stamp>; next?: Promise<Stamp> } = {};
  /** The latest stamp read started, when, and after how many of this instance's loads (`stampMaxAgeMs`). */
  private recentStamp: { readonly read: Promise<Stamp>; readonly started: number; readonly loads: number } | undefined;
  /** The live generation as this instance last saw it (a page's statement reads it optimistically). */
  private live = 0;
  /** Each request's reads (`readScope.within`): what it checked against the stamp, what it resolved before that. */
  private readonly scopes = new AsyncLocalStorage<ReadScope>();
  /** Loads by this instance: a request's checked projection is older than a load it made itself. */
  private loads = 0;

  private constructor(
    private readonly executor: Executor,
    private readonly config: Neo4jConfig,
  ) {}

  /**
   * Connects, verifies the server answers, creates constraints and indexes (idempotent), and finishes what a load
   * killed before left: a database loaded before generations becomes generation 0; generations neither live nor
   * being staged by a load still writing are dropped (`recover`).
   */
  static async connect(config: Neo4jConfig = neo4jConfigFromEnv()): Promise<Neo4jStore> {
    const executor = new Executor(config);
    const store = new Neo4jStore(executor, config);
    try {
      await executor.ping();
      const [meta] = await executor.read(q.graphVersion(), 'connect');
      if (meta?.live === null || meta?.live === undefined) await executor.schema(GENERATION_MIGRATION);
      // The live generation as of now (0 once migrated), so the first page's optimistic statement reads it.
      else store.live = Number(meta.live);
      await executor.schema(SCHEMA_STATEMENTS);
      await store.recover();
    } catch (error) {
      await executor.close();
      throw error;
    }
    return store;
  }

  /**
   * Drops what loads killed part-way left: the staging generation of a load that has not written for
   * `stagingStaleMs` (or `staleAfterMs`), and every generation neither live nor staging (an old one a load had not
   * finished dropping). Readers never see either. Returns how many nodes and entries were dropped.
   */
  async recover(staleAfterMs = this.config.stagingStaleMs): Promise<number> {
    await this.executor.write((tx) => tx.run(RELEASE_STALE_STAGING, { key: q.META_KEY, now: neo4j.int(Date.now()), staleMs: neo4j.int(staleAfterMs) }), 'recover');
    return this.dropOtherGenerations();
  }

  /** Drops, in batches, the nodes and entries of every generation neither live nor staging; returns how many. */
  private async dropOtherGenerations(): Promise<number> {
    const [meta] = await this.executor.read({ cypher: READ_LAST_GENERATION, params: { key: q.META_KEY } }, 'generations');
    const keep = new Set([Number(meta?.live ?? 0), ...(meta?.staging == null ? [] : [Number(meta.staging)])]);
    let dropped = 0;
    for (let g = 0; g <= Number(meta?.last ?? 0); g += 1) {
      if (keep.has(g)) continue;
      for (const [i, cypher] of DROP_GENERATION.entries()) {
        for (;;) {
          const params = { g: neo4j.int(g), limit: neo4j.int(10_000) };
          const n = await this.executor.write(async (tx) => Number((await tx.run(cypher, params)).records[0]?.get('dropped') ?? 0), 'drop generation');
          if (i !== 1) dropped += n; // relationships are not counted
          if (n === 0) break;
        }
      }
    }
    return dropped;
  }

  /**
   * One request's reads: the version stamp is checked once (by the first read that needs the projection, or by a
   * page's own statement when names were resolved before), and later reads of the request use that projection.
   */
  readonly readScope = {
    within: <T,>(work: () => T): T => this.scopes.run({}, work),
  };

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

  /** Where a staged load is (`onStage`): statements of the new generation written, the switch, the old one dropped. */
  stageProgress: ((stage: { readonly phase: 'staging' | 'switched' | 'dropped'; readonly done: number; readonly total: number }) => void) | undefined;

  /**
   * Loads `dataset` (writing what changed) and adds the entries of the claim log (`:ArmsgraphLog {seq, json}`), in
   * one transaction: a claim is stored with the load that shows it. An entry number already taken (another
   * instance wrote it first) fails the whole transaction with CONFLICT.
   */
  async loadWithLog(dataset: Dataset, entries: readonly { readonly seq: number; readonly json: string }[], batchSize = DEFAULT_BATCH_SIZE): Promise<LoadSummary> {
    const started = performance.now();
    validateDataset(dataset);
    // Nodes, and about as many timeline entries as transfers and events.
    const size = Object.values(dataset).reduce((n, list: readonly unknown[]) => n + list.length, 0) + dataset.transfers.length + dataset.events.length;
    if (size >= this.config.stagedFrom) return this.loadStaged(dataset, entries, batchSize, started);
    const stored = await this.executor.write(async (tx) => {
      const gen = Number((await tx.run(READ_GENERATIONS, { key: q.META_KEY })).records[0]?.get('live') ?? 0);
      const row = (await tx.run(READ_STORED_STATE.cypher, { ...READ_STORED_STATE.params, gen: neo4j.int(gen) })).records[0];
      const pairs = (key: string) => new Map((row?.get(key) as [string, string][] | undefined) ?? []);
      const nodes = pairs('nodes');
      const statements = loadStatements(dataset, { nodes, entries: pairs('entries') }, batchSize);
      // A small dataset over a large graph (its nodes to delete) is a large load too: staged, not one transaction.
      const rows = statements.reduce((n, s) => n + ((s.params.rows ?? s.params.ids ?? []) as unknown[]).length, 0);
      if (rows >= this.config.stagedFrom) return TOO_LARGE;
      for (const s of statements) await tx.run(s.cypher, { ...s.params, gen: neo4j.int(gen) });
      if (entries.length > 0) await tx.run(LOG_APPEND, { rows: entries.map((e) => ({ seq: neo4j.int(e.seq), json: e.json })) });
      return nodes.size;
    }, 'load');
    if (stored === TOO_LARGE) return this.loadStaged(dataset, entries, batchSize, started);
    this.loads += 1;
    // Index statistics sampled on a graph of another size mislead the planner (replan); a claim's few nodes do not.
    const nodes = Object.values(dataset).reduce((n, list: readonly unknown[]) => n + list.length, 0);
    if (stored === 0 || Math.abs(nodes - stored) > 0.1 * Math.max(nodes, stored)) await this.executor.replan();
    return { ...(await this.stats()), millis: Math.round(performance.now() - started) };
  }

  /**
   * A load too large for one transaction, atomic all the same: the dataset is written as the next generation
   * beside the live one (20 statements a transaction, each noting that the load is alive), made live in one small
   * transaction with its version stamp and claim log entries, and the old generation is dropped after
   * `generationGraceMs` (reads under way finish on it). Killed before the switch, the live generation is untouched
   * and the staged one is dropped by the next load or restart; killed after, the new one is live.
   */
  private async loadStaged(
    dataset: Dataset, entries: readonly { readonly seq: number; readonly json: string }[], batchSize: number, started: number,
  ): Promise<LoadSummary> {
    await this.recover();
    // The new generation starts empty (recover dropped any leftover): every node is written, none deleted.
    const rows = Math.max(batchSize, STAGED_BATCH_SIZE);
    const { statements, version } = stagedStatements(dataset, rows);
    // The same content as the live generation (its stamp is a hash of the content): nothing to write.
    const live = stampOf((await this.executor.read(q.graphVersion(), 'load'))[0]);
    if (entries.length === 0 && live.version === version) return { ...(await this.stats()), millis: Math.round(performance.now() - started) };
    const claimed = await this.executor.write(async (tx) => (await tx.run(CLAIM_STAGING, {
      key: q.META_KEY, now: neo4j.int(Date.now()), staleMs: neo4j.int(this.config.stagingStaleMs),
    })).records[0], 'load');
    if (claimed === undefined) throw new ConflictError('another staged load is writing to this database; try again when it has finished');
    const gen = Number(claimed.get('gen'));
    let done = 0;
    const write = async (chunk: readonly Statement[]) => {
      await this.executor.write(async (tx) => {
        for (const s of chunk) await tx.run(s.cypher, { ...s.params, gen: neo4j.int(gen) });
        const alive = await tx.run(STAGING_HEARTBEAT, { key: q.META_KEY, gen: neo4j.int(gen), now: neo4j.int(Date.now()) });
        if (alive.records.length === 0) throw new ConflictError(`the staged load of generation ${gen} was released (it stopped writing for too long); load again`);
      }, 'load');
      done += chunk.length;
      this.stageProgress?.({ phase: 'staging', done, total: statements.length });
    };
    // Nodes first, then transfers with their links to them, then the other links (`stagingStep`); within each
    // step, STAGING_WRITERS transactions at once (Neo4j runs each on a core).
    const steps = ([0, 1, 2] as const).map((step) => statements.filter((s) => stagingStep(s.cypher) === step));
    for (const [step, phase] of steps.entries()) {
      const perTransaction = Math.max(1, Math.round(STAGED_ROWS_PER_TRANSACTION / rows / (step === 1 ? STAGED_TRANSFER_ROW_WEIGHT : 1)));
      const chunks: Statement[][] = [];
      for (let i = 0; i < phase.length; i += perTransaction) chunks.push(phase.slice(i, i + perTransaction));
      let next = 0;
      let failed = false;
      await Promise.all(Array.from({ length: STAGING_WRITERS }, async () => {
        while (!failed && next < chunks.length) {
          const chunk = chunks[next++]!;
          await write(chunk).catch((error: unknown) => {
            failed = true;
            throw error;
          });
        }
      }));
    }
    await this.executor.write(async (tx) => {
      const switched = await tx.run(SWITCH_GENERATION, { key: q.META_KEY, gen: neo4j.int(gen), version });
      if (switched.records.length === 0) throw new ConflictError(`the staged load of generation ${gen} was released before its switch; load again`);
      if (entries.length > 0) await tx.run(LOG_APPEND, { rows: entries.map((e) => ({ seq: neo4j.int(e.seq), json: e.json })) });
    }, 'load');
    this.loads += 1;
    this.live = gen;
    this.stageProgress?.({ phase: 'switched', done: statements.length, total: statements.length });
    if (this.config.generationGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.config.generationGraceMs));
    await this.dropOtherGenerations();
    this.stageProgress?.({ phase: 'dropped', done: statements.length, total: statements.length });
    await this.executor.replan();
    return { ...(await this.stats()), millis: Math.round(performance.now() - started) };
  }

  /** The claim log's entries after number `seq`, in order. */
  async logAfter(seq: number): Promise<{ seq: number; json: string }[]> {
    const rows = await this.executor.read({ cypher: q.LOG_AFTER, params: { seq: neo4j.int(seq) } }, 'claim log');
    return rows.map((r) => ({ seq: r.seq as number, json: r.json as string }));
  }

  /** Runs statements in order in one write transaction, in the live generation: all of them commit, or none does. */
  async runInOneTransaction(statements: readonly Statement[]): Promise<void> {
    await this.executor.write(async (tx) => {
      const gen = neo4j.int(Number((await tx.run(READ_GENERATIONS, { key: q.META_KEY })).records[0]?.get('live') ?? 0));
      for (const s of statements) await tx.run(s.cypher, { gen, ...s.params });
    }, 'load');
  }

  /**
   * Resolves an actor or system reference from the projection. In a request whose stamp is not checked yet, the
   * latest projection answers at once and the name is checked with the request's next read (the stamp it reads, or
   * a page's); a miss is only reported once checked (the name may be new).
   */
  private async resolveName(kind: 'actor' | 'system', ref: string): Promise<string> {
    const resolve = (p: GraphProjection) => (kind === 'actor' ? p.names.resolveActor(ref) : p.names.resolveSystem(ref));
    const scope = this.scopes.getStore();
    const latest = scope?.unchecked?.projection ?? this.projection;
    if (scope === undefined || this.checkedIn(scope) !== undefined || latest === undefined) return resolve(await this.projected());
    let id: string;
    try {
      id = resolve(latest);
    } catch {
      return resolve(await this.projected());
    }
    scope.unchecked ??= { projection: latest, names: [] };
    scope.unchecked.names.push({ kind, ref, id });
    return id;
  }

  async resolveActor(ref: string): Promise<string> {
    return this.resolveName('actor', ref);
  }

  async resolveSystem(ref: string): Promise<string> {
    return this.resolveName('system', ref);
  }

  async lookupActor(ref: string): Promise<Entity> {
    return this.lookup('actor', ref);
  }

  async lookupSystem(ref: string): Promise<Entity> {
    return this.lookup('system', ref);
  }

  /** A node by id or alias: one stamp read (in a read scope of its own when the caller has none). */
  private async lookup(kind: 'actor' | 'system', ref: string): Promise<Entity> {
    if (this.scopes.getStore() === undefined) return this.readScope.within(() => this.lookup(kind, ref));
    const id = await this.resolveName(kind, ref);
    return (await this.projected()).node(id)!;
  }

  async node(id: string): Promise<Entity | undefined> {
    return (await this.nodes([id])).get(id);
  }

  /**
   * A node of the projection the request under way has checked against the version stamp, at once (GraphQL's
   * nested nodes: a route page's hops name a hundred actors); undefined before the check, out of a request, or for
   * nodes the projection does not hold (those are read by `nodes`).
   */
  heldNode(id: string): Entity | undefined {
    const scope = this.scopes.getStore();
    return scope === undefined ? undefined : this.checkedIn(scope)?.node(id);
  }

  /** Actors, systems, restrictions, events and transfers from the projection; other nodes (sources, ...) read. */
  async nodes(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>> {
    const out = new Map<string, Entity>();
    if (ids.length === 0) return out;
    const projection = await this.projected();
    const rest: string[] = [];
    for (const id of ids) {
      const held = projection.node(id);
      if (held !== undefined) out.set(id, held);
      else rest.push(id);
    }
    if (rest.length === 0) return out;
    for (const row of await this.read(q.nodesById(rest), 'nodes')) {
      const value = parse<{ id: string }>(row.json);
      out.set(value.id, { type: row.type, value } as Entity);
    }
    return out;
  }

  /** A page and its counts, in one statement (`pageStatement`: one round trip, one consistent read). */
  private async page<T>(statements: q.PageStatements, size: number, keyOf: (item: T) => SortKey): Promise<Page<T>> {
    const loads = this.loads;
    const scope = this.scopes.getStore();
    const statement = q.pageStatement(statements);
    const gen = scope !== undefined && this.checkedIn(scope) !== undefined ? scope.checked!.gen : this.live;
    let [row] = await this.executor.read({ cypher: statement.cypher, params: { ...statement.params, gen: neo4j.int(gen) } }, 'page');
    const stamp = stampOf(row);
    this.live = stamp.live;
    // The page's stamp checks the request's projection, and the names it resolved from it (no read of its own).
    if (scope !== undefined && (scope.unchecked !== undefined || this.checkedIn(scope) === undefined)) await this.settle(scope, stamp, loads);
    // Read in a generation no longer live (a staged load switched since this instance last looked): again.
    if (stamp.live !== gen) [row] = await this.executor.read({ cypher: statement.cypher, params: { ...statement.params, gen: neo4j.int(stamp.live) } }, 'page');
    const items = ((row?.items as string[] | undefined) ?? []).map((json) => parse<T>(json));
    const total = Number(row?.total ?? 0);
    const before = Number(row?.before ?? 0);
    return {
      items,
      cursors: items.map((item) => encodeCursor(keyOf(item))),
      totalCount: total,
      hasNextPage: before + items.length < total,
      hasPreviousPage: before > 0,
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

  /** From the projection, as the memory store answers it (one stamp read). */
  async transferPage(filter: TransferFilter, page: PageRequest): Promise<Page<Transfer>> {
    return (await this.projected()).transferPage(filter, page);
  }

  async allActors(): Promise<readonly Actor[]> {
    return (await this.read(q.allActors(), 'actors')).map((r) => parse<Actor>(r.json));
  }

  /** From the projection, as the memory store answers it (one stamp read). */
  async timelinePage(filter: TimelineFilter, page: PageRequest): Promise<Page<TimelineEntry>> {
    return (await this.projected()).timelinePage(filter, page);
  }

  /** What evaluating restrictions needs, and the transfers asked for: from the projection. */
  async checkContext(request: CheckContextRequest): Promise<CheckContext & { readonly transfers: ReadonlyMap<string, Transfer> }> {
    const projection = await this.projected();
    const transfers = new Map<string, Transfer>();
    for (const id of request.transfers ?? []) {
      const held = projection.node(id);
      if (held?.type === 'Transfer') transfers.set(id, held.value);
    }
    return { ...projection.checks, transfers };
  }

  /** The request's projection if it checked the stamp since this instance's last load. */
  private checkedIn(scope: ReadScope): GraphProjection | undefined {
    return scope.checked !== undefined && scope.checked.loads === this.loads ? scope.checked.projection : undefined;
  }

  /**
   * Reads the projection of the current graph now rather than at the first question that needs it: a server calls
   * it before it listens, so no request waits for that read (seconds at 250,000 transfers), nor does a balancer
   * send requests to an instance, or a `serve --workers` worker started again, before it has it.
   */
  async warm(): Promise<void> {
    await this.projected();
  }

  /** The live generation for a read: the request's, once checked; without a request, from a stamp read. */
  private async liveGen(): Promise<number> {
    const scope = this.scopes.getStore();
    if (scope === undefined) return (await this.stamp()).live;
    await this.projected();
    return scope.checked!.gen;
  }

  /**
   * The projection of the current graph: the version stamp is read (one small round trip, shared with the
   * questions that ask while it is under way; once per request in a `readScope`), the whole projection only when
   * the stamp differs from this instance's.
   */
  private async projected(): Promise<GraphProjection> {
    const scope = this.scopes.getStore();
    const checked = scope && this.checkedIn(scope);
    if (checked !== undefined) return checked;
    const loads = this.loads;
    return this.settle(scope, await this.stamp(), loads);
  }

  /**
   * The projection of `version`, and in a request: its names resolved before the check confirmed against it (a
   * name that now means another node fails the question with CONFLICT: the graph changed while it was answered).
   */
  private async settle(scope: ReadScope | undefined, stamp: Stamp, loads: number): Promise<GraphProjection> {
    const projection = await this.projectionOf(stamp.version);
    if (scope === undefined) return projection;
    const unchecked = scope.unchecked;
    scope.unchecked = undefined;
    for (const n of unchecked?.projection === projection ? [] : (unchecked?.names ?? [])) {
      // Resolved again in the graph as checked: a name that names nothing now fails as it would if asked now (not
      // found, with suggestions); one that names another node may have been used for this one by reads made.
      const now = n.kind === 'actor' ? projection.names.resolveActor(n.ref) : projection.names.resolveSystem(n.ref);
      if (now !== n.id) {
        throw new ConflictError(`the graph changed while this question was answered: "${n.ref}" now names ${now}, not ${n.id}; ask again`);
      }
    }
    scope.checked = { projection, gen: stamp.live, loads };
    return projection;
  }

  /** The projection of `version`: this instance's, or read again (one read at a time, shared). */
  private async projectionOf(version: string | null): Promise<GraphProjection> {
    // A read under way may have started before the load that wrote `version`: then one more.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (this.projection !== undefined && this.projection.version === version) return this.projection;
      this.projecting ??= this.readProjection().finally(() => {
        this.projecting = undefined;
      });
      this.projection = await this.projecting;
    }
    return this.projection!;
  }

  /**
   * The graph's version stamp. A read that started at most `stampMaxAgeMs` before this call, after this instance's
   * last load, will do (under load, one read then serves every question of that window); otherwise one that starts
   * after this call: a question that asks while a read is under way waits for the next one, which every question
   * asking meanwhile shares. A request with bookmarks reads its own, with them.
   */
  private stamp(): Promise<Stamp> {
    const reads = this.stampReads;
    if (this.executor.hasRequestBookmarks()) return this.readStamp();
    const recent = this.recentStamp;
    if (recent !== undefined && recent.loads === this.loads && performance.now() - recent.started <= this.config.stampMaxAgeMs) return recent.read;
    if (reads.next !== undefined) return reads.next;
    if (reads.current === undefined) return this.startStamp();
    const after = reads.current.then(() => undefined, () => undefined);
    return (reads.next = after.then(() => {
      reads.next = undefined;
      return this.startStamp();
    }));
  }

  private startStamp(): Promise<Stamp> {
    const [started, loads] = [performance.now(), this.loads];
    const read: Promise<Stamp> = this.readStamp().finally(() => {
      if (this.stampReads.current === read) this.stampReads.current = undefined;
    });
    read.catch(() => {
      if (this.recentStamp?.read === read) this.recentStamp = undefined;
    });
    this.recentStamp = { read, started, loads };
    return (this.stampReads.current = read);
  }

  private async readStamp(): Promise<Stamp> {
    const [row] = await this.executor.read(q.graphVersion(), 'version');
    const stamp = stampOf(row);
    this.live = stamp.live;
    return stamp;
  }

  /** A read that does not check the stamp itself: first the check the request's names wait for, if any. */
  private async read(statement: Statement, what: string): Promise<Row[]> {
    const gen = await this.liveGen();
    return this.executor.read({ cypher: statement.cypher, params: { ...statement.params, gen: neo4j.int(gen) } }, what);
  }

  /** Reads the version stamp, every TRANSFERRED relationship and the nodes the projection keeps in one read transaction. */
  private async readProjection(): Promise<GraphProjection> {
    return this.executor.readWith(async (tx) => {
      const run = async (s: Statement) => (await tx.run(s.cypher, s.params)).records.map((r) => r.toObject());
      const stamp = stampOf((await run(q.graphVersion()))[0]);
      const inGen = (st: Statement): Statement => ({ cypher: st.cypher, params: { ...st.params, gen: neo4j.int(stamp.live) } });
      type Row = PathRow & { status: TransferStatus; kind: TransferKind; knownSince: string; knownUntil: string | null; category: string | null; evidence: string | null; source: FactSource | null };
      const transfers = ((await run(inGen(q.projectedTransfers()))) as Row[]).map((r): ProjectedTransfer => {
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
      const entries = (await run(inGen(q.projectedEntries()))).map((r) => parse<TimelineEntry>(r.json as string));
      const nodes = {
        actors: [] as Actor[], systems: [] as WeaponSystem[], restrictions: [] as Restriction[], events: [] as Event[], transferJson: new Map<string, string>(),
        entries,
      };
      for (const r of await run(inGen(q.projectedNodes()))) {
        const json = r.json as string;
        if (r.type === 'Transfer') nodes.transferJson.set(r.id as string, json);
        else if (r.type === 'Actor') nodes.actors.push(parse(json));
        else if (r.type === 'WeaponSystem') nodes.systems.push(parse(json));
        else if (r.type === 'Restriction') nodes.restrictions.push(parse(json));
        else if (r.type === 'Event') nodes.events.push(parse(json));
      }
      return new GraphProjection(stamp.version, transfers, nodes satisfies ProjectedNodes);
    }, 'projection', this.config.projectionTimeoutMs);
  }

  /**
   * The transfers that could lie on a path: from the projection (the filtered adjacency), or with `candidates:
   * 'cypher'` a reverse breadth-first pass from `to`, all its levels in one statement.
   */
  async pathCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<PathCandidate>> {
    if (this.config.candidates === 'projection') return (await this.projected()).graph(filter);
    return this.cypherCandidates(from, to, maxHops, filter, false);
  }

  /** The same transfers as `pathCandidates`, each with its hop evidence. */
  async routeCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<RouteCandidate>> {
    if (this.config.candidates === 'projection') return (await this.projected()).graph(filter);
    return this.cypherCandidates(from, to, maxHops, filter, true);
  }

  /** The Cypher design: the relationships into the actors found so far, level by level, in one statement. */
  private async cypherCandidates(from: string, to: string, maxHops: number, filter: TransferFilter, evidence: boolean): Promise<PathGraph<RouteCandidate>> {
    const [row] = await this.read(q.pathLevels(from, to, maxHops, filter, evidence), evidence ? 'routes' : 'paths');
    const incoming = new Map<string, RouteCandidate[]>();
    const outgoing = new Map<string, RouteCandidate[]>();
    type Row = PathRow & { category?: string | null; evidence?: string | null };
    for (const r of (row?.rels ?? []) as Row[]) {
      const { deliveries, units } = r.evidence == null ? { deliveries: [], units: null } : parse<Pick<RouteCandidate, 'deliveries' | 'units'>>(r.evidence);
      const t: RouteCandidate = {
        id: r.id, supplier: r.supplier, recipient: r.recipient, system: r.system, backfills: r.backfills ?? [],
        date: { earliest: r.earliest, latest: r.latest }, category: r.category ?? 'unknown', deliveries, units,
      };
      appendTo(incoming, t.recipient, t);
      appendTo(outgoing, t.supplier, t);
    }
    for (const list of outgoing.values()) list.sort(bySpanThenId);
    for (const list of incoming.values()) list.sort(bySpanThenId);
    return { outgoing: (a: string) => outgoing.get(a) ?? [], incoming: (a: string) => incoming.get(a) ?? [] };
  }

  async neighbourhood(around: readonly string[], depth: number, filter: TransferFilter): Promise<{ actors: readonly Actor[]; transfers: readonly Transfer[] }> {
    const gen = await this.liveGen();
    return this.executor.readWith(async (tx) => {
      const seen = new Set<string>(around);
      let frontier = [...seen];
      for (let d = 0; d < depth && frontier.length > 0; d += 1) {
        const s = q.neighbours(frontier, filter);
        const next = (await tx.run(s.cypher, { ...s.params, gen: neo4j.int(gen) })).records.map((r) => r.get('id') as string).filter((id) => !seen.has(id));
        next.forEach((id) => seen.add(id));
        frontier = next;
      }
      const s = q.subgraphOf([...seen], filter);
      const row = (await tx.run(s.cypher, { ...s.params, gen: neo4j.int(gen) })).records[0]?.toObject() ?? { transfers: [], actors: [] };
      return {
        transfers: (row.transfers as string[]).map((j) => parse<Transfer>(j)),
        actors: (row.actors as string[]).map((j) => parse<Actor>(j)),
      };
    }, 'subgraph');
  }

  async searchCandidates(key: string): Promise<Iterable<Searchable>> {
    const rows = await this.read(q.searchCandidates(key), 'search');
    return rows.map((r): Searchable => {
      const type = r.type as Searchable['type'];
      const x = parse<Actor | WeaponSystem | Event>(r.json);
      return { id: x.id, type, name: 'title' in x ? x.title : x.name, names: namesOf(x) };
    });
  }

  async aidCommitments(recipient?: string): Promise<readonly AidCommitment[]> {
    return (await this.read(q.aidCommitments(recipient), 'aidCommitments')).map((r) => parse<AidCommitment>(r.json));
  }

  async backfillsOf(transferIds: readonly string[]): Promise<readonly Transfer[]> {
    if (transferIds.length === 0) return [];
    return (await this.read(q.backfillsOf(transferIds), 'backfillsOf')).map((r) => parse<Transfer>(r.json));
  }

  async allTransfers(filter: TransferFilter): Promise<readonly Transfer[]> {
    const rows = await this.read(q.transfersMatching(filter), 'transfers');
    return rows.map((r) => parse<Transfer>(r.json));
  }

  async transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Promise<readonly StatsRow[]> {
    const rows = await this.read(q.transferAggregates(filter, groupBy), 'transferAggregates');
    return rows.map((r) => ({
      key: (r.key as unknown[]).map(String),
      transfers: Number(r.transfers),
      units: Number(r.unitRows) === 0 ? null : Number(r.units),
      tivDelivered: Number(r.tivRows) === 0 ? null : Number(r.tivMicro) / 1e6,
    }));
  }

  async tivByBucket(filter: TransferFilter, by: StatsKey, buckets: Readonly<Record<string, number>>): Promise<readonly BucketRow[]> {
    const rows = await this.read(q.tivByBucket(filter, by, buckets), 'tivByBucket');
    return rows.map((r) => ({ key: String(r.key), bucket: Number(r.bucket), tivMicro: Number(r.tivMicro) }));
  }

  async dealLags(filter: TransferFilter, by: StatsKey): Promise<readonly LagRow[]> {
    const rows = await this.read(q.dealLags(filter, by), 'dealLags');
    return rows.map((r) => ({ key: String(r.key), orderYear: Number(r.orderYear), first: Number(r.first), last: Number(r.last), deals: Number(r.deals) }));
  }

  async stats(): Promise<GraphStats> {
    const stats: Record<keyof GraphStats, number> = { ...EMPTY_STATS };
    for (const row of await this.read(q.statsStatement(), 'stats')) {
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
