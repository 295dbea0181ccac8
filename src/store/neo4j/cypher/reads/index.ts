// The Neo4j store's reads: hand-written, parameterised Cypher; builders return { cypher, params } and never embed values.
export { transferParams } from './fragments.js';
export { pageStatement, transfersMatching, actorsPage, systemsPage } from './pages.js';
export type { PageStatements } from './pages.js';
export { pathLevels } from './paths.js';
export { neighbours, subgraphOf } from './subgraph.js';
export { nodesById, allActors, searchCandidates, statsStatement } from './lookups.js';
export { transferAggregates, dealLags, tivByBucket } from './aggregates.js';
export { graphVersion, projectedEntries, projectedNodes, projectedTransfers, META_KEY, META_LABEL } from './projection.js';
export { aidCommitments, backfillsOf } from './commitments.js';
export { LOG_AFTER } from './log.js';
