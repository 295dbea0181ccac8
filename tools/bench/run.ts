// `npm run bench [-- --quick] [--no-neo4j] [--out FILE] [--report-only]`: measures every size and store,
// checks that the stores and peers give the same answers, and writes BENCHMARKS.md (plus the raw figures as
// JSON next to this file, from which `--report-only` rewrites the report).
import { ask, type PathResult } from '../../src/query/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import type { Dataset } from '../../src/domain/model.js';
import { MemoryStore, neo4jConfigFromEnv, type GraphStore, type Neo4jStore } from '../../src/store/index.js';
import { askPaths, askTimeline, benchExport, benchStats, latencies, pathShape } from './bench-store.js';
import { measureBackfills, measureRoutes } from './bench-routes.js';
import { measureTrends } from './bench-trends.js';
import { measureKiel } from './bench-kiel.js';
import { measureClaims } from './bench-claims.js';
import { FULL, QUICK, type SizePlan } from './config.js';
import { buildDataset, sizeLabel } from './datasets.js';
import {
  OUR_ACTOR, OUR_PATHS, OUR_ROUTES, OUR_TIMELINE, OUR_TRANSFERS, PEER_TIMELINE, PEER_TRANSFERS, normalizeTimeline, normalizeTransfers,
} from './graphql-docs.js';
import { body, driverLoop, load, post, startApi } from './http.js';
import type { LoadResult } from './child-load.js';
import { machineInfo } from './machine.js';
import { BENCH_DIR, ROOT, runChild } from './measure.js';
import { BENCH_NEO4J_URI, benchDriver, connectStore, neo4jVersion, startNeo4j, stopNeo4j } from './neo4j.js';
import { analystPaths } from './peers/cypher.js';
import { querySet, routeQuestions, type PathQuestion } from './queries.js';
import { writeReport } from './report.js';
import type { Check, HttpFigures, HttpRun, RunResult, SizeResult } from './results.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-neo4j': { type: 'boolean', default: false },
    out: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const runStart = performance.now();
/** Progress on stderr, each line with the seconds since the run started (so a slow phase shows in CI logs). */
const log = (line: string) => process.stderr.write(`bench: [${Math.round((performance.now() - runStart) / 1000)} s] ${line}\n`);
const config = args.quick ? QUICK : FULL;
// The quick (CI smoke) run never overwrites the full report.
const outFile = path.resolve(ROOT, args.out ?? (args.quick ? 'tools/bench/BENCHMARKS-quick.md' : 'BENCHMARKS.md'));
const jsonFile = path.join(BENCH_DIR, `results-${config.mode}.json`);

if (args['report-only']) {
  const saved = JSON.parse(readFileSync(jsonFile, 'utf8')) as RunResult;
  writeFileSync(outFile, writeReport(saved));
  log(`rewrote ${path.relative(ROOT, outFile)} from ${path.relative(ROOT, jsonFile)}`);
  process.exit(0);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares two answer lists item by item. */
function compare(label: string, left: readonly unknown[], right: readonly unknown[], describe: (i: number) => string): Check {
  let differing = 0;
  let example: string | undefined;
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (!sameJson(left[i], right[i])) {
      differing += 1;
      example ??= `${label}: ${describe(i)}: ${JSON.stringify(left[i]).slice(0, 300)} ≠ ${JSON.stringify(right[i]).slice(0, 300)}`;
    }
  }
  if (example) log(`MISMATCH ${example}`);
  return { checked: Math.min(left.length, right.length), differing, ...(example !== undefined && { example }) };
}

async function measureLoads(plan: SizePlan, neo4j: boolean): Promise<SizeResult['loads']> {
  const memory: LoadResult[] = [];
  for (let i = 0; i < plan.memoryLoads; i += 1) {
    memory.push(await runChild<LoadResult>('child-load.ts', ['--size', plan.size, '--store', 'memory'], { nodeFlags: ['--expose-gc'] }));
    log(`${plan.size}: memory load ${Math.round(memory.at(-1)!.loadMs)} ms, peak RSS ${Math.round(memory.at(-1)!.peakRssMiB)} MiB`);
  }
  const neo: LoadResult[] = [];
  for (let i = 0; neo4j && i < plan.neo4jLoads; i += 1) {
    neo.push(await runChild<LoadResult>('child-load.ts', ['--size', plan.size, '--store', 'neo4j'], { nodeFlags: ['--expose-gc'] }));
    log(`${plan.size}: neo4j load ${Math.round(neo.at(-1)!.loadMs)} ms, reload ${Math.round(neo.at(-1)!.reloadMs ?? 0)} ms`);
  }
  return { memory, neo4j: neo };
}

