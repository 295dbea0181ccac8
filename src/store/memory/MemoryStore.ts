// The embedded GraphStore on graphology: nothing to install, answers from an immutable snapshot.
import type { Actor, Dataset, Transfer, WeaponSystem } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { parseDay, today } from '../../domain/time.js';
import {
  evaluateRoute, findPaths, idKey, paginate, rankSearch, resolvePathOptions, spanKey, timelinePredicate,
  transferPredicate, unknownReference, verdictOf, aggregateStats, type StatsKey, type StatsRow,
} from '../../query/index.js';
import type {
  ActorFilter, CheckQuery, Entity, GraphStats, GraphStore, LoadSummary, Page, PageRequest, PathOptions, PathResult,
  SearchHit, Subgraph, SubgraphQuery, SystemFilter, TimelineEntry, TimelineFilter, TransferCheck, TransferFilter,
} from '../types.js';
import { buildSnapshot, type Snapshot } from './snapshot.js';
import { EMPTY_DATASET } from '../../domain/model.js';
import { InvalidArgumentError } from '../../domain/errors.js';

/** Largest `depth` a subgraph query may ask for. */
export const MAX_SUBGRAPH_DEPTH = 4;

/** The in-memory store. Loads swap a fully built snapshot, so readers never see a half-loaded graph. */
export class MemoryStore implements GraphStore {
  readonly kind = 'memory' as const;
  private snapshot: Snapshot = buildSnapshot(EMPTY_DATASET);

  /** The current graphology graph (read-only use: exports and subgraphs). */
  get graph(): Snapshot['graph'] {
    return this.snapshot.graph;
  }

  async load(dataset: Dataset): Promise<LoadSummary> {
    const started = performance.now();
    const next = buildSnapshot(dataset);
    this.snapshot = next;
    return { ...next.stats, millis: Math.round(performance.now() - started) };
  }

  async resolveActor(ref: string): Promise<string> {
    const s = this.snapshot;
    if (s.entities.get(ref)?.type === 'Actor') return ref;
    const hit = s.actorAliases.get(normalizeName(ref));
    if (hit !== undefined) return hit;
    const system = s.systemAliases.get(normalizeName(ref));
    const hint = system ? `; "${ref}" is a weapon system (${system}), not an actor` : '';
    throw unknownReference('actor', ref, s.actors.flatMap((a) => [a.id, a.name, ...a.aliases]), hint);
  }

  async resolveSystem(ref: string): Promise<string> {
    const s = this.snapshot;
    if (s.entities.get(ref)?.type === 'WeaponSystem') return ref;
    const hit = s.systemAliases.get(normalizeName(ref));
    if (hit !== undefined) return hit;
    const actor = s.actorAliases.get(normalizeName(ref));
    const hint = actor ? `; "${ref}" is an actor (${actor}), not a weapon system` : '';
    throw unknownReference('system', ref, s.systems.flatMap((x) => [x.id, x.name, ...x.aliases]), hint);
  }

