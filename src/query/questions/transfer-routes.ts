// The transferRoutes question (issue [11]): every route between two actors, counted, ranked and paged, with evidence.
import { InvalidArgumentError } from '../../domain/errors.js';
import type { Transfer } from '../../domain/model.js';
import { decodeCursor, encodeCursor, pageSize, paginate, spanKey } from '../pagination.js';
import { connection, hopFilter, makePath } from '../paths.js';
import { actorArg, allInOrder, optional, systemArg } from '../prepare.js';
import type { CheckPort, NamePort, RoutePort } from '../ports.js';
import {
  routeChains, routeWitness, ROUTE_ORDERS, routePageSearch, type FoundRoute, type HopEvidence, type ResolvedRouteOptions,
  type RouteCandidate, type RouteOrderBy,
} from '../routes/index.js';
import { runInSlices } from '../slices.js';
import type { CheckContext } from '../checks.js';
import type { CheckReason, Page, PageInput, Path, PathOptionsInput } from '../types.js';
import { checkPathOptions } from './transfer-paths.js';

/** Hops a route may have when none is asked. */
export const DEFAULT_ROUTE_MAX_HOPS = 3;
/** Chains of one route a question enumerates at most (their count is always exact). */
export const MAX_ROUTE_CHAINS = 10_000;

/** TransferRoute options as asked: the path options (but `limit`: routes are paged) and the route filters. */
export interface RouteOptionsInput extends Omit<PathOptionsInput, 'limit'> {
  readonly via?: readonly string[] | null;
  readonly avoid?: readonly string[] | null;
  readonly categories?: readonly string[] | null;
  readonly minDeals?: number | null;
  readonly minTiv?: number | null;
  readonly orderBy?: RouteOrderBy | null;
}

/** One hop of a route in an answer: its evidence, the hop's transfers as ids. */
export interface RouteHop extends Omit<HopEvidence, 'transfers'> {
  /** The hop's transfers in time order. */
  readonly transfers: readonly RouteCandidate[];
}

/** One route in an answer. */
export interface TransferRoute {
  readonly id: string;
  readonly actors: readonly string[];
  readonly length: number;
  readonly hops: readonly RouteHop[];
  /** The chain that makes the route feasible (earliest arrival first), with its checks. */
  readonly witness: Path;
  /** The rules that bear on the route (its witness chain's checks). */
  readonly checks: readonly CheckReason[];
  /** The weakest hop's TIV delivered in the window (millions; 0 when unknown). */
  readonly score: number;
  /** What the chains connection needs. */
  readonly found: FoundRoute;
  readonly options: ResolvedRouteOptions;
}

/** A page of routes, and how complete the search was. */
export interface RoutePage extends Page<TransferRoute> {
  /** False when the search budget stopped the search: `totalCount` then counts the routes found until then. */
  readonly complete: boolean;
  /** Every route of at most this many hops was found. */
  readonly hopsCovered: number;
  /** Actor-to-actor steps the search took. */
  readonly expansions: number;
}

/** A small stable hash of a question, so a cursor of another question is refused. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function count(value: number | null | undefined, argument: string, min: number, integer: boolean): number {
  if (value == null) return min;
  if ((integer && !Number.isInteger(value)) || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError(`${argument} must be ${integer ? 'an integer' : 'a number'} of at least ${min}, got ${value}`, { argument });
  }
  return value;
}

const otherQuestion = () =>
  new InvalidArgumentError('after: this cursor belongs to another question; page with cursors of this one', { argument: 'after' });

/** Checks route options without touching the store: bounds, dates, orderBy, via/avoid lists. */
export function checkRouteOptions(input: RouteOptionsInput | null | undefined): Omit<ResolvedRouteOptions, 'system' | 'via' | 'avoid'> {
  const { limit: _, ...path } = checkPathOptions({ ...input, maxHops: input?.maxHops ?? DEFAULT_ROUTE_MAX_HOPS });
  const orderBy = input?.orderBy ?? 'EVIDENCE';
  if (!ROUTE_ORDERS.includes(orderBy)) {
    throw new InvalidArgumentError(`options.orderBy must be one of ${ROUTE_ORDERS.join(', ')}, got ${orderBy}`, { argument: 'options.orderBy' });
  }
  const categories = input?.categories?.filter((c) => c.trim() !== '');
  return {
    ...path,
    ...(categories?.length && { categories }),
    minDeals: count(input?.minDeals, 'options.minDeals', 1, true),
    minTiv: count(input?.minTiv, 'options.minTiv', 0, false),
    orderBy,
  };
}

