// Run modes: what each size measures and how many times. `--quick` is the CI smoke run (under 3 minutes).
import type { SizeName } from './datasets.js';
import type { Api } from './http.js';

export interface SizePlan {
  readonly size: SizeName;
  /** Measure the Neo4j store, the analyst's Cypher and the @neo4j/graphql peer on this size. */
  readonly neo4j: boolean;
  /** GraphQL over HTTP for these APIs. */
  readonly http: readonly Api[];
  /** Times each load is repeated in a fresh process (the median is reported). */
  readonly memoryLoads: number;
  readonly neo4jLoads: number;
  /**
   * Run the analyst's route Cypher (with Neo4j): it enumerates every chain of transfers, so its 3- and 4-hop
   * questions between hubs mostly run into `analystRouteTimeoutMs`; not worth its budget on ×10.
   */
  readonly routeAnalyst?: boolean;
}

export interface RunConfig {
  readonly mode: 'full' | 'quick';
  readonly sizes: readonly SizePlan[];
  readonly pathQuestions: number;
  readonly timelineQuestions: number;
  /** Distinct request bodies each HTTP run cycles through. */
  readonly httpQuestions: number;
  /** Most time spent timing one slow peer or store on one size's question set (ms); fewer questions then. */
  readonly slowBudgetMs: number;
  readonly statsRounds: number;
  /** Times each trend question is asked (after 2 warm-ups). */
  readonly trendRounds: number;
  readonly httpConnections: number;
  readonly httpSeconds: number;
  readonly httpWarmupSeconds: number;
  /** Whole-graph exports (the around-an-actor export always runs). */
  readonly wholeExport: boolean;
  /** Route questions: ordered pairs drawn among the `routeHubs` actors in most transfers, each asked at 3 hop bounds × 3 orders. */
  readonly routeHubs: number;
  readonly routePairs: number;
  /** The analyst's route query is stopped (transaction timeout) after this long. */
  readonly analystRouteTimeoutMs: number;
  /** Backfill questions: the biggest recipients. */
  readonly backfillRecipients: number;
  /** Claims (on seed + SIPRI): one at a time, all at once (Neo4j a quarter of each), and stored for the reopen. */
  readonly claims: { readonly single: number; readonly concurrent: number; readonly reopen: number };
}

const ALL_APIS = ['memory', 'neo4j', 'peer'] as const;

export const FULL: RunConfig = {
  mode: 'full',
  sizes: [
    { size: 'seed', neo4j: true, http: ALL_APIS, memoryLoads: 3, neo4jLoads: 2, routeAnalyst: true },
    { size: 'sipri', neo4j: true, http: ALL_APIS, memoryLoads: 3, neo4jLoads: 2, routeAnalyst: true },
    // ×10 also serves Neo4j from two processes (`serve --workers 2`), next to one: the p99 targets at ten connections.
    { size: 'synthetic-250000', neo4j: true, http: [...ALL_APIS, 'neo4j-workers'], memoryLoads: 3, neo4jLoads: 1 },
  ],
  pathQuestions: 300,
  timelineQuestions: 300,
  httpQuestions: 50,
  slowBudgetMs: 90_000,
  statsRounds: 5,
  trendRounds: 30,
  httpConnections: 10,
  httpSeconds: 10,
  httpWarmupSeconds: 2,
  wholeExport: true,
  routeHubs: 20,
  routePairs: 10,
  analystRouteTimeoutMs: 10_000,
  backfillRecipients: 10,
  claims: { single: 60, concurrent: 400, reopen: 10_000 },
};

export const QUICK: RunConfig = {
  mode: 'quick',
  sizes: [
    { size: 'seed', neo4j: false, http: [], memoryLoads: 1, neo4jLoads: 0 },
    // The analyst's route query is left to the full run: in CI's smoke run its timeouts cost more than they tell.
    { size: 'sipri', neo4j: true, http: ALL_APIS, memoryLoads: 1, neo4jLoads: 1 },
    { size: 'synthetic-25000', neo4j: false, http: [], memoryLoads: 1, neo4jLoads: 0 },
  ],
  pathQuestions: 60,
  timelineQuestions: 60,
  httpQuestions: 15,
  slowBudgetMs: 5_000,
  statsRounds: 1,
  trendRounds: 10,
  httpConnections: 10,
  httpSeconds: 2,
  httpWarmupSeconds: 1,
  wholeExport: false,
  routeHubs: 10,
  routePairs: 2,
  analystRouteTimeoutMs: 2_000,
  backfillRecipients: 5,
  claims: { single: 12, concurrent: 60, reopen: 1_000 },
};
