// Names for the GraphQL answers the dashboard reads: aliases of the operation types generated from
// documents/*.graphql (npm run codegen), so every field a view reads is one its document asks for.
import type {
  ClaimFactFragment, ClaimOutcomeFragment, DashboardCitedSourcesQuery, DashboardFactHistoryQuery, DashboardMeQuery, DashboardQuoteCheckQuery,
  StampFragment, ChainFragment, CheckFragment, CitationFragment, DashboardCheckQuery, DashboardDependenceQuery, DashboardHopDealsQuery,
  DashboardLagsQuery, DashboardNodeQuery, DashboardReconcileQuery, DashboardResolveQuery, DashboardRouteChainsQuery, DashboardRoutesQuery,
  DashboardSearchQuery, DashboardSubgraphQuery, DashboardTimelineQuery, DashboardTrendsQuery, SpanFragment,
} from './generated/graphql.js';

export type { EventClaimInput, EventKind, Role, TransferClaimInput, TransferKind, PathOrder, TimelineKind, TransferStatus, TrendGrouping } from './generated/graphql.js';

/** A time span as the API gives it: EDTF plus the calendar days it may cover. */
export type Span = SpanFragment;

/** An actor reference. */
export type ActorRef = NonNullable<DashboardResolveQuery['from']>;

/** One page of transferRoutes. */
export type RoutePage = DashboardRoutesQuery['transferRoutes'];

/** A route: distinct actors joined by transfers, with each hop's evidence, its witness chain and its rules. */
export type Route = RoutePage['edges'][number]['node'];

/** One hop of a route: every transfer between two actors under the route's filters, summed. */
export type RouteHop = Route['hops'][number];

/** A chain of transfers along a route (a Path of the API): one per-transfer path. */
export type Chain = ChainFragment;

/** One hop of a chain: one transfer. */
export type Hop = Chain['hops'][number];

/** A rule bearing on a route or chain (CheckReason). */
export type PathCheck = CheckFragment;

/** A page of one route's chains. */
export type ChainPage = NonNullable<DashboardRouteChainsQuery['transferRoutes']['nodes'][number]>['chains'];

/** A deal on a route's hop: a transfer with its SIPRI deliveries by year or its status history. */
export type HopDeal = DashboardHopDealsQuery['transfers']['nodes'][number];

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

/** Details of an event. */
export type EventDetails = Extract<NodeDetails, { readonly __typename: 'Event' }>;

/** A count that may be exact, a range or words. */
export type Quantity = NonNullable<TransferDetails['quantity']>;

/** An amount in US dollars. */
export type Amount = NonNullable<TransferDetails['valueUsd']>;

/** SIPRI deal data of an imported transfer. */
export type SipriDeal = NonNullable<TransferDetails['sipri']>;

/** transferCheck answer. */
export type TransferCheck = DashboardCheckQuery['transferCheck'];

/** transferTrends answer: groups' shares per period. */
export type Trends = DashboardTrendsQuery['transferTrends'];

/** One group of a trends or dependence answer, with a cell per period. */
export type TrendGroup = Trends['groups'][number];

/** One period's total of a trends answer. */
export type PeriodTotal = Trends['periods'][number];

/** dependence answer: a recipient's suppliers per period. */
export type Dependence = DashboardDependenceQuery['dependence'];

/** One period of a dependence answer: total, main supplier, whether it changed, HHI. */
export type DependencePeriod = Dependence['periods'][number];

/** deliveryLags answer. */
export type Lags = DashboardLagsQuery['deliveryLags'];

/** One group of a deliveryLags answer. */
export type LagGroup = Lags['groups'][number];

/** A supplier of a dependence answer, with its share per period. */
export type DependencePartner = Dependence['partners'][number];

/** reconcile answer: a recipient's committed, delivered and claimed units per donor and family. */
export type Reconciliation = DashboardReconcileQuery['reconcile'];

/** One row of a reconcile answer. */
export type ReconcileRow = Reconciliation['rows'][number];

/** Who the server takes the dashboard for. */
export type Principal = DashboardMeQuery['me'];

/** What a claim's quote check would say. */
export type QuoteCheck = DashboardQuoteCheckQuery['quoteCheck'];

/** A source a citation may name, as the claim form lists it. */
export type CitedSource = DashboardCitedSourcesQuery['timeline']['nodes'][number]['citations'][number]['source'];

/** What a claim did: the claim, the facts it wrote and those it ended. */
export type ClaimOutcome = ClaimOutcomeFragment;

/** A fact a claim wrote or ended, with the actors it involves. */
export type ClaimFact = ClaimFactFragment;

/** The analyst's claim that wrote a fact. */
export type ClaimStamp = StampFragment;

/** One version of a fact, from factHistory. */
export type FactVersion = DashboardFactHistoryQuery['factHistory'][number];
