// Route and backfill questions (issue [11]): answers checked across engines first, then each engine timed.
import type { Driver } from 'neo4j-driver';
import type { Dataset } from '../../src/domain/model.js';
import type { MemoryStore, Neo4jStore } from '../../src/store/index.js';
import { allRoutes, askBackfills, askRoutes, latencies, routeAnswer, routeShape } from './bench-store.js';
import { timeEach } from './measure.js';
import type { RunConfig } from './config.js';
import { summarize, type Latency } from './measure.js';
import { analystRoutes } from './peers/cypher.js';
import { backfillQuestions, routeQuestions, type RouteQuestion } from './queries.js';
import type { AnalystRouteFigures, BackfillFigures, Check, RouteFigures } from './results.js';

/** What the run lends these measurements: its plan, its log, and how it compares answers and spends the slow budget. */
export interface BenchContext {
  readonly config: RunConfig;
  readonly log: (line: string) => void;
  /** Compares two answer lists item by item (logging the first difference). */
  readonly compare: (label: string, left: readonly unknown[], right: readonly unknown[], describe: (i: number) => string) => Check;
  /** Answers questions in order until the slow budget is spent (at least 3). */
  readonly withinBudget: <Q, R>(questions: readonly Q[], ask: (q: Q) => Promise<R>) => Promise<R[]>;
}

/** Latencies of the samples of the questions with each hop bound (samples index-aligned with the questions). */
function byHops(questions: readonly RouteQuestion[], samples: readonly number[]): Record<string, Latency> {
  const out: Record<string, number[]> = {};
  samples.forEach((ms, i) => (out[String(questions[i]!.maxHops)] ??= []).push(ms));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, summarize(v)]));
}

/**
 * transferRoutes between hubs: memory = Neo4j checked on the whole first page, both timed, then the analyst's
 * Cypher checked against ours (every route id and the count) and timed on the questions it answered.
 */
