// The semantic core: the query vocabulary, the data ports stores implement, the shared rules and one module per question.
export { Hierarchy } from './hierarchy.js';
export { transferPredicate, defaultPathStatuses } from './filters.js';
export type { FilteredTransfer } from './filters.js';
export { evaluateRoute, verdictOf } from './checks.js';
export type { CheckContext, Route } from './checks.js';
export {
  resolvePathOptions, hopFilter, orderAllows, connection, orderViolations, comparePaths, pathChecks, makePath, rankPaths,
  DEFAULT_MAX_HOPS, MAX_MAX_HOPS, DEFAULT_PATH_LIMIT, MAX_PATH_LIMIT, PATH_EXPANSION_BUDGET,
} from './paths.js';
export type { ResolvedPathOptions, PathCandidate, PathGraph, PathTransfer, RankedHops } from './paths.js';
export { countRoutes, findRoutes, pageRoutes, rankRoutes, searchRoutePage, routeWitness, routeCandidateOf, hopEvidence, routeChains, ROUTE_ORDERS, ROUTE_EXPANSION_BUDGET } from './routes/index.js';
export type { FoundRoute, HopEvidence, ResolvedRouteOptions, RouteCandidate, RouteDelivery, RouteOrderBy, RouteSearch } from './routes/index.js';
export { timelineEntries, compareEntries, timelinePredicate } from './timeline.js';
export { appendTo, matchingTransfers, mergeSorted, TimelineIndex } from './lists.js';
export type { TransferLists } from './lists.js';
export { rankSearch, matchOne, compareHits, searchKey, MAX_SEARCH_RESULTS } from './search.js';
export type { Searchable } from './search.js';
export {
  paginate, pageSize, encodeCursor, decodeCursor, compareKeys, spanKey, idKey, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE,
} from './pagination.js';
export type { SortKey } from './pagination.js';
export { NameIndex, unknownReference } from './resolve.js';
export { aggregateStats, aggregateLags, aggregateTivByBucket, familyRoot, rankStatsRows, statFacts, toMicro, STATS_KEYS } from './stats.js';
export type { BucketRow, Contribution, LagRow, StatFacts } from './stats.js';
export {
  checkPeriods, change, fiveYearPeriods, hhi, periodOf, periodsFromText, quantile, ranks, share, weightedQuantile, DEFAULT_TREND_TOP,
  MAX_PERIODS, MAX_TREND_TOP,
} from './trends.js';
export type { Period } from './trends.js';
export {
  actorArg, allInOrder, day, dayWindow, nameFilterText, pageArgs, sourcesArg, systemArg, transferFilter, checkTransferFilter, resolveTransferFilter,
} from './prepare.js';
export {
  ask, actors, systems, transfers, search, assembleSubgraph, checkDepth, citedSources, prepareSubgraph, selectSubgraph, subgraph, timeline,
  timelineFilter, transferCheck, checkPathOptions, pathEnds, pathsBetween, transferPaths, checkGroupBy, transferStats,
  DEFAULT_SEARCH_RESULTS, DEFAULT_SUBGRAPH_DEPTH, MAX_SUBGRAPH_DEPTH, transferRoutes, checkRouteOptions, routeChainsPage, hopTransfersPage,
  DEFAULT_ROUTE_MAX_HOPS, MAX_ROUTE_CHAINS, backfillCandidates, DEFAULT_BACKFILL_RESULTS, DEFAULT_BACKFILL_YEARS,
  MAX_BACKFILL_RESULTS, MAX_BACKFILL_YEARS, transferTrends, dependence, deliveryLags, TREND_BY, reconcile, MAX_RECONCILE_DONORS,
} from './questions/index.js';
export type {
  Questions, SubgraphSelection, TransferTrends, TrendBy, TrendCell, TrendGroup, PeriodTotal, ShareUniverse, TrendsInput, Dependence,
  DependenceInput, DependencePeriod, DependenceRole, DeliveryLags, LagFigures, LagGroup, LagsInput, TransferRoute, RouteHop, RouteOptionsInput, RoutePage, BackfillCandidate, BackfillInput,
  ReconcileInput, Reconciliation,
} from './questions/index.js';
export { RECONCILE_BY, RECONCILE_STATUSES, kielUnit, reconcileRows, transferUnit } from './reconcile.js';
export type {
  Corroboration, ReconcileAgreement, ReconcileBy, ReconcileClaim, ReconcileFact, ReconcileFacts, ReconcileOptions, ReconcileRow,
  ReconcileStatus, ReconcileYear,
} from './reconcile.js';
export { itemClassOf, activeYears, yearsApart, backfillFit, isSecondHand } from './backfills.js';
export type { ItemClass } from './backfills.js';
export type {
  AggregatePort, CheckContextRequest, CheckPort, CommitmentPort, EntityPort, GraphPorts, ListPort, NamePort, NeighbourhoodPort,
  PathPort, RoutePort, SearchPort, TimelinePort,
} from './ports.js';
export type {
  ActorFilter, ActorFilterInput, CheckInput, CheckQuery, CheckReason, DateWindowInput, Entity, GraphStats, Hop, HopVia,
  LoadSummary, MatchKind, Page, PageInput, PageRequest, Path, PathOptions, PathOptionsInput, PathOrder, PathResult, SearchHit,
  SearchHitType, StatsKey, StatsRow, Subgraph, SubgraphEdge, SubgraphInput, SubgraphQuery, SystemFilter, SystemFilterInput,
  TimelineEntry, TimelineFilter, TimelineFilterInput, TimelineKind, TransferCheck, TransferFilter, TransferFilterInput, Verdict,
} from './types.js';
