// The questions, one module each: they prepare their input once, ask the store's data ports, and finish the answer.
import type { GraphPorts } from '../ports.js';
import type { CheckInput, PageInput, PathOptionsInput, SubgraphInput, TimelineFilterInput, TransferFilterInput, ActorFilterInput, SystemFilterInput, TransferFilter } from '../types.js';
import { actors, systems, transfers } from './lists.js';
import { search } from './search.js';
import { citedSources, selectSubgraph, prepareSubgraph, subgraph } from './subgraph.js';
import { timeline } from './timeline.js';
import { transferCheck } from './transfer-check.js';
import { transferPaths } from './transfer-paths.js';
import { transferRoutes, type RouteOptionsInput } from './transfer-routes.js';
import { backfillCandidates, type BackfillInput } from './backfill-candidates.js';
import { transferStats } from './transfer-stats.js';
import { reconcile, type ReconcileInput } from './reconcile.js';
import { deliveryLags, dependence, transferTrends, type DependenceInput, type LagsInput, type TrendsInput } from './transfer-trends.js';

export { actors, systems, transfers } from './lists.js';
export { search, DEFAULT_SEARCH_RESULTS } from './search.js';
export {
  assembleSubgraph, checkDepth, citedSources, prepareSubgraph, selectSubgraph, subgraph, DEFAULT_SUBGRAPH_DEPTH, MAX_SUBGRAPH_DEPTH,
} from './subgraph.js';
export type { SubgraphSelection } from './subgraph.js';
export { timeline, timelineFilter } from './timeline.js';
export { transferCheck } from './transfer-check.js';
export { checkPathOptions, pathEnds, pathsBetween, transferPaths } from './transfer-paths.js';
export { checkGroupBy, transferStats } from './transfer-stats.js';
export { deliveryLags, dependence, transferTrends, TREND_BY } from './transfer-trends.js';
export type {
  TransferTrends, TrendBy, TrendCell, TrendGroup, PeriodTotal, ShareUniverse, TrendsInput, Dependence, DependenceInput, DependencePeriod,
  DependenceRole, DeliveryLags, LagFigures, LagGroup, LagsInput,
} from './transfer-trends.js';
export {
  checkRouteOptions, hopTransfersPage, routeChainsPage, transferRoutes, DEFAULT_ROUTE_MAX_HOPS, MAX_ROUTE_CHAINS,
} from './transfer-routes.js';
export type { TransferRoute, RouteHop, RouteOptionsInput, RoutePage } from './transfer-routes.js';
export {
  backfillCandidates, DEFAULT_BACKFILL_RESULTS, DEFAULT_BACKFILL_YEARS, MAX_BACKFILL_RESULTS, MAX_BACKFILL_YEARS,
} from './backfill-candidates.js';
export type { BackfillCandidate, BackfillInput } from './backfill-candidates.js';
export { reconcile, MAX_RECONCILE_DONORS } from './reconcile.js';
export type { ReconcileInput, Reconciliation } from './reconcile.js';

/** Every question bound to one store's ports: `ask(store).transferPaths('JP', 'UA', { system: 'Patriot' })`. */
export function ask(ports: GraphPorts) {
  return {
    actors: (filter?: ActorFilterInput | null, page?: PageInput | null) => actors(ports, filter, page),
    systems: (filter?: SystemFilterInput | null, page?: PageInput | null) => systems(ports, filter, page),
    transfers: (filter?: TransferFilterInput | null, page?: PageInput | null, fixed?: Pick<TransferFilter, 'supplier' | 'recipient'>) =>
      transfers(ports, filter, page, fixed),
    transferPaths: (from: string, to: string, options?: PathOptionsInput | null) => transferPaths(ports, from, to, options),
    transferRoutes: (from: string, to: string, options?: RouteOptionsInput | null, page?: PageInput | null) =>
      transferRoutes(ports, from, to, options, page),
    transferCheck: (input: CheckInput) => transferCheck(ports, input),
    timeline: (filter?: TimelineFilterInput | null, page?: PageInput | null) => timeline(ports, filter, page),
    subgraph: (input: SubgraphInput) => subgraph(ports, input),
    /** An export's selection: the neighbourhood of `around`, or the whole graph, with the sources it cites. */
    exportSelection: async (input: SubgraphInput) => {
      const selection = await prepareSubgraph(ports, input);
      const graph = await selectSubgraph(ports, selection);
      return { selection, subgraph: graph, sources: await citedSources(ports, graph) };
    },
    search: (text: string, first?: number | null) => search(ports, text, first),
    backfillCandidates: (recipient: string, input?: BackfillInput) => backfillCandidates(ports, recipient, input),
    transferStats: (filter: TransferFilterInput | null | undefined, groupBy: readonly string[]) => transferStats(ports, filter, groupBy),
    transferTrends: (input: TrendsInput) => transferTrends(ports, input),
    dependence: (actor: string, input: DependenceInput) => dependence(ports, actor, input),
    deliveryLags: (input: LagsInput) => deliveryLags(ports, input),
    reconcile: (recipient: string, input?: ReconcileInput) => reconcile(ports, recipient, input),
  };
}

/** The questions bound to one store. */
export type Questions = ReturnType<typeof ask>;
