// The one entry point to the stores: the GraphStore interface and the backends behind it.
export { MemoryStore, MAX_SUBGRAPH_DEPTH } from './memory/MemoryStore.js';
export { Neo4jStore } from './neo4j/Neo4jStore.js';
export { neo4jConfigFromEnv } from './neo4j/config.js';
export type { Neo4jConfig } from './neo4j/config.js';
export type { Statement } from './neo4j/Executor.js';
export { loadStatements } from './neo4j/cypher/load.js';
export type {
  ActorFilter, CheckQuery, CheckReason, Entity, GraphStats, GraphStore, Hop, HopVia, LoadSummary, MatchKind, Page,
  PageRequest, Path, PathOptions, PathOrder, PathResult, SearchHit, SearchHitType, Subgraph, SubgraphEdge, SubgraphQuery,
  SystemFilter, TimelineEntry, TimelineFilter, TimelineKind, TransferCheck, TransferFilter, Verdict,
} from './types.js';
export type { StatsKey, StatsRow } from '../query/stats.js';
