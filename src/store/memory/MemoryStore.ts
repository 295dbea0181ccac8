// The embedded GraphStore: nothing to install; answers the data ports from an immutable, fully indexed snapshot.
import type { Actor, AidCommitment, Dataset, Transfer, WeaponSystem } from '../../domain/model.js';
import { bySpanThenId } from '../../domain/time.js';
import {
  aggregateStats, aggregateLags, aggregateTivByBucket, statFacts, idKey, matchingTransfers, mergeSorted, paginate, spanKey, transferPredicate,
  type ActorFilter, type CheckContext, type CheckContextRequest, type Entity, type GraphStats, type LoadSummary, type Page,
  type PageRequest, type PathGraph, type RouteCandidate, type Searchable, type StatsKey, type StatsRow, type LagRow, type StatFacts, type BucketRow, type SystemFilter, type TimelineEntry,
  type TimelineFilter, type TransferFilter,
} from '../../query/index.js';
import type { GraphStore } from '../types.js';
import { bySystem } from './lists.js';
import { buildSnapshot, type Snapshot } from './snapshot.js';
import { EMPTY_DATASET } from '../../domain/model.js';

/** Filtered path adjacencies kept per snapshot (one per distinct system/statuses/window/knownAt filter). */
const PATH_GRAPH_CACHE_SIZE = 32;

/** Adjacency lists longer than this are split by system on first use by a path query with a system filter. */
const SPLIT_BY_SYSTEM_ABOVE = 64;

/** Per-snapshot caches of path queries: filtered adjacency per filter, and big adjacency lists split by system. */
interface PathCaches {
  readonly snapshot: Snapshot | undefined;
  readonly byFilter: Map<string, PathGraph>;
  readonly outBySystem: Map<string, Map<string, Transfer[]>>;
  readonly inBySystem: Map<string, Map<string, Transfer[]>>;
}

const emptyCaches = (snapshot: Snapshot | undefined): PathCaches => ({
  snapshot, byFilter: new Map(), outBySystem: new Map(), inBySystem: new Map(),
});