export async function measureRoutes(
  bench: BenchContext, size: string, dataset: Dataset, memory: MemoryStore, neo: Neo4jStore | undefined, driver: Driver | undefined,
  checks: Record<string, Check>,
): Promise<RouteFigures> {
  const set = routeQuestions(dataset, { hubs: bench.config.routeHubs, pairs: bench.config.routePairs });
  const qs = set.questions;
  const describe = (i: number) => `${qs[i]!.from}→${qs[i]!.to} ≤${qs[i]!.maxHops} ${qs[i]!.order}`;
  bench.log(`${size}: routes: checking ${qs.length} questions (${set.pairs} of ${set.connectedPairs} connected pairs among ${set.hubs.length} hubs)`);
  const memPages = [];
  for (const q of qs) memPages.push(await askRoutes(memory, q));
  let neoQuestions: readonly RouteQuestion[] = [];
  if (neo) {
    const neoPages = await bench.withinBudget(qs, (q) => askRoutes(neo, q));
    neoQuestions = qs.slice(0, neoPages.length);
    checks['routes: memory = neo4j'] = bench.compare('routes', memPages.map(routeAnswer), neoPages.map(routeAnswer), describe);
  }
  // Our engines are timed before the analyst's query runs: its questions that hit the 10 s timeout leave Neo4j's
  // JVM busy for a while after (on two cores, timing the memory store right after them measured the JVM too).
  bench.log(`${size}: routes: timing`);
  const memSamples = await timeEach(qs, (q) => askRoutes(memory, q), { warmup: 3, budgetMs: bench.config.slowBudgetMs });
  const figures: { -readonly [K in keyof RouteFigures]: RouteFigures[K] } = {
    questions: qs.length, hubs: set.hubs.length, pairs: set.pairs, connectedPairs: set.connectedPairs, shape: routeShape(memPages),
    memory: summarize(memSamples), memoryByHops: byHops(qs, memSamples),
  };
  let neoSamples: number[] = [];
  if (neo) {
    neoSamples = await timeEach(neoQuestions, (q) => askRoutes(neo, q), { warmup: 3, budgetMs: bench.config.slowBudgetMs });
    figures.neo4j = summarize(neoSamples);
    figures.neo4jByHops = byHops(neoQuestions, neoSamples);
  }

  // The analyst's query: tried in order until the slow budget is spent (at least 3); a question that runs into the
  // timeout has no answer to check and counts as the timeout in the censored figures.
  const timeoutMs = bench.config.analystRouteTimeoutMs;
  const tried: (readonly string[] | undefined)[] = [];
  if (driver) {
    bench.log(`${size}: routes: the analyst's Cypher (each stopped after ${timeoutMs / 1000} s)`);
    const ours: unknown[] = [];
    const theirs: unknown[] = [];
    const compared: RouteQuestion[] = [];
    const started = performance.now();
    for (const [i, q] of qs.entries()) {
      const a = await analystRoutes(driver, q, timeoutMs);
      tried.push(a === 'timeout' ? undefined : a.ids);
      if (a !== 'timeout') {
        const all = await allRoutes(memory, q);
        if (all.complete) {
          // Every route id of the search `transferRoutes` runs, and the count our page reported.
          ours.push({ ids: all.ids, total: memPages[i]!.totalCount });
          theirs.push({ ids: a.ids, total: a.total });
          compared.push(q);
        } else {
          bench.log(`${size}: routes: ${describe(i)} hit our search budget, so its count is partial: not compared with the analyst's`);
        }
      }
      if (tried.length >= 3 && performance.now() - started > bench.config.slowBudgetMs) break;
    }
    checks['routes: analyst Cypher = ours'] = bench.compare('analyst routes', ours, theirs, (i) => `${compared[i]!.from}→${compared[i]!.to} ≤${compared[i]!.maxHops} ${compared[i]!.order}`);
  }

  if (driver && tried.length > 0) {
    // Timed again on what it answered (its plans are cached by now); a timeout counts as the timeout.
    const samples: number[] = [];
    const answeredMs: number[] = [];
    let timedOut = 0;
    const hops: AnalystRouteFigures['byHops'] = {};
    for (const [i, ids] of tried.entries()) {
      const q = qs[i]!;
      const h = (hops[String(q.maxHops)] ??= { attempted: 0, timedOut: 0 });
      h.attempted += 1;
      let ms = timeoutMs;
      if (ids !== undefined) {
        const started = performance.now();
        const a = await analystRoutes(driver, q, timeoutMs);
        if (a !== 'timeout') answeredMs.push((ms = performance.now() - started));
      }
      if (ms >= timeoutMs) {
        timedOut += 1;
        h.timedOut += 1;
      }
      samples.push(ms);
    }
    const same = neo ? Math.min(samples.length, neoSamples.length) : samples.length;
    figures.analyst = {
      timeoutMs, attempted: tried.length, timedOut, byHops: hops, answered: summarize(answeredMs), censored: summarize(samples.slice(0, same)),
      memorySame: summarize(memSamples.slice(0, same)), ...(neo && { neo4jSame: summarize(neoSamples.slice(0, same)) }),
    };
  }
  const a = figures.analyst;
  bench.log(`${size}: routes p95: memory ${figures.memory.p95.toFixed(1)} ms${figures.neo4j ? `, neo4j ${figures.neo4j.p95.toFixed(1)} ms` : ''}${a ? `, analyst ${a.censored.p95.toFixed(0)} ms (${a.timedOut}/${a.attempted} timed out)` : ''}`);
  return figures;
}

/** backfillCandidates for the biggest recipients: memory = Neo4j checked first, then both timed. */
export async function measureBackfills(
  bench: BenchContext, size: string, dataset: Dataset, memory: MemoryStore, neo: Neo4jStore | undefined, checks: Record<string, Check>,
): Promise<BackfillFigures> {
  const qs = backfillQuestions(dataset, bench.config.backfillRecipients);
  bench.log(`${size}: backfills: ${qs.length} recipients, ${qs[0]?.between.from ?? ''} to ${qs[0]?.between.to ?? ''}`);
  const mem = [];
  for (const q of qs) mem.push(await askBackfills(memory, q));
  let neoQuestions: typeof qs = [];
  if (neo) {
    const answers = await bench.withinBudget(qs, (q) => askBackfills(neo, q));
    neoQuestions = qs.slice(0, answers.length);
    checks['backfills: memory = neo4j'] = bench.compare('backfills', mem, answers, (i) => qs[i]!.recipient);
  }
  const figures: BackfillFigures = {
    recipients: qs.map((q) => q.recipient),
    between: qs[0]?.between ?? { from: '', to: '' },
    meanCandidates: mem.reduce((n, a) => n + a.length, 0) / Math.max(1, mem.length),
    memory: await latencies(qs, (q) => askBackfills(memory, q), { warmup: 3, budgetMs: bench.config.slowBudgetMs }),
    ...(neo && { neo4j: await latencies(neoQuestions, (q) => askBackfills(neo, q), { warmup: 3, budgetMs: bench.config.slowBudgetMs }) }),
  };
  bench.log(`${size}: backfills p95: memory ${figures.memory.p95.toFixed(1)} ms${figures.neo4j ? `, neo4j ${figures.neo4j.p95.toFixed(1)} ms` : ''}`);
  return figures;
}