/** Answers questions in order until the slow budget is spent (at least 3). */
async function withinBudget<Q, R>(questions: readonly Q[], ask: (q: Q) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  const started = performance.now();
  for (const q of questions) {
    out.push(await ask(q));
    if (out.length >= 3 && performance.now() - started > config.slowBudgetMs) break;
  }
  return out;
}

/** Ids of the ranked paths and whether more exist, as the analyst's query can tell them. */
const pathIds = (r: PathResult) => ({ ids: r.paths.map((p) => p.hops.map((h) => h.transfer.id)), truncated: r.truncated });

async function measureSize(plan: SizePlan, neo4jOn: boolean, driver: Driver | undefined, notes: string[]): Promise<SizeResult> {
  const withNeo4j = neo4jOn && plan.neo4j;
  const loads = await measureLoads(plan, withNeo4j);

  log(`${plan.size}: loading the memory store in the bench process`);
  const { dataset } = await buildDataset(plan.size);
  const memory = new MemoryStore();
  await memory.load(dataset);
  const qs = querySet(dataset, { paths: config.pathQuestions, timeline: config.timelineQuestions, http: config.httpQuestions });
  const counts = {
    transfers: dataset.transfers.length,
    actors: dataset.actors.length,
    systems: dataset.systems.length,
    timelineEntries: (await ask(memory).timeline({}, { first: 0 })).totalCount,
  };
  const neo: Neo4jStore | undefined = withNeo4j ? await connectStore() : undefined;
  const checks: Record<string, Check> = {};
  try {
    // Answers first (untimed; also warms caches): every store and peer must agree before anything is timed.
    log(`${plan.size}: checking answers on ${qs.paths.length} path and ${qs.timeline.length} timeline questions`);
    const memPaths: PathResult[] = [];
    for (const q of qs.paths) memPaths.push(await askPaths(memory, q));
    const memTimeline = [];
    for (const q of qs.timeline) memTimeline.push(await askTimeline(memory, q));
    const describePath = (i: number) => `${qs.paths[i]!.from}→${qs.paths[i]!.to} (${qs.paths[i]!.system})`;
    // Neo4j and the analyst's Cypher are slow on big graphs: each answers as many questions as fit the slow budget,
    // and is then timed on exactly those (so every timed answer was checked).
    let neoPathQuestions: readonly PathQuestion[] = [];
    let analystQuestions: readonly PathQuestion[] = [];
    let neoTimelineQuestions: readonly (typeof qs.timeline)[number][] = [];
    if (neo && driver) {
      const neoPaths = await withinBudget(qs.paths, (q) => askPaths(neo, q));
      neoPathQuestions = qs.paths.slice(0, neoPaths.length);
      checks['paths: memory = neo4j'] = compare('paths', memPaths, neoPaths, describePath);
      const neoTimeline = await withinBudget(qs.timeline, (q) => askTimeline(neo, q));
      neoTimelineQuestions = qs.timeline.slice(0, neoTimeline.length);
      checks['timeline pages: memory = neo4j'] = compare('timeline', memTimeline, neoTimeline, (i) => qs.timeline[i]!.actor);
      const memStats = [];
      const neoStats = [];
      for (const g of [['SUPPLIER'], ['RECIPIENT', 'YEAR'], ['CATEGORY']] as const) {
        memStats.push(await ask(memory).transferStats({}, g));
        neoStats.push(await ask(neo).transferStats({}, g));
      }
      checks['transferStats: memory = neo4j'] = compare('stats', memStats, neoStats, (i) => `grouping ${i}`);
      const analyst = await withinBudget(qs.paths, async (q) => {
        const ids = await analystPaths(driver, q, 21);
        return { ids: ids.slice(0, 20), truncated: ids.length > 20 };
      });
      analystQuestions = qs.paths.slice(0, analyst.length);
      checks['paths: analyst Cypher = ours'] = compare('analyst', memPaths.slice(0, analyst.length).map(pathIds), analyst, describePath);
    }

    log(`${plan.size}: timing paths and timeline`);
    const paths: SizeResult['paths'] = { memory: await latencies(qs.paths, (q) => askPaths(memory, q)) };
    const timeline: SizeResult['timeline'] = { memory: await latencies(qs.timeline, (q) => askTimeline(memory, q)) };
    const stats: SizeResult['stats'] = { memory: await benchStats(memory, config.statsRounds, config.slowBudgetMs / 6) };
    if (neo && driver) {
      paths.neo4j = await latencies(neoPathQuestions, (q) => askPaths(neo, q), { warmup: 3, budgetMs: config.slowBudgetMs });
      paths.analyst = await latencies(analystQuestions, (q) => analystPaths(driver, q, 21), { warmup: 3, budgetMs: config.slowBudgetMs });
      timeline.neo4j = await latencies(neoTimelineQuestions, (q) => askTimeline(neo, q), { warmup: 3, budgetMs: config.slowBudgetMs });
      stats.neo4j = await benchStats(neo, config.statsRounds, config.slowBudgetMs / 6);
    }

    const bench = { config, log, compare, withinBudget };
    const routes = await measureRoutes(bench, plan.size, dataset, memory, neo, plan.routeAnalyst ? driver : undefined, checks);
    const backfills = await measureBackfills(bench, plan.size, dataset, memory, neo, checks);
    const trends = await measureTrends(bench, plan.size, memory, neo, checks, config.trendRounds);
    const kiel = await measureKiel(bench, plan.size, dataset, memory, neo, checks);
    const claims = await measureClaims(bench, plan.size, dataset, memory, neo, config.claims);

    log(`${plan.size}: timing exports`);
    const hub = qs.hub;
    const exports: SizeResult['exports'] = { memory: [], neo4j: [] };
    for (const store of [memory, ...(neo ? [neo] : [])] as GraphStore[]) {
      const list = store === memory ? exports.memory : exports.neo4j;
      list.push(await benchExport(store, [hub], store === memory));
      if (config.wholeExport) list.push(await benchExport(store, undefined, store === memory));
    }

    const http = await measureHttp(plan, withNeo4j, dataset, qs, checks, notes);
    let driverCeiling: SizeResult['driverCeiling'];
    if (withNeo4j && plan.http.includes('neo4j')) {
      log(`${plan.size}: the ceiling: a bare neo4j-driver loop of indexed look-ups`);
      const c = neo4jConfigFromEnv();
      const ids = qs.timelineActors;
      const run = await driverLoop({
        uri: BENCH_NEO4J_URI, user: c.user, password: c.password, ids, connections: config.httpConnections, durationS: config.httpSeconds,
        warmupS: config.httpWarmupSeconds,
      });
      driverCeiling = { ...run, bodies: ids.length };
      log(`${plan.size}: bare driver look-ups: ${Math.round(run.rps)} per second`);
    }
    return {
      size: plan.size,
      label: sizeLabel(plan.size),
      plan,
      counts,
      questions: { paths: qs.paths.length, timeline: qs.timeline.length, http: config.httpQuestions, families: qs.families, shape: pathShape(memPaths) },
      loads,
      checks,
      paths,
      timeline,
      stats,
      exports,
      http,
      ...(driverCeiling && { driverCeiling }),
      routes,
      backfills,
      trends,
      ...(kiel && { kiel }),
      ...(claims && { claims }),
    };
  } finally {
    await neo?.close();
  }
}