/** The in-memory store. Loads swap a fully built snapshot, so readers never see a half-loaded graph. */
export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  private snapshot: Snapshot = buildSnapshot(EMPTY_DATASET);
  private pathCaches: PathCaches = emptyCaches(undefined);
  /** Route candidates per path-candidate graph (so per snapshot and filter, with the same LRU). */
  private routeGraphs = new WeakMap<PathGraph<Transfer>, PathGraph<RouteCandidate>>();
  /** Each transfer's statistics facts, computed once per snapshot (transferStats and the trends read them). */
  private statCache: { snapshot: Snapshot; facts: Map<Transfer, StatFacts> } | undefined;
  private readonly factsOf = (t: Transfer): StatFacts => {
    const s = this.snapshot;
    if (this.statCache?.snapshot !== s) this.statCache = { snapshot: s, facts: new Map() };
    let f = this.statCache.facts.get(t);
    if (!f) this.statCache.facts.set(t, (f = statFacts(t, s.systemsById)));
    return f;
  };

  async load(dataset: Dataset): Promise<LoadSummary> {
    const started = performance.now();
    const next = buildSnapshot(dataset);
    this.snapshot = next;
    return { ...next.stats, millis: Math.round(performance.now() - started) };
  }

  async resolveActor(ref: string): Promise<string> {
    return this.snapshot.names.resolveActor(ref);
  }

  async resolveSystem(ref: string): Promise<string> {
    return this.snapshot.names.resolveSystem(ref);
  }

  async lookupActor(ref: string): Promise<Entity> {
    return this.heldNode(await this.resolveActor(ref))!;
  }

  async lookupSystem(ref: string): Promise<Entity> {
    return this.heldNode(await this.resolveSystem(ref))!;
  }

  async node(id: string): Promise<Entity | undefined> {
    return this.heldNode(id);
  }

  heldNode(id: string): Entity | undefined {
    return this.snapshot.entities.get(id);
  }

  async nodes(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>> {
    const out = new Map<string, Entity>();
    for (const id of ids) {
      const e = this.snapshot.entities.get(id);
      if (e) out.set(id, e);
    }
    return out;
  }

  async actorPage(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
    const s = this.snapshot;
    const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
    const text = filter.text;
    const items = s.actors.filter((a) => (!kinds || kinds.has(a.kind)) && (!text || s.nameKeys.get(a.id)!.some((n) => n.includes(text))));
    return paginate(items, idKey, page);
  }

  async systemPage(filter: SystemFilter, page: PageRequest): Promise<Page<WeaponSystem>> {
    const s = this.snapshot;
    const family = filter.family === undefined ? undefined : s.systemTree.descendantsOrSelf(filter.family);
    const text = filter.text;
    const items = s.systems.filter(
      (x) =>
        (filter.category === undefined || x.category === filter.category) &&
        (!family || family.has(x.id)) &&
        (!text || s.nameKeys.get(x.id)!.some((n) => n.includes(text))),
    );
    return paginate(items, idKey, page);
  }

  async transferPage(filter: TransferFilter, page: PageRequest): Promise<Page<Transfer>> {
    return paginate(this.matchingTransfers(filter), spanKey, page);
  }

  async allTransfers(filter: TransferFilter): Promise<readonly Transfer[]> {
    return this.matchingTransfers(filter);
  }

  async allActors(): Promise<readonly Actor[]> {
    return this.snapshot.actors;
  }

  async aidCommitments(recipient?: string): Promise<readonly AidCommitment[]> {
    const all = this.snapshot.aidCommitments;
    return recipient === undefined ? all : all.filter((a) => a.recipient === recipient);
  }

  async backfillsOf(transferIds: readonly string[]): Promise<readonly Transfer[]> {
    const found = new Map<string, Transfer>();
    for (const id of transferIds) for (const t of this.snapshot.backfilledBy.get(id) ?? []) found.set(t.id, t);
    return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private matchingTransfers(filter: TransferFilter): Transfer[] {
    const s = this.snapshot;
    return matchingTransfers({ all: s.transfers, outgoing: s.outgoing, incoming: s.incoming }, filter, s.systemTree);
  }

  async pathCandidates(_from: string, _to: string, _maxHops: number, filter: TransferFilter): Promise<PathGraph<Transfer>> {
    return this.pathGraph(filter);
  }

  async routeCandidates(_from: string, _to: string, _maxHops: number, filter: TransferFilter): Promise<PathGraph<RouteCandidate>> {
    const base = this.pathGraph(filter);
    let graph = this.routeGraphs.get(base);
    if (!graph) {
      // The same adjacency as path candidates, each transfer seen as a route candidate; lists kept with the filter's.
      const s = this.snapshot;
      const memo = (source: (a: string) => readonly Transfer[]) => {
        const lists = new Map<string, readonly RouteCandidate[]>();
        return (a: string) => {
          let list = lists.get(a);
          if (!list) lists.set(a, (list = source(a).map((t) => s.routeCandidate(t))));
          return list;
        };
      };
      graph = { outgoing: memo(base.outgoing), incoming: memo(base.incoming) };
      this.routeGraphs.set(base, graph);
    }
    return graph;
  }

  /**
   * The adjacency of the transfers a path query may use, filtered lazily per actor and kept for the next query
   * with the same filter (a small LRU per snapshot): hub actors have thousands of transfers, and re-filtering
   * them on every question was most of a path query's time. With a system filter, a hub's list is first cut to
   * the family's systems (from a per-system split of that list, made once), so a cold family costs in
   * proportion to its own transfers, not the hub's.
   */
  private pathGraph(filter: TransferFilter): PathGraph<Transfer> {
    const s = this.snapshot;
    if (this.pathCaches.snapshot !== s) this.pathCaches = emptyCaches(s);
    const caches = this.pathCaches;
    const key = JSON.stringify([filter.system, [...(filter.statuses ?? [])].sort(), filter.between, filter.knownAt, filter.supplier, filter.recipient, filter.kinds, filter.sources]);
    let graph = caches.byFilter.get(key);
    if (graph) {
      caches.byFilter.delete(key);
    } else {
      const keep = transferPredicate(filter, s.systemTree);
      const family = filter.system === undefined ? undefined : [...s.systemTree.descendantsOrSelf(filter.system)];
      const memo = (source: ReadonlyMap<string, readonly Transfer[]>, split: Map<string, Map<string, Transfer[]>>) => {
        const lists = new Map<string, readonly Transfer[]>();
        return (actor: string) => {
          let list = lists.get(actor);
          if (!list) {
            let candidates = source.get(actor) ?? [];
            if (family !== undefined && candidates.length > SPLIT_BY_SYSTEM_ABOVE) {
              let systems = split.get(actor);
              if (!systems) split.set(actor, (systems = bySystem(candidates)));
              candidates = mergeSorted(family.map((id) => systems!.get(id) ?? []), bySpanThenId);
            }
            list = candidates.filter(keep);
            lists.set(actor, list);
          }
          return list;
        };
      };
      graph = { outgoing: memo(s.outgoing, caches.outBySystem), incoming: memo(s.incoming, caches.inBySystem) };
      if (caches.byFilter.size >= PATH_GRAPH_CACHE_SIZE) caches.byFilter.delete(caches.byFilter.keys().next().value!);
    }
    caches.byFilter.set(key, graph);
    return graph;
  }

  async checkContext(request: CheckContextRequest): Promise<CheckContext & { readonly transfers: ReadonlyMap<string, Transfer> }> {
    const s = this.snapshot;
    const transfers = new Map<string, Transfer>();
    for (const id of request.transfers ?? []) {
      const e = s.entities.get(id);
      if (e?.type === 'Transfer') transfers.set(id, e.value);
    }
    return { ...s.checks, transfers };
  }

  async timelinePage(filter: TimelineFilter, page: PageRequest): Promise<Page<TimelineEntry>> {
    return this.snapshot.timeline.page(filter, page);
  }

  async neighbourhood(around: readonly string[], depth: number, filter: TransferFilter): Promise<{ actors: readonly Actor[]; transfers: readonly Transfer[] }> {
    const s = this.snapshot;
    const keep = transferPredicate(filter, s.systemTree);
    const seen = new Set<string>(around);
    let frontier = [...seen];
    for (let d = 0; d < depth && frontier.length > 0; d += 1) {
      const next: string[] = [];
      for (const actor of frontier) {
        for (const list of [s.outgoing.get(actor) ?? [], s.incoming.get(actor) ?? []]) {
          for (const t of list) {
            if (!keep(t)) continue;
            for (const other of [t.supplier, t.recipient]) {
              if (!seen.has(other)) {
                seen.add(other);
                next.push(other);
              }
            }
          }
        }
      }
      frontier = next;
    }
    // Transfers between the actors found: each one leaves one of them, so the out-lists of the set hold them all.
    const transfers: Transfer[] = [];
    for (const actor of seen) for (const t of s.outgoing.get(actor) ?? []) if (seen.has(t.recipient) && keep(t)) transfers.push(t);
    return { actors: s.actors.filter((a) => seen.has(a.id)), transfers };
  }

  async searchCandidates(_key: string): Promise<Iterable<Searchable>> {
    return this.snapshot.searchables;
  }

  async transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Promise<readonly StatsRow[]> {
    return aggregateStats(this.matchingTransfers(filter), groupBy, this.factsOf, filter.between);
  }

  async tivByBucket(filter: TransferFilter, by: StatsKey, buckets: Readonly<Record<string, number>>): Promise<readonly BucketRow[]> {
    return aggregateTivByBucket(this.matchingTransfers(filter), by, buckets, this.factsOf);
  }

  async dealLags(filter: TransferFilter, by: StatsKey): Promise<readonly LagRow[]> {
    return aggregateLags(this.matchingTransfers(filter), by, this.factsOf);
  }

  async stats(): Promise<GraphStats> {
    return this.snapshot.stats;
  }

  async close(): Promise<void> {
    // Nothing to release: the snapshot is garbage-collected with the store.
  }
}
