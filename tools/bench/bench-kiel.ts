// Benchmark of the Kiel import (issue [14]): reading release 29, loading it onto seed + SIPRI in each store, and
// reconcile on Ukraine (each store's answer checked equal first); then the stores get seed + SIPRI back.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../src/domain/model.js';
import { importKiel, mergeDatasets } from '../../src/import/index.js';
import { ask } from '../../src/query/index.js';
import type { MemoryStore, Neo4jStore } from '../../src/store/index.js';
import type { BenchContext } from './bench-routes.js';
import { latencies, ROOT } from './measure.js';
import type { Check, KielFigures } from './results.js';

/** Where the Kiel release lives (override with BENCH_KIEL_DIR). */
export const KIEL_DIR = process.env.BENCH_KIEL_DIR ?? path.resolve(ROOT, '..', 'shared', 'data', 'kiel-ust-release-29');

/** Times the Kiel import on the SIPRI size only (it joins SIPRI's actors and families); undefined elsewhere or without the data. */
export async function measureKiel(
  bench: BenchContext, size: string, dataset: Dataset, memory: MemoryStore, neo: Neo4jStore | undefined, checks: Record<string, Check>,
): Promise<KielFigures | undefined> {
  if (size !== 'sipri' || !existsSync(KIEL_DIR)) return undefined;
  bench.log(`${size}: Kiel import of ${path.basename(KIEL_DIR)}`);
  let started = performance.now();
  const { dataset: kiel, summary } = await importKiel(KIEL_DIR);
  const parseMs = performance.now() - started;
  const merged = mergeDatasets(dataset, kiel);
  started = performance.now();
  await memory.load(merged);
  const memoryLoadMs = performance.now() - started;
  let neo4jLoadMs: number | undefined;
  if (neo) {
    started = performance.now();
    await neo.load(merged);
    neo4jLoadMs = performance.now() - started;
  }
  const question = () => ask(memory).reconcile('UA', { by: 'FAMILY' });
  const answer = await question();
  if (neo) checks['reconcile: memory = neo4j'] = bench.compare('reconcile', [answer], [await ask(neo).reconcile('UA', { by: 'FAMILY' })], () => 'Ukraine by family');
  const rounds = Array.from({ length: 20 }, (_, i) => i);
  const figures: KielFigures = {
    commitments: summary.commitments, rows: answer.rows.length, parseMs, memoryLoadMs, ...(neo4jLoadMs !== undefined && { neo4jLoadMs }),
    reconcile: {
      memory: await latencies(rounds, question, { warmup: 2 }),
      ...(neo && { neo4j: await latencies(rounds, () => ask(neo).reconcile('UA', { by: 'FAMILY' }), { warmup: 2, budgetMs: bench.config.slowBudgetMs / 4 }) }),
    },
  };
  await memory.load(dataset);
  await neo?.load(dataset);
  bench.log(`${size}: Kiel parse ${parseMs.toFixed(0)} ms, load memory ${memoryLoadMs.toFixed(0)} ms${neo4jLoadMs !== undefined ? `, Neo4j ${neo4jLoadMs.toFixed(0)} ms` : ''}`);
  return figures;
}
