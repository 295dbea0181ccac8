// Query semantics shared by every store: filters, paths, checks, timeline, search, pagination.
export { Hierarchy } from './hierarchy.js';
export { transferPredicate, defaultPathStatuses } from './filters.js';
export { evaluateRoute, verdictOf } from './checks.js';
export type { CheckContext, Route } from './checks.js';
export {
  resolvePathOptions, orderAllows, connection, orderViolations, comparePaths, pathChecks, makePath, findPaths, rankPaths,
  DEFAULT_MAX_HOPS, MAX_MAX_HOPS, DEFAULT_PATH_LIMIT, MAX_PATH_LIMIT, PATH_EXPANSION_BUDGET,
} from './paths.js';
export type { ResolvedPathOptions, PathGraph, PathTransfer, RankedHops } from './paths.js';
export { timelineEntries, compareEntries, timelinePredicate } from './timeline.js';
export { rankSearch, matchOne, compareHits, searchKey, MAX_SEARCH_RESULTS } from './search.js';
export type { Searchable } from './search.js';
export {
  paginate, pageSize, encodeCursor, decodeCursor, compareKeys, spanKey, idKey, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE,
} from './pagination.js';
export type { SortKey } from './pagination.js';
export { unknownReference } from './resolve.js';
export { aggregateStats, STATS_KEYS } from './stats.js';
export type { StatsKey, StatsRow } from './stats.js';
