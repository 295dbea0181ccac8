// Names for the GraphQL answers the dashboard reads: aliases of the operation types generated from
// documents/*.graphql (npm run codegen), so every field a view reads is one its document asks for.
import type {
  CitationFragment, DashboardCheckQuery, DashboardNodeQuery, DashboardPathsQuery, DashboardResolveQuery, DashboardSearchQuery,
  DashboardSubgraphQuery, DashboardTimelineQuery, SpanFragment,
} from './generated/graphql.js';

export type { PathOrder, TimelineKind, TransferStatus } from './generated/graphql.js';

/** A time span as the API gives it: EDTF plus the calendar days it may cover. */
export type Span = SpanFragment;

/** An actor reference. */
export type ActorRef = NonNullable<DashboardResolveQuery['from']>;

/** transferPaths answer. */
export type PathResult = DashboardPathsQuery['transferPaths'];

/** A transfer path. */
export type Path = PathResult['paths'][number];

/** One hop of a path. */
export type Hop = Path['hops'][number];

/** A rule bearing on a path (CheckReason). */
export type PathCheck = Path['checks'][number];

/** subgraph answer. */
export type Subgraph = DashboardSubgraphQuery['subgraph'];

/** A page of timeline entries. */
export type TimelinePage = DashboardTimelineQuery['timeline'];

/** One timeline entry. */
export type TimelineEntry = TimelinePage['nodes'][number];

/** A search hit. */
export type SearchHit = DashboardSearchQuery['search'][number];

/** A citation with its source. */
export type Citation = CitationFragment;

/** Anything the details panel can show (discriminated by `__typename`). */
export type NodeDetails = NonNullable<DashboardNodeQuery['node']>;

/** Details of a transfer. */
export type TransferDetails = Extract<NodeDetails, { readonly __typename: 'Transfer' }>;

/** A count that may be exact, a range or words. */
export type Quantity = NonNullable<TransferDetails['quantity']>;

/** An amount in US dollars. */
export type Amount = NonNullable<TransferDetails['valueUsd']>;

/** SIPRI deal data of an imported transfer. */
export type SipriDeal = NonNullable<TransferDetails['sipri']>;

/** transferCheck answer. */
export type TransferCheck = DashboardCheckQuery['transferCheck'];
