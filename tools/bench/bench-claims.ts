// Benchmark of writes (issue [15]): single claims one after another (latency) and many at once (throughput) on
// each store holding seed + SIPRI, and reopening the embedded store with 10,000 stored claims (the LMDB log
// replayed onto the base, then one load). The stores get seed + SIPRI back afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ClaimService, LmdbClaimLog, StoreClaimLog, type ClaimRequest, type StoredClaim } from '../../src/claims/index.js';
import type { Dataset } from '../../src/domain/model.js';
import { readSourceTexts } from '../../src/seeds/index.js';
import { MemoryStore, type GraphStore, type Neo4jStore } from '../../src/store/index.js';
import type { BenchContext } from './bench-routes.js';
import { latencies, ROOT } from './measure.js';
import type { ClaimFigures, ClaimWrites } from './results.js';

const SEEDS = path.join(ROOT, 'seeds');

/** A valid transfer claim (Japan → United States, Patriot missiles, quoting the seed's article), numbered `i`. */
function claim(prefix: string, i: number): ClaimRequest {
  return {
    op: 'ADD',
    records: {
      transfers: [{
        id: `transfer:${prefix}-${i}`, supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL', date: '2024',
        citations: [{ source: 'source:kyiv-independent-2023-12-japan-patriots', quote: 'The missiles cost millions of dollars each' }],
      }],
    },
  };
}

/** Single claims one after another, then `atOnce` claims in flight together, on one store. */
async function writes(bench: BenchContext, store: GraphStore, base: Dataset, texts: ReadonlyMap<string, string>, single: number, concurrent: number, dir: string): Promise<ClaimWrites> {
  // As `serve` keeps them: Neo4j in its database (each batch one transaction with its log entries), the memory
  // store in an LMDB log (each claim on disk before it is applied).
  const log = store.kind === 'neo4j' ? new StoreClaimLog(store as Neo4jStore) : LmdbClaimLog.open(path.join(dir, 'writes'));
  const claims = await ClaimService.open({ base, texts, log, store });
  const sequence = Array.from({ length: single }, (_, i) => i);
  // Warm-ups write claims too: each call takes the next number.
  let next = 0;
  const latency = await latencies(sequence, () => claims.submit(claim(`${store.kind}-one`, next++), 'bench'), { warmup: 2 });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrent }, (_, i) => claims.submit(claim(`${store.kind}-many`, i), 'bench')));
  const ms = performance.now() - started;
  await claims.close();
  bench.log(`claims on ${store.kind}: one at a time p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms; ${concurrent} at once in ${ms.toFixed(0)} ms`);
  return { single: latency, concurrent: { claims: concurrent, ms, perSecond: (concurrent / ms) * 1000 } };
}

/** Times writes on the SIPRI size only (undefined elsewhere). */
export async function measureClaims(
  bench: BenchContext, size: string, dataset: Dataset, memory: MemoryStore, neo: Neo4jStore | undefined, options: { single: number; concurrent: number; reopen: number },
): Promise<ClaimFigures | undefined> {
  if (size !== 'sipri') return undefined;
  const { texts } = await readSourceTexts(dataset.sources, SEEDS);
  bench.log(`${size}: claims (writes)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'armsgraph-bench-claims-'));
  try {
    const memoryWrites = await writes(bench, memory, dataset, texts, options.single, options.concurrent, dir);
    const neo4jWrites = neo ? await writes(bench, neo, dataset, texts, Math.max(5, Math.floor(options.single / 4)), Math.max(10, Math.floor(options.concurrent / 4)), dir) : undefined;
    // Reopening: `reopen` claims in an LMDB log, replayed onto seed + SIPRI and loaded into a fresh memory store.
    const log = LmdbClaimLog.open(path.join(dir, 'reopen'));
    const at = new Date().toISOString();
    for (let i = 0; i < options.reopen; i += 1) {
      const stored: StoredClaim = { ...claim('reopen', i), id: `claim:${i + 1}`, seq: i + 1, by: 'bench', role: 'editor', recordedAt: at };
      await log.append(stored);
    }
    await log.close();
    const started = performance.now();
    const reopened = await ClaimService.open({ base: dataset, texts, log: LmdbClaimLog.open(path.join(dir, 'reopen')), store: new MemoryStore() });
    const reopenMs = performance.now() - started;
    const count = reopened.list().length;
    await reopened.close();
    bench.log(`claims: reopened the embedded store with ${count} claims in ${reopenMs.toFixed(0)} ms`);
    await memory.load(dataset);
    await neo?.load(dataset);
    return { memory: memoryWrites, ...(neo4jWrites && { neo4j: neo4jWrites }), reopen: { claims: count, ms: reopenMs } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
