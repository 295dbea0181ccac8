// In-process measurements of one store: paths, timeline pages, routes, backfills, stats and exports over the fixed query sets.
import {
  ask, checkPathOptions, checkRouteOptions, findRoutes, hopFilter, pathsBetween, type BackfillCandidate, type PathResult, type RoutePage,
  type StatsKey,
} from '../../src/query/index.js';
import { exportFiles, exportGraph, EXPORT_FORMATS, type ExportFormat } from '../../src/export/index.js';
import type { GraphStore } from '../../src/store/index.js';
import { latencies, summarize, timeOnce, type Latency } from './measure.js';
import type { BackfillQuestion, PathQuestion, RouteQuestion, TimelineQuestion } from './queries.js';

export const PATH_OPTIONS = { maxHops: 4, order: 'TIME_RESPECTING' } as const;

/**
 * A path question over ids already resolved, as the bench has always timed it (name look-ups are part of the HTTP
 * figures, where the API resolves them): the question module's own preparation and ranking, then the store's ports.
 */
export function askPaths(store: GraphStore, q: PathQuestion): Promise<PathResult> {
  return pathsBetween(store, q.from, q.to, { ...checkPathOptions(PATH_OPTIONS), system: q.system });
}

/** A timeline page for an actor id already resolved (as the bench has always timed it): the store's timeline port. */
export function askTimeline(store: GraphStore, q: TimelineQuestion) {
  return store.timelinePage({ actors: [q.actor], ...(q.between && { between: q.between }) }, { first: 20 });
}

/** What the path questions found (the same for every store once answers are checked equal). */
export interface PathShape {
  readonly questions: number;
  readonly withPaths: number;
  readonly multiHop: number;
  readonly truncated: number;
  readonly meanPaths: number;
}

export function pathShape(results: readonly PathResult[]): PathShape {
  return {
    questions: results.length,
    withPaths: results.filter((r) => r.paths.length > 0).length,
    multiHop: results.filter((r) => r.paths.some((p) => p.length > 1)).length,
    truncated: results.filter((r) => r.truncated).length,
    meanPaths: results.reduce((n, r) => n + r.paths.length, 0) / Math.max(1, results.length),
  };
}

export const STATS_GROUPINGS: readonly (readonly StatsKey[])[] = [['SUPPLIER'], ['RECIPIENT', 'YEAR'], ['CATEGORY']];

/** transferStats over the whole graph for each grouping: one untimed run, then up to `rounds` timed runs within `budgetMs`. */
export async function benchStats(store: GraphStore, rounds: number, budgetMs: number): Promise<Record<string, Latency>> {
  const out: Record<string, Latency> = {};
  for (const groupBy of STATS_GROUPINGS) {
    const samples: number[] = [];
    await ask(store).transferStats({}, groupBy);
    for (let i = 0; i < rounds && (i === 0 || samples.reduce((a, b) => a + b, 0) < budgetMs); i += 1) {
      samples.push((await timeOnce(() => ask(store).transferStats({}, groupBy))).ms);
    }
    out[groupBy.join('+')] = summarize(samples);
  }
  return out;
}

/** Export timings: reading the selection from the store, building the export graph, then writing each format. */
export interface ExportTimes {
  readonly selection: string;
  readonly edges: number;
  readonly selectMs: number;
  readonly graphMs: number;
  /** Writing each format (absent when only the selection was timed: the writers do not depend on the store). */
  readonly formats?: Record<ExportFormat, { ms: number; mb: number }>;
}

export async function benchExport(store: GraphStore, around: readonly string[] | undefined, write: boolean): Promise<ExportTimes> {
  const selection = around ? { around, depth: 1 } : {};
  const selected = await timeOnce(() => ask(store).exportSelection(selection));
  const graph = await timeOnce(() => exportGraph(selected.value.subgraph, selected.value.sources));
  const formats = {} as Record<ExportFormat, { ms: number; mb: number }>;
  for (const format of write ? EXPORT_FORMATS : []) {
    const started = performance.now();
    let bytes = 0;
    for (const file of exportFiles(format, graph.value)) for (const chunk of file.chunks) bytes += Buffer.byteLength(chunk);
    formats[format] = { ms: performance.now() - started, mb: bytes / 1024 / 1024 };
  }
  return {
    selection: around ? `around ${around.join(', ')}, depth 1` : 'whole graph',
    edges: selected.value.subgraph.edges.length,
    selectMs: selected.ms,
    graphMs: graph.ms,
    ...(write && { formats }),
  };
}

/** Routes asked per question: the first page, ranked by EVIDENCE. */
export const ROUTE_PAGE = 20;

const routeInput = (q: RouteQuestion) => ({ maxHops: q.maxHops, order: q.order, orderBy: 'EVIDENCE' as const });

/**
 * A route question as the API asks it: `ask(store).transferRoutes` with the ids as references, so their look-up is
 * part of the figure (a round trip on Neo4j, a map read on memory), then the routes search, ranking and the page's
 * witness chains with their checks.
 */
export function askRoutes(store: GraphStore, q: RouteQuestion): Promise<RoutePage> {
  return ask(store).transferRoutes(q.from, q.to, routeInput(q), { first: ROUTE_PAGE });
}

/** What two stores' route pages must agree on: ids, counts, completeness, each hop's evidence, witness and checks. */
export function routeAnswer(p: RoutePage) {
  return {
    totalCount: p.totalCount,
    complete: p.complete,
    hopsCovered: p.hopsCovered,
    hasNextPage: p.hasNextPage,
    routes: p.items.map((r) => ({
      id: r.id,
      score: r.score,
      hops: r.hops.map((h) => ({ ...h, transfers: h.transfers.map((t) => t.id) })),
      witness: r.witness.hops.map((h) => [h.transfer.id, h.via]),
      checks: r.checks,
    })),
  };
}

/**
 * Every route of a question (not only the first page), for the comparison with the analyst's query: the same
 * search `transferRoutes` runs, over the store's route candidates.
 */
export async function allRoutes(store: GraphStore, q: RouteQuestion): Promise<{ ids: string[]; total: number; complete: boolean }> {
  const options = { ...checkRouteOptions(routeInput(q)), via: [], avoid: [] };
  const graph = await store.routeCandidates(q.from, q.to, options.maxHops, hopFilter({ ...options, limit: 1 }));
  const search = findRoutes(q.from, q.to, options, graph);
  const ids = search.routes.map((r) => r.id).sort();
  return { ids, total: ids.length, complete: search.complete };
}

/** What the route questions found (the same for every store once answers are checked equal). */
export interface RouteShape {
  readonly questions: number;
  readonly withRoutes: number;
  /** Questions whose search hit the expansion budget (their count covers `hopsCovered` hops only). */
  readonly incomplete: number;
  readonly meanRoutes: number;
  readonly maxRoutes: number;
}

export function routeShape(pages: readonly RoutePage[]): RouteShape {
  return {
    questions: pages.length,
    withRoutes: pages.filter((p) => p.totalCount > 0).length,
    incomplete: pages.filter((p) => !p.complete).length,
    meanRoutes: pages.reduce((n, p) => n + p.totalCount, 0) / Math.max(1, pages.length),
    maxRoutes: pages.reduce((n, p) => Math.max(n, p.totalCount), 0),
  };
}

/** backfillCandidates as the API asks it (the recipient's id as its reference), with the defaults spelled out. */
export function askBackfills(store: GraphStore, q: BackfillQuestion): Promise<readonly BackfillCandidate[]> {
  return ask(store).backfillCandidates(q.recipient, { between: q.between, years: 2, first: 20 });
}

export { latencies };
