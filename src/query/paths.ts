// Transfer-path semantics (DESIGN §5): option defaults, the hop-order rule, enumeration, ranking.
import { InvalidArgumentError } from '../domain/errors.js';
import { TRANSFER_STATUSES, type Transfer, type TransferStatus } from '../domain/model.js';
import type { FactSource } from '../domain/provenance.js';
import { OPEN_END, type DayWindow } from '../domain/time.js';
import type { Hop, HopVia, Path, PathOptions, PathOrder, TransferFilter } from './types.js';
import { evaluateRoute, type CheckContext } from './checks.js';
import { defaultPathStatuses } from './filters.js';
import { runToEnd, STEPS_PER_PAUSE, type Sliced } from './slices.js';

export const DEFAULT_MAX_HOPS = 4;
export const MAX_MAX_HOPS = 6;
export const DEFAULT_PATH_LIMIT = 20;
export const MAX_PATH_LIMIT = 100;
/** Most hops a path query tries before it reports `truncated` without looking further. */
export const PATH_EXPANSION_BUDGET = 2_000_000;

/** Path options with every default applied and every bound checked. */
export interface ResolvedPathOptions {
  readonly system?: string;
  readonly statuses: readonly TransferStatus[];
  readonly maxHops: number;
  readonly order: PathOrder;
  readonly between?: DayWindow;
  readonly knownAt?: string;
  readonly viaBackfill: boolean;
  readonly limit: number;
  /** Only transfers from these sources (all when undefined). */
  readonly sources?: readonly FactSource[];
}

/** Applies DESIGN §5 defaults and rejects out-of-range values, naming the argument. */
export function resolvePathOptions(options: PathOptions = {}): ResolvedPathOptions {
  const maxHops = options.maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_MAX_HOPS) {
    throw new InvalidArgumentError(`maxHops must be an integer from 1 to ${MAX_MAX_HOPS}, got ${maxHops}`, { argument: 'maxHops' });
  }
  const limit = options.limit ?? DEFAULT_PATH_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PATH_LIMIT) {
    throw new InvalidArgumentError(`limit must be an integer from 1 to ${MAX_PATH_LIMIT}, got ${limit}`, { argument: 'limit' });
  }
  return {
    ...(options.system !== undefined && { system: options.system }),
    statuses: options.statuses && options.statuses.length > 0 ? [...options.statuses] : defaultPathStatuses(TRANSFER_STATUSES),
    maxHops,
    order: options.order ?? 'ANY',
    ...(options.between !== undefined && { between: options.between }),
    ...(options.knownAt !== undefined && { knownAt: options.knownAt }),
    viaBackfill: options.viaBackfill ?? false,
    limit,
    ...(options.sources !== undefined && options.sources.length > 0 && { sources: [...options.sources] }),
  };
}

/** The filter every hop of a path question passes: the family, statuses, window and known time of the options. */
export function hopFilter(o: ResolvedPathOptions): TransferFilter {
  return {
    ...(o.system !== undefined && { system: o.system }),
    statuses: o.statuses,
    ...(o.between !== undefined && { between: o.between }),
    ...(o.knownAt !== undefined && { knownAt: o.knownAt }),
    ...(o.sources !== undefined && { sources: o.sources }),
  };
}

/** What path search needs of a transfer (a whole Transfer, or a Neo4j `TRANSFERRED` relationship's properties). */
export interface PathTransfer {
  readonly id: string;
  readonly supplier: string;
  readonly recipient: string;
  readonly backfills: readonly string[];
  readonly date: { readonly earliest: string; readonly latest: string };
}

/** A transfer as path search reads it: a whole Transfer, or a Neo4j `TRANSFERRED` relationship's properties. */
export type PathCandidate = PathTransfer & { readonly system: string };

/** True when `next` may follow `prev` under the order rule. */
export function orderAllows(prev: PathTransfer, next: PathTransfer, order: PathOrder): boolean {
  switch (order) {
    case 'ANY':
      return true;
    case 'TIME_RESPECTING':
      return next.date.latest >= prev.date.earliest;
    case 'STRICT':
      return next.date.earliest >= prev.date.latest;
  }
}

