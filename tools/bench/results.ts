// The shape of one bench run's figures: written by run.ts (and saved as results-*.json), read by report.ts.
import type { ExportTimes, PathShape, RouteShape } from './bench-store.js';
import type { HttpResult } from './child-http.js';
import type { LoadResult } from './child-load.js';
import type { RunConfig, SizePlan } from './config.js';
import type { Api } from './http.js';
import type { MachineInfo } from './machine.js';
import type { Latency } from './measure.js';

/** Answers compared before timing: how many were checked, how many differed, and the first difference. */
export interface Check {
  readonly checked: number;
  readonly differing: number;
  readonly example?: string;
}

/** One autocannon run and how many distinct (checked) request bodies it cycled through. */
export type HttpRun = HttpResult & { readonly bodies: number };

/** The HTTP runs of one API, one per kind of question. */
export interface HttpFigures {
  readonly paths?: HttpRun;
  /** transferRoutes between hubs (absent in results written before issue [13]). */
  readonly routes?: HttpRun;
  readonly transfers?: HttpRun;
  readonly timeline?: HttpRun;
  /** `actor(id)`: one indexed look-up (absent in results written before the ceiling of issue [13]). */
  readonly actor?: HttpRun;
}

/** Every figure measured at one dataset size, on each store and peer that ran. */
export interface SizeResult {
  readonly size: string;
  readonly label: string;
  readonly plan: SizePlan;
  readonly counts: { transfers: number; actors: number; systems: number; timelineEntries: number };
  readonly questions: { paths: number; timeline: number; http: number; families: number; shape: PathShape };
  readonly loads: { memory: LoadResult[]; neo4j: LoadResult[] };
  readonly checks: Record<string, Check>;
  readonly paths: { memory: Latency; neo4j?: Latency; analyst?: Latency };
  readonly timeline: { memory: Latency; neo4j?: Latency };
  readonly stats: { memory: Record<string, Latency>; neo4j?: Record<string, Latency> };
  readonly exports: { memory: ExportTimes[]; neo4j: ExportTimes[] };
  readonly http: Partial<Record<Api, HttpFigures>>;
  /**
   * The ceiling next to `actor(id)` on Neo4j: a bare neo4j-driver loop doing an indexed look-up by id with as many
   * concurrent loops as HTTP connections (absent in results written before issue [13]'s ceiling).
   */
  readonly driverCeiling?: HttpRun;
  /** transferRoutes between hubs (absent in results written before issue [11]). */
  readonly routes?: RouteFigures;
  /** backfillCandidates for the biggest recipients (absent in results written before issue [11]). */
  readonly backfills?: BackfillFigures;
  /** The trend questions (absent in results written before issue [12]). */
  readonly trends?: TrendFigures;
  readonly kiel?: KielFigures;
  /** Writes (absent in results written before issue [15]). */
  readonly claims?: ClaimFigures;
}

/** Claims written on one store: one at a time (latency), and many at once (throughput). */
export interface ClaimWrites {
  readonly single: Latency;
  readonly concurrent: { readonly claims: number; readonly ms: number; readonly perSecond: number };
}

/** Writes (issue [15]) on seed + SIPRI, and reopening the embedded store with stored claims. */
export interface ClaimFigures {
  readonly memory: ClaimWrites;
  readonly neo4j?: ClaimWrites;
  readonly reopen: { readonly claims: number; readonly ms: number };
}

/** The Kiel import on top of seed + SIPRI (issue [14]): parse, loads and reconcile. */
export interface KielFigures {
  readonly commitments: number;
  /** Rows of reconcile(Ukraine, by: FAMILY). */
  readonly rows: number;
  readonly parseMs: number;
  readonly memoryLoadMs: number;
  readonly neo4jLoadMs?: number;
  readonly reconcile: { readonly memory: Latency; readonly neo4j?: Latency };
}

/** Latencies of each trend question (by its description), on each store. */
export interface TrendFigures {
  /** The recipient the dependence question asks about. */
  readonly recipient: string;
  /** Suppliers with TIV in the six periods. */
  readonly groups: number;
  readonly memory: Record<string, Latency>;
  readonly neo4j?: Record<string, Latency>;
}

/** Latencies of the route questions, overall and per hop bound (`"2"`, `"3"`, `"4"`). */
export interface RouteFigures {
  readonly questions: number;
  readonly hubs: number;
  /** Ordered hub pairs asked (each at every hop bound and order), out of `connectedPairs` with a route of ≤ 2 hops. */
  readonly pairs: number;
  readonly connectedPairs: number;
  readonly shape: RouteShape;
  readonly memory: Latency;
  readonly memoryByHops: Record<string, Latency>;
  readonly neo4j?: Latency;
  readonly neo4jByHops?: Record<string, Latency>;
  readonly analyst?: AnalystRouteFigures;
}

/** The analyst's route Cypher: the first questions tried within the slow budget, each stopped at `timeoutMs`. */
export interface AnalystRouteFigures {
  readonly timeoutMs: number;
  readonly attempted: number;
  readonly timedOut: number;
  /** Per hop bound: questions tried and how many ran into the timeout. */
  readonly byHops: Record<string, { attempted: number; timedOut: number }>;
  /** The questions it answered (answers checked equal to ours), timed again. */
  readonly answered: Latency;
  /** Every question tried, a timeout counted as `timeoutMs`: a lower bound of its latencies when any timed out. */
  readonly censored: Latency;
  /** Our stores on exactly the questions tried (for the ratios). */
  readonly memorySame: Latency;
  readonly neo4jSame?: Latency;
}

/** Latencies of backfillCandidates for the biggest recipients over the last five years of data. */
export interface BackfillFigures {
  readonly recipients: readonly string[];
  readonly between: { readonly from: string; readonly to: string };
  readonly meanCandidates: number;
  readonly memory: Latency;
  readonly neo4j?: Latency;
}

/** One whole run: its configuration, the machine, every size's figures and the notes gathered on the way. */
export interface RunResult {
  readonly mode: RunConfig['mode'];
  readonly config: RunConfig;
  readonly startedAt: string;
  readonly durationS: number;
  readonly machine: MachineInfo;
  readonly neo4jVersion?: string;
  readonly sizes: SizeResult[];
  readonly notes: string[];
}