/** Resolves from, to, options.system, options.via and options.avoid (first failing argument in order reported). */
async function routeNames(names: NamePort, fromRef: string, toRef: string, input: RouteOptionsInput | null | undefined) {
  const [from, to, system, via, avoid] = await allInOrder<[string, string, string | undefined, string[], string[]]>([
    actorArg(names, fromRef, 'from'),
    actorArg(names, toRef, 'to'),
    optional(input?.system, (r) => systemArg(names, r, 'options.system')),
    allInOrder<string[]>((input?.via ?? []).map((r, i) => actorArg(names, r, `options.via[${i}]`))),
    allInOrder<string[]>((input?.avoid ?? []).map((r, i) => actorArg(names, r, `options.avoid[${i}]`))),
  ]);
  if (from === to) throw new InvalidArgumentError('to: from and to must be different actors', { argument: 'to' });
  const both = via.find((v) => avoid.includes(v));
  if (both !== undefined) {
    throw new InvalidArgumentError(`options.avoid: ${both} is also in options.via; a route cannot both pass through and avoid it`, { argument: 'options.avoid' });
  }
  const ends = [from, to].find((e) => avoid.includes(e));
  if (ends !== undefined) throw new InvalidArgumentError(`options.avoid: ${ends} is an end of the route`, { argument: 'options.avoid' });
  return { from, to, system, via: [...new Set(via.filter((v) => v !== from && v !== to))], avoid };
}

/**
 * The options of a route question as one object of one shape: every key present (absent ones as undefined), in one
 * order. The searches read these options in their innermost loops; objects of varying shapes (keys spread in or
 * not) made V8 drop and redo its optimised code for them on later questions, several times slower until it settled.
 */
function routeOptionsOf(
  checked: Omit<ResolvedRouteOptions, 'system' | 'via' | 'avoid'>,
  names: { readonly system: string | undefined; readonly via: readonly string[]; readonly avoid: readonly string[] },
): ResolvedRouteOptions {
  return {
    statuses: checked.statuses, maxHops: checked.maxHops, order: checked.order, between: checked.between, knownAt: checked.knownAt,
    viaBackfill: checked.viaBackfill, categories: checked.categories, minDeals: checked.minDeals, minTiv: checked.minTiv,
    orderBy: checked.orderBy, sources: checked.sources, system: names.system, via: names.via, avoid: names.avoid,
  };
}

/**
 * Routes from one actor to another: every sequence of distinct actors with at least one chain of transfers allowed
 * by the order rule, counted exactly (unless the search budget stops it, which the answer says), ranked by
 * `orderBy`, paged; each with its hops' evidence, its witness chain and checks.
 */
export async function transferRoutes(
  ports: NamePort & RoutePort & CheckPort,
  fromRef: string,
  toRef: string,
  input?: RouteOptionsInput | null,
  page?: PageInput | null,
): Promise<RoutePage> {
  const checked = checkRouteOptions(input);
  const first = pageSize(page?.first ?? undefined);
  const after = page?.after != null ? decodeCursor(page.after) : undefined;
  // A cursor of another question's kind is refused before any look-up; one of another route question, once the
  // names it is bound to are known.
  if (after !== undefined && (after[0] !== 'route' || after.length !== 3)) throw otherQuestion();
  const names = await routeNames(ports, fromRef, toRef, input);
  const options = routeOptionsOf(checked, names);
  const fp = fingerprint(JSON.stringify([names.from, names.to, options]));
  if (after !== undefined && after[1] !== fp) throw otherQuestion();
  const graph = await ports.routeCandidates(names.from, names.to, options.maxHops, hopFilter({ ...options, limit: 1 }));
  // Only the page is found and put in order (`rankRoutes` order), and the routes are counted without listing them:
  // hundreds of thousands of routes between hubs, twenty shown.
  const search = await runInSlices(() => routePageSearch(names.from, names.to, options, graph, after?.[2], first));
  const ranked = search.slice;
  if (ranked === undefined) throw new InvalidArgumentError(`after: route ${after![2]} is no longer in this answer (the data changed); start again`, { argument: 'after' });
  const slice = ranked.routes;
  const routes = await finishRoutes(ports, slice, options);
  return {
    items: routes,
    cursors: slice.map((r) => encodeCursor(['route', fp, r.id])),
    totalCount: search.total,
    hasNextPage: ranked.more,
    hasPreviousPage: ranked.start > 0,
    complete: search.complete,
    hopsCovered: search.hopsCovered,
    expansions: search.expansions,
  };
}