/** How `next` connects to `prev`, or undefined when it may not follow it. */
export function connection(prev: PathTransfer, next: PathTransfer, options: Pick<ResolvedPathOptions, 'order' | 'viaBackfill'>): HopVia | undefined {
  if (options.viaBackfill && prev.backfills.includes(next.id)) return 'BACKFILL';
  return orderAllows(prev, next, options.order) ? 'TRANSFER' : undefined;
}

/** Explains, for each consecutive pair that breaks the order rule, why. */
export function orderViolations(transfers: readonly Transfer[], order: PathOrder): string[] {
  const out: string[] = [];
  for (let i = 1; i < transfers.length; i += 1) {
    const prev = transfers[i - 1]!;
    const next = transfers[i]!;
    if (orderAllows(prev, next, order)) continue;
    out.push(
      order === 'STRICT'
        ? `hop ${i + 1} (${next.id}) may start on ${next.date.earliest}, before hop ${i} (${prev.id}) has surely ended (${prev.date.latest === OPEN_END ? 'its end is open' : `it may run to ${prev.date.latest}`})`
        : `hop ${i + 1} (${next.id}) ends by ${next.date.latest}, before hop ${i} (${prev.id}) can start (${prev.date.earliest})`,
    );
  }
  return out;
}

/** Ranks paths: fewer hops, then earlier arrival, then transfer ids. */
export function comparePaths(a: Pick<Path, 'length' | 'arrives' | 'hops'>, b: Pick<Path, 'length' | 'arrives' | 'hops'>): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a.arrives.earliest !== b.arrives.earliest) return a.arrives.earliest < b.arrives.earliest ? -1 : 1;
  if (a.arrives.latest !== b.arrives.latest) return a.arrives.latest < b.arrives.latest ? -1 : 1;
  for (let i = 0; i < a.hops.length; i += 1) {
    const x = a.hops[i]!.transfer.id;
    const y = b.hops[i]!.transfer.id;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The rules that bear on a path: each hop (items' origin = the path's start) and the direct route. */
export function pathChecks(hops: readonly Hop[], system: string | undefined, ctx: CheckContext): Path['checks'] {
  const origin = hops[0]!.from;
  const reasons = hops.flatMap((hop, i) =>
    evaluateRoute(
      {
        supplier: hop.from,
        recipient: hop.to,
        system: hop.transfer.system,
        window: { from: hop.transfer.date.earliest, to: hop.transfer.date.latest },
        ...(i > 0 && { origin }),
      },
      ctx,
      i,
    ),
  );
  if (hops.length > 1) {
    const last = hops[hops.length - 1]!;
    reasons.push(
      ...evaluateRoute(
        {
          supplier: origin,
          recipient: last.to,
          system: system ?? hops[0]!.transfer.system,
          window: { from: hops[0]!.transfer.date.earliest, to: last.transfer.date.latest },
        },
        ctx,
        null,
      ),
    );
  }
  return reasons;
}

/** Builds a Path value from its hops. */
export function makePath(hops: readonly Hop[], system: string | undefined, ctx: CheckContext): Path {
  return {
    hops,
    length: hops.length,
    departs: hops[0]!.transfer.date,
    arrives: hops[hops.length - 1]!.transfer.date,
    checks: pathChecks(hops, system, ctx),
  };
}

/** Adjacency over the transfers that pass the query's filters, each list in time order (earliest, latest, id). */
export interface PathGraph<T extends PathTransfer = Transfer> {
  outgoing(actor: string): readonly T[];
  incoming(actor: string): readonly T[];
}

/** The hops of a ranked path, before its transfers are read and its rules checked. */
export type RankedHops<T extends PathTransfer> = readonly { readonly transfer: T; readonly via: HopVia }[];

/** Ranks hop lists as `comparePaths` ranks paths: fewer hops, earlier arrival, then transfer ids. */
function compareRanked<T extends PathTransfer>(a: RankedHops<T>, b: RankedHops<T>): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a[a.length - 1]!.transfer.date;
  const y = b[b.length - 1]!.transfer.date;
  if (x.earliest !== y.earliest) return x.earliest < y.earliest ? -1 : 1;
  if (x.latest !== y.latest) return x.latest < y.latest ? -1 : 1;
  for (let i = 0; i < a.length; i += 1) {
    const p = a[i]!.transfer.id;
    const q = b[i]!.transfer.id;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * Enumerates simple paths from `from` to `to` of at most `maxHops` transfers, honouring the order rule, ranks
 * them and keeps `limit`. A reverse breadth-first pass prunes branches that cannot reach `to` in the hops left;
 * levels are searched shortest first, and the search stops once `limit` is exceeded at the end of a level.
 * Both stores rank with this function (Neo4j over the `TRANSFERRED` relationships it reads for the question). It
 * pauses every `STEPS_PER_PAUSE` steps (`slices.ts`).
 */
export function* searchPaths<T extends PathTransfer>(
  from: string,
  to: string,
  options: ResolvedPathOptions,
  graph: PathGraph<T>,
): Sliced<RankedPaths<T>> {
  if (from === to) throw new InvalidArgumentError('from and to must be different actors', { argument: 'to' });
  const distance = new Map<string, number>([[to, 0]]);
  let frontier = [to];
  for (let d = 1; d <= options.maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const actor of frontier) {
      for (const t of graph.incoming(actor)) {
        if (!distance.has(t.supplier)) {
          distance.set(t.supplier, d);
          next.push(t.supplier);
        }
      }
    }
    frontier = next;
  }
  // Paths rank by hop count first, so enumerate level by level (exactly L hops for L = 1, 2, …) and stop after
  // the first level that brings the count past `limit`: no longer path can outrank what is kept. Within a level
  // only the best `limit` are kept, in a small sorted list.
  type Hops = { transfer: T; via: HopVia }[];
  const best: Hops[] = [];
  let total = 0;
  let expansions = 0;
  let exhausted = false;
  const keep = (candidate: Hops) => {
    total += 1;
    if (best.length === options.limit && compareRanked(candidate, best[best.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanked(best[mid]!, candidate) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, candidate);
    if (best.length > options.limit) best.pop();
  };
  const visited = new Set<string>([from]);
  const hops: Hops = [];
  let ticks = 0;
  /** Paths of exactly `level` transfers: depth first, the actors' transfer lists and positions on a stack of frames. */
  function* walk(level: number): Sliced<void> {
    const stack: { readonly actor: string; readonly list: readonly T[]; i: number }[] = [{ actor: from, list: graph.outgoing(from), i: 0 }];
    while (stack.length > 0) {
      if (++ticks % STEPS_PER_PAUSE === 0) yield;
      const f = stack[stack.length - 1]!;
      const t = f.list[f.i];
      if (t === undefined) {
        stack.pop();
        if (stack.length > 0) {
          visited.delete(f.actor);
          hops.pop();
        }
        continue;
      }
      f.i += 1;
      const remaining = level - hops.length;
      const reach = distance.get(t.recipient);
      if (reach === undefined || reach > remaining - 1 || visited.has(t.recipient)) continue;
      if ((t.recipient === to) !== (remaining === 1)) continue;
      const prev = hops[hops.length - 1];
      const via = prev === undefined ? 'TRANSFER' : connection(prev.transfer, t, options);
      if (via === undefined) continue;
      if (++expansions > PATH_EXPANSION_BUDGET) {
        exhausted = true;
        return;
      }
      hops.push({ transfer: t, via });
      if (t.recipient === to) {
        keep([...hops]);
        hops.pop();
      } else {
        visited.add(t.recipient);
        stack.push({ actor: t.recipient, list: graph.outgoing(t.recipient), i: 0 });
      }
    }
  }
  const shortest = distance.get(from);
  if (shortest !== undefined) {
    for (let level = shortest; level <= options.maxHops && !exhausted && total <= options.limit; level += 1) yield* walk(level);
  }
  return { paths: best, truncated: exhausted || total > options.limit };
}

/** The paths kept, ranked, and whether more exist (or the budget stopped the search). */
export interface RankedPaths<T extends PathTransfer> {
  readonly paths: readonly RankedHops<T>[];
  readonly truncated: boolean;
}

/** `searchPaths` run to its end in one go. */
export function rankPaths<T extends PathTransfer>(from: string, to: string, options: ResolvedPathOptions, graph: PathGraph<T>): RankedPaths<T> {
  return runToEnd(searchPaths(from, to, options, graph));
}
