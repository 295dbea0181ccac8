// The one entry point to the stores: the GraphStore interface and the backends behind it.
export { MemoryStore, MAX_SUBGRAPH_DEPTH } from './memory/MemoryStore.js';
export type {
  ActorFilter, CheckQuery, CheckReason, Entity, GraphStats, GraphStore, Hop, HopVia, LoadSummary, MatchKind, Page,
  PageRequest, Path, PathOptions, PathOrder, PathResult, SearchHit, SearchHitType, Subgraph, SubgraphEdge, SubgraphQuery,
  SystemFilter, TimelineEntry, TimelineFilter, TimelineKind, TransferCheck, TransferFilter, Verdict,
} from './types.js';