async function measureHttp(
  plan: SizePlan, withNeo4j: boolean, dataset: Dataset, qs: ReturnType<typeof querySet>, checks: Record<string, Check>, notes: string[],
): Promise<SizeResult['http']> {
  const apis = plan.http.filter((a) => a === 'memory' || withNeo4j);
  const bodies = {
    paths: qs.paths.slice(0, config.httpQuestions).map((q) => body(OUR_PATHS, { from: q.from, to: q.to, system: q.system })),
    transfers: qs.recipients.map((to) => body(OUR_TRANSFERS, { to })),
    timeline: qs.timelineActors.map((actor) => body(OUR_TIMELINE, { actor })),
    actor: qs.timelineActors.map((id) => body(OUR_ACTOR, { id })),
    routes: routeQuestions(dataset, { hubs: config.routeHubs, pairs: config.routePairs }).questions
      .slice(0, config.httpQuestions).map((q) => body(OUR_ROUTES, { from: q.from, to: q.to, maxHops: q.maxHops, order: q.order })),
    peerTransfers: qs.recipients.map((to) => body(PEER_TRANSFERS, { to })),
    peerTimeline: qs.timelineActors.map((actor) => body(PEER_TIMELINE, { actor })),
  };
  const reference: Record<string, unknown[]> = {};
  const out: SizeResult['http'] = {};
  for (const api of apis) {
    log(`${plan.size}: HTTP ${api}`);
    const server = await startApi(api, plan.size);
    try {
      type Job = [keyof HttpFigures, string[], (d: Record<string, unknown>) => unknown];
      const jobs: Job[] =
        api === 'peer'
          ? [
              ['transfers', bodies.peerTransfers, (d) => normalizeTransfers(d, true)],
              ['timeline', bodies.peerTimeline, (d) => normalizeTimeline(d, true)],
            ]
          : [
              ['paths', bodies.paths, (d) => d],
              ['routes', bodies.routes, (d) => d],
              ['transfers', bodies.transfers, (d) => normalizeTransfers(d, false)],
              ['timeline', bodies.timeline, (d) => normalizeTimeline(d, false)],
              // The ceiling (actor(id) against the bare driver loop) is one process against one.
              ...(api === 'neo4j-workers' ? [] : [['actor', bodies.actor, (d) => d] satisfies Job]),
            ];
      const figures: HttpFigures = {};
      out[api] = figures; // filled as runs finish, so a failure keeps what was measured
      for (const [name, all, normalize] of jobs) {
        // Slow APIs answer (and are then loaded with) only the bodies that fit the slow budget, at least 5.
        const answers: unknown[] = [];
        const started = performance.now();
        for (const b of all) {
          answers.push(normalize(await post(server.url, b)));
          if (api !== 'memory' && answers.length >= 5 && performance.now() - started > config.slowBudgetMs) break;
        }
        const list = all.slice(0, answers.length);
        if (reference[name] === undefined) reference[name] = answers;
        else checks[`HTTP ${name}: ${api} = memory`] = compare(`http ${name} ${api}`, reference[name]!, answers, (i) => `request ${i}`);
        await load(server.url, list, config.httpConnections, config.httpWarmupSeconds);
        const result: HttpRun = { ...(await load(server.url, list, config.httpConnections, config.httpSeconds)), bodies: list.length };
        (figures as Record<string, HttpRun>)[name] = result;
        log(`${plan.size}: HTTP ${api} ${name}: ${Math.round(result.rps)} req/s`);
      }
    } catch (error) {
      notes.push(`${plan.size}: HTTP on ${api} failed and is missing above: ${(error as Error).message.slice(0, 300)}`);
      log(`${plan.size}: HTTP ${api} FAILED: ${(error as Error).stack}`);
    } finally {
      await server.stop();
    }
  }
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const notes: string[] = [];
  const neo4jOn = !args['no-neo4j'];
  let startedNeo4j = false;
  let driver: Driver | undefined;
  let version: string | undefined;
  const sizes: SizeResult[] = [];
  try {
    if (neo4jOn) {
      startedNeo4j = startNeo4j(log);
      driver = benchDriver();
      version = await neo4jVersion(driver);
    } else {
      notes.push('Run with --no-neo4j: the Neo4j store and both peers were not measured.');
    }
    for (const plan of config.sizes) {
      if (args.only && !args.only.split(',').includes(plan.size)) continue;
      log(`size ${plan.size}`);
      try {
        sizes.push(await measureSize(plan, neo4jOn, driver, notes));
      } catch (error) {
        notes.push(`Size ${plan.size} failed and is missing above: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
        log(`size ${plan.size} FAILED: ${(error as Error).stack}`);
      }
    }
  } finally {
    await driver?.close();
    if (startedNeo4j) stopNeo4j(log);
  }
  const result: RunResult = {
    mode: config.mode,
    config,
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: machineInfo(),
    ...(version !== undefined && { neo4jVersion: version }),
    sizes,
    notes,
  };
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(outFile, writeReport(result));
  log(`done in ${Math.round(result.durationS)} s: wrote ${path.relative(ROOT, outFile)} and ${path.relative(ROOT, jsonFile)}`);
  // A figure is only worth having when the engines agreed: a failed size or a differing answer fails the run.
  const failed = (config.sizes.length > 0 && sizes.length === 0) || notes.some((n) => n.startsWith('Size '));
  const mismatches = sizes.flatMap((r) => Object.entries(r.checks).filter(([, c]) => c.differing > 0).map(([k]) => `${r.size}: ${k}`));
  if (failed || mismatches.length > 0) {
    log(`FAILED: ${[...notes.filter((n) => n.startsWith('Size ')), ...mismatches.map((m) => `answers differ (${m})`)].join('; ')}`);
    return 1;
  }
  return 0;
}

process.exit(await main());