  async node(id: string): Promise<Entity | undefined> {
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

  async actors(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>> {
    const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
    const text = filter.text === undefined ? undefined : normalizeName(filter.text);
    const items = this.snapshot.actors.filter(
      (a) => (!kinds || kinds.has(a.kind)) && (!text || [a.id, a.name, ...a.aliases].some((n) => normalizeName(n).includes(text))),
    );
    return paginate(items, idKey, page);
  }

  async systems(filter: SystemFilter, page: PageRequest): Promise<Page<WeaponSystem>> {
    const s = this.snapshot;
    const family = filter.family === undefined ? undefined : s.systemTree.descendantsOrSelf(filter.family);
    const text = filter.text === undefined ? undefined : normalizeName(filter.text);
    const items = s.systems.filter(
      (x) =>
        (filter.category === undefined || x.category === filter.category) &&
        (!family || family.has(x.id)) &&
        (!text || [x.id, x.name, ...x.aliases, ...(x.designation ? [x.designation] : [])].some((n) => normalizeName(n).includes(text))),
    );
    return paginate(items, idKey, page);
  }

  async transfers(filter: TransferFilter, page: PageRequest): Promise<Page<Transfer>> {
    const s = this.snapshot;
    return paginate(s.transfers.filter(transferPredicate(filter, s.systemTree)), spanKey, page);
  }

  async allTransfers(filter: TransferFilter): Promise<readonly Transfer[]> {
    const s = this.snapshot;
    return s.transfers.filter(transferPredicate(filter, s.systemTree));
  }

  async transferPaths(from: string, to: string, options: PathOptions = {}): Promise<PathResult> {
    const s = this.snapshot;
    const resolved = resolvePathOptions(options);
    const keep = transferPredicate(
      {
        ...(resolved.system !== undefined && { system: resolved.system }),
        statuses: resolved.statuses,
        ...(resolved.between !== undefined && { between: resolved.between }),
        ...(resolved.knownAt !== undefined && { knownAt: resolved.knownAt }),
      },
      s.systemTree,
    );
    const memo = (source: ReadonlyMap<string, readonly Transfer[]>) => {
      const cache = new Map<string, readonly Transfer[]>();
      return (actor: string) => {
        let list = cache.get(actor);
        if (!list) {
          list = (source.get(actor) ?? []).filter(keep);
          cache.set(actor, list);
        }
        return list;
      };
    };
    return findPaths(from, to, resolved, { outgoing: memo(s.outgoing), incoming: memo(s.incoming) }, s.checks);
  }

  async transferCheck(query: CheckQuery): Promise<TransferCheck> {
    const on = query.on === undefined ? today() : parseDay(query.on, 'on');
    const reasons = evaluateRoute(
      {
        supplier: query.supplier,
        recipient: query.recipient,
        ...(query.system !== undefined && { system: query.system }),
        ...(query.origin !== undefined && { origin: query.origin }),
        window: { from: on, to: on },
      },
      this.snapshot.checks,
    );
    return { verdict: verdictOf(reasons), reasons, on };
  }

  async timeline(filter: TimelineFilter, page: PageRequest): Promise<Page<TimelineEntry>> {
    const s = this.snapshot;
    return paginate(s.timeline.filter(timelinePredicate(filter, s.actorTree, s.systemTree)), spanKey, page);
  }

  async subgraph(query: SubgraphQuery): Promise<Subgraph> {
    const s = this.snapshot;
    const depth = query.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_SUBGRAPH_DEPTH) {
      throw new InvalidArgumentError(`depth must be an integer from 0 to ${MAX_SUBGRAPH_DEPTH}, got ${depth}`, { argument: 'depth' });
    }
    const keep = transferPredicate(query.filter ?? {}, s.systemTree);
    const seen = new Set<string>(query.around);
    let frontier = [...seen];
    for (let d = 0; d < depth && frontier.length > 0; d += 1) {
      const next: string[] = [];
      for (const actor of frontier) {
        for (const t of [...(s.outgoing.get(actor) ?? []), ...(s.incoming.get(actor) ?? [])]) {
          if (!keep(t)) continue;
          for (const other of [t.supplier, t.recipient]) {
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          }
        }
      }
      frontier = next;
    }
    const edges = s.transfers
      .filter((t) => seen.has(t.supplier) && seen.has(t.recipient) && keep(t))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((t) => ({ id: t.id, source: t.supplier, target: t.recipient, transfer: t }));
    const systemIds = new Set(edges.map((e) => e.transfer.system));
    return {
      actors: s.actors.filter((a) => seen.has(a.id)),
      systems: s.systems.filter((x) => systemIds.has(x.id)),
      edges,
    };
  }

  async search(text: string, limit = 20): Promise<readonly SearchHit[]> {
    return rankSearch(text, this.snapshot.searchables, limit);
  }

  async transferStats(filter: TransferFilter, groupBy: readonly StatsKey[]): Promise<readonly StatsRow[]> {
    const s = this.snapshot;
    const systems = new Map(s.systems.map((x) => [x.id, x]));
    return aggregateStats(await this.allTransfers(filter), groupBy, systems, filter.between);
  }

  async stats(): Promise<GraphStats> {
    return this.snapshot.stats;
  }

  async close(): Promise<void> {
    // Nothing to release: the snapshot is garbage-collected with the store.
  }
}