/** The context and whole transfers for some chains' checks: one `checkContext` call. */
async function contextFor(ports: CheckPort, chains: readonly (readonly RouteCandidate[])[], system: string | undefined) {
  const all = chains.flat();
  if (all.length === 0) return undefined;
  let from = all[0]!.date.earliest;
  let to = all[0]!.date.latest;
  for (const t of all) {
    if (t.date.earliest < from) from = t.date.earliest;
    if (t.date.latest > to) to = t.date.latest;
  }
  return ports.checkContext({
    actors: [...new Set(all.flatMap((t) => [t.supplier, t.recipient]))],
    systems: [...new Set([...all.map((t) => t.system), ...(system !== undefined ? [system] : [])])],
    window: { from, to },
    transfers: [...new Set(all.map((t) => t.id))],
  });
}

function pathOf(chain: readonly RouteCandidate[], options: ResolvedRouteOptions, ctx: CheckContext & { transfers: ReadonlyMap<string, Transfer> }): Path {
  return makePath(
    chain.map((c, i) => {
      const t = ctx.transfers.get(c.id)!;
      const prev = chain[i - 1];
      const via = prev === undefined ? 'TRANSFER' : (connection(prev, c, options) ?? 'TRANSFER');
      return { transfer: t, from: t.supplier, to: t.recipient, via };
    }),
    options.system,
    ctx,
  );
}

/** Routes of a page with their witness chains read whole and checked (one `checkContext` call for the page). */
async function finishRoutes(ports: CheckPort, found: readonly FoundRoute[], options: ResolvedRouteOptions): Promise<TransferRoute[]> {
  const witnesses = found.map((r) => routeWitness(r, options));
  const ctx = await contextFor(ports, witnesses, options.system);
  if (ctx === undefined) return [];
  return found.map((r, i) => {
    const witness = pathOf(witnesses[i]!, options, ctx);
    return {
      id: r.id, actors: r.actors, length: r.hops.length, hops: r.hops, witness, checks: witness.checks, score: r.score, found: r, options,
    };
  });
}

/**
 * A page of a route's chains (the per-transfer paths along it), ranked by arrival, each with its checks. Only the
 * chains up to the end of the page are enumerated (a route can have millions); their count is always exact.
 */
export async function routeChainsPage(ports: CheckPort, route: TransferRoute, page?: PageInput | null): Promise<Page<Path>> {
  const size = pageSize(page?.first ?? undefined);
  const key = (i: number) => [String(i).padStart(8, '0')] as const;
  let start = 0;
  if (page?.after != null) {
    const at = decodeCursor(page.after);
    if (at.length !== 1 || !/^\d{8}$/.test(at[0]!)) throw new InvalidArgumentError('after: this cursor belongs to another list; page with cursors of these chains', { argument: 'after' });
    start = Number(at[0]) + 1;
  }
  const { chains, total } = routeChains(route.found, route.options, Math.min(MAX_ROUTE_CHAINS, start + size));
  const cut = chains.slice(start, start + size);
  const ctx = await contextFor(ports, cut, route.options.system);
  return {
    items: ctx === undefined ? [] : cut.map((chain) => pathOf(chain, route.options, ctx)),
    cursors: cut.map((_, i) => encodeCursor(key(start + i))),
    totalCount: total,
    hasNextPage: start + size < Math.min(total, MAX_ROUTE_CHAINS),
    hasPreviousPage: start > 0,
  };
}

/** A page of a hop's transfers (time order), as candidates; GraphQL reads them whole by id. */
export function hopTransfersPage(hop: RouteHop, page?: PageInput | null): Page<RouteCandidate> {
  return paginate(hop.transfers, spanKey, { ...(page?.first != null && { first: page.first }), ...(page?.after != null && { after: page.after }) });
}

