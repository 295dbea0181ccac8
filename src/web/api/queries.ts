// The GraphQL documents the dashboard sends, each asking only for what a view draws. They are written in
// documents/*.graphql and typed by `npm run codegen` (generated/graphql.ts): gql() infers variables and result.
import {
  DashboardAddEventDocument, DashboardAddTransferDocument, DashboardCorrectEventDocument, DashboardCorrectTransferDocument, DashboardChangesDocument, DashboardCitedSourcesDocument, DashboardFactHistoryDocument, DashboardMeDocument,
  DashboardQuoteCheckDocument, DashboardRetractDocument, DashboardCheckDocument, DashboardHopDealsDocument, DashboardNodeDocument, DashboardResolve2Document, DashboardResolveDocument,
  DashboardDependenceDocument, DashboardLagsDocument, DashboardReconcileDocument, DashboardRouteChainsDocument, DashboardRoutesDocument, DashboardSearchDocument,
  DashboardSubgraphDocument, DashboardTimelineDocument, DashboardTrendsDocument, DashboardTrendYearsDocument,
} from './generated/graphql.js';

/** One page of routes from one actor to another, with each hop's evidence, the witness chain and the rules. */
export const ROUTES_QUERY = DashboardRoutesDocument;

/** A page of one route's chains (the per-transfer paths). */
export const ROUTE_CHAINS_QUERY = DashboardRouteChainsDocument;

/** The deals on one hop of a route, with SIPRI's deliveries by year. */
export const HOP_DEALS_QUERY = DashboardHopDealsDocument;

/** The neighbourhood of some actors: few fields per edge, since it may hold thousands of transfers. */
export const SUBGRAPH_QUERY = DashboardSubgraphDocument;

/** One page of timeline entries. */
export const TIMELINE_QUERY = DashboardTimelineDocument;

/** Names and aliases matching some text. */
export const SEARCH_QUERY = DashboardSearchDocument;

/** Everything the details panel shows about one node (`kind` is aliased: its enum differs by type). */
export const NODE_QUERY = DashboardNodeDocument;

/** The verdict of the restrictions in force on a transfer's day. */
export const CHECK_QUERY = DashboardCheckDocument;

/** The start actor as typed, resolved (null when nothing matches). */
export const RESOLVE_QUERY = DashboardResolveDocument;

/** The start and end actors as typed, resolved (each null when nothing matches). */
export const RESOLVE_TWO_QUERY = DashboardResolve2Document;

/** TIV delivered by year: the years the data covers (the Trends view's periods end at the last complete one). */
export const TREND_YEARS_QUERY = DashboardTrendYearsDocument;

/** Shares, changes and ranks of suppliers, recipients, families or categories per period. */
export const TRENDS_QUERY = DashboardTrendsDocument;

/** A recipient's suppliers per period, its main supplier and the concentration (HHI). */
export const DEPENDENCE_QUERY = DashboardDependenceDocument;

/** Delivery lags (order to first and to last delivery) by group. */
export const LAGS_QUERY = DashboardLagsDocument;

/** A recipient's committed (Kiel), delivered (SIPRI) and claimed units per donor and family. */
export const RECONCILE_QUERY = DashboardReconcileDocument;

/** Who the server takes the dashboard for: the signed-in token's name and role, or the anonymous reader. */
export const ME_QUERY = DashboardMeDocument;

/** Whether a quote occurs verbatim in a source's stored text. */
export const QUOTE_CHECK_QUERY = DashboardQuoteCheckDocument;

/** A page of timeline entries of the seed's and analysts' facts, for the sources they cite. */
export const CITED_SOURCES_QUERY = DashboardCitedSourcesDocument;

/** Adds a transfer with its citation (an editor's token). */
export const ADD_TRANSFER_MUTATION = DashboardAddTransferDocument;

/** Adds an event with its citation (an editor's token). */
export const ADD_EVENT_MUTATION = DashboardAddEventDocument;

/** Corrects a transfer: the one named ends today, its next version (`<id>.v2`) is known from today. */
export const CORRECT_TRANSFER_MUTATION = DashboardCorrectTransferDocument;

/** Corrects an event, as CORRECT_TRANSFER_MUTATION a transfer. */
export const CORRECT_EVENT_MUTATION = DashboardCorrectEventDocument;

/** Retracts a fact, with a reason (an editor's token). */
export const RETRACT_MUTATION = DashboardRetractDocument;

/** Every version of a fact. */
export const FACT_HISTORY_QUERY = DashboardFactHistoryDocument;

/** The live change feed: every claim (a subscription, sent over the WebSocket). */
export const CHANGES_SUBSCRIPTION = DashboardChangesDocument;
