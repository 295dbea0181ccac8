// Loads routes a page at a time, and for a selected route its chains, its hops' deals and its timeline context.
import { gql, type RequestOptions } from './client.js';
import type { RouteOptions, TransferStatus } from './generated/graphql.js';
import { HOP_DEALS_QUERY, ROUTE_CHAINS_QUERY, ROUTES_QUERY } from './queries.js';
import { CONTEXT_KINDS, loadTimeline } from './timeline-load.js';
import type { ChainPage, HopDeal, Route, RouteHop, RoutePage, TimelineEntry } from './types.js';
import { windowInput } from '../state/date-window.js';
import type { ViewState } from '../state/view-state.js';

/** Routes per page (the API's most is 100; 20 keep the list readable and the request cheap). */
export const ROUTES_PAGE_SIZE = 20;

/** Chains per page of a selected route. */
export const CHAINS_PAGE_SIZE = 20;

/** Most deals loaded per hop for the timeline (pages of 100). */
export const MAX_HOP_DEALS = 300;

/** The statuses a route counts by default: all but CANCELLED and DENIED (RouteOptions.statuses). */
export const ROUTE_STATUSES: readonly TransferStatus[] = ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL'];

/** One routes question: its ends and options, as transferRoutes takes them. */
export interface RouteQuestion {
  readonly from: string;
  readonly to: string;
  readonly options: RouteOptions;
}

/** The routes question of a view state. */
export function routeQuestion(state: ViewState): RouteQuestion {
  const between = windowInput(state.between);
  return {
    from: state.from,
    to: state.to,
    options: { order: state.order, maxHops: state.maxHops, ...(state.system && { system: state.system }), ...(between && { between }) },
  };
}

/** A loaded route with its cursor and the cursor before it (to ask for this one route again: its chains). */
export interface RouteEntry {
  readonly route: Route;
  readonly cursor: string;
  /** The previous route's cursor, or null for the first route. */
  readonly after: string | null;
}

/** The routes of a page as entries, `after` being the cursor the page was asked after. */
export function routeEntries(page: RoutePage, after: string | null): RouteEntry[] {
  return page.edges.map((edge, i) => ({ route: edge.node, cursor: edge.cursor, after: i === 0 ? after : page.edges[i - 1]!.cursor }));
}

/** One page of routes, after a cursor (null: the first page). */
export async function loadRoutePage(q: RouteQuestion, after: string | null, options: RequestOptions = {}): Promise<RoutePage> {
  const data = await gql(ROUTES_QUERY, { from: q.from, to: q.to, options: q.options, first: ROUTES_PAGE_SIZE, ...(after !== null && { after }) }, options);
  return data.transferRoutes;
}

/** One page of a route's chains: the route is asked for again as the one right after its previous cursor. */
export async function loadChains(q: RouteQuestion, entry: RouteEntry, chainsAfter: string | null, options: RequestOptions = {}): Promise<ChainPage> {
  const data = await gql(
    ROUTE_CHAINS_QUERY,
    {
      from: q.from, to: q.to, options: q.options, first: CHAINS_PAGE_SIZE,
      ...(entry.after !== null && { after: entry.after }), ...(chainsAfter !== null && { chainsAfter }),
    },
    options,
  );
  const node = data.transferRoutes.nodes[0];
  if (node === undefined || node.id !== entry.route.id) {
    throw new Error(`The route ${entry.route.id} is no longer where it was: run the query again`);
  }
  return node.chains;
}

/** A hop's deals: the transfers between its two actors under the route's filters (system, window, statuses). */
export async function loadHopDeals(q: RouteQuestion, hop: RouteHop, options: RequestOptions = {}): Promise<{ deals: HopDeal[]; total: number }> {
  const filter = {
    supplier: hop.from.id, recipient: hop.to.id, statuses: ROUTE_STATUSES,
    ...(q.options.system && { system: q.options.system }), ...(q.options.between && { between: q.options.between }),
  };
  const deals: HopDeal[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    // Typed by hand: the next `after` comes from this page, a cycle TypeScript's inference does not follow.
    const page: { transfers: { totalCount: number; nodes: readonly HopDeal[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await gql(HOP_DEALS_QUERY, { filter, first: 100, ...(after !== null && { after }) }, options);
    total = page.transfers.totalCount;
    deals.push(...page.transfers.nodes);
    after = page.transfers.pageInfo.hasNextPage ? page.transfers.pageInfo.endCursor : null;
  } while (after !== null && deals.length < MAX_HOP_DEALS);
  return { deals, total };
}

/** What a route's timeline draws: each hop's deals, and the events, rules and aid of its actors. */
export interface RouteTimeline {
  readonly hops: readonly { readonly deals: readonly HopDeal[]; readonly total: number }[];
  readonly context: readonly TimelineEntry[];
}

/** Loads a route's timeline: every hop's deals and its actors' context entries, all at once. */
export async function loadRouteTimeline(q: RouteQuestion, route: Route, options: RequestOptions = {}): Promise<RouteTimeline> {
  const window = q.options.between;
  const between = window ? { ...(window.from && { from: window.from }), ...(window.to && { to: window.to }) } : undefined;
  const [hops, context] = await Promise.all([
    Promise.all(route.hops.map((hop) => loadHopDeals(q, hop, options))),
    loadTimeline({ actors: route.actors.map((a) => a.id), system: q.options.system ?? undefined, between, kinds: CONTEXT_KINDS }, options),
  ]);
  return { hops, context: context.entries };
}
