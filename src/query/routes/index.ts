// Route semantics (DESIGN §5 transferRoutes, issue [11]): candidates and evidence, the search, ranking, chains.
export { hopEvidence, routeCandidateOf } from './evidence.js';
export { findRoutes, searchRoutes } from './search.js';
export { countRoutes, MAX_COUNTED_HOPS } from './count.js';
export { routePageSearch, searchRoutePage } from './page.js';
export type { RouteCount } from './count.js';
export type { RoutePageSearch } from './page.js';
export { pageRoutes, rankRoutes } from './rank.js';
export type { RoutePageSlice } from './rank.js';
export { routeChains, routeWitness } from './chains.js';
export { ROUTE_EXPANSION_BUDGET, ROUTE_ORDERS } from './types.js';
export type {
  FoundRoute, HopEvidence, ResolvedRouteOptions, RouteCandidate, RouteDelivery, RouteOrderBy, RouteSearch,
} from './types.js';
