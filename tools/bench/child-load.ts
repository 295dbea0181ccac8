// Child process: builds one size's dataset and loads it into one store, so peak RSS belongs to this load alone.
// Prints one JSON line (LoadResult). Usage: child-load.ts --size sipri --store memory|neo4j
// On Neo4j it is the store's load: one transaction at SIPRI, a staged atomic load at ×10 (NEO4J_STAGED_LOAD_FROM).
import { ask } from '../../src/query/index.js';
import { parseArgs } from 'node:util';
import { MemoryStore } from '../../src/store/index.js';
import { buildDataset, type BuildTimes } from './datasets.js';
import { peakRssMiB, rssMiB } from './measure.js';
import { benchDriver, clearDatabase, connectStore, neo4jMemory } from './neo4j.js';

/** What one load measured. */
export interface LoadResult {
  readonly size: string;
  readonly store: 'memory' | 'neo4j';
  readonly transfers: number;
  readonly actors: number;
  readonly systems: number;
  readonly timelineEntries?: number;
  readonly build: BuildTimes;
  /** store.load of the whole dataset (into an empty Neo4j database). */
  readonly loadMs: number;
  /** Neo4j only: loading the same dataset again (the content-hash diff writes nothing). */
  readonly reloadMs?: number;
  /** RSS after the dataset was built, before the load (MiB). */
  readonly rssBeforeLoadMiB: number;
  /** Peak RSS of this process over the whole run (MiB): dataset building plus load. */
  readonly peakRssMiB: number;
  /** Neo4j only: the JVM's resident set after the load, and its peak since it started (MiB). */
  readonly neo4jRssMiB?: number;
  readonly neo4jPeakMiB?: number;
}

const { values } = parseArgs({ options: { size: { type: 'string' }, store: { type: 'string', default: 'memory' } } });
const size = values.size!;
const storeKind = values.store === 'neo4j' ? values.store : 'memory';

const { dataset, times } = await buildDataset(size);
(globalThis as { gc?: () => void }).gc?.();
const rssBeforeLoadMiB = rssMiB();
let loadMs: number;
let reloadMs: number | undefined;
let timelineEntries: number | undefined;
if (storeKind === 'memory') {
  const store = new MemoryStore();
  const started = performance.now();
  await store.load(dataset);
  loadMs = performance.now() - started;
  timelineEntries = (await ask(store).timeline({}, { first: 0 })).totalCount;
} else {
  const driver = benchDriver();
  await clearDatabase(driver);
  await driver.close();
  const store = await connectStore();
  try {
    let started = performance.now();
    await store.load(dataset);
    loadMs = performance.now() - started;
    started = performance.now();
    await store.load(dataset);
    reloadMs = performance.now() - started;
  } finally {
    await store.close();
  }
}
const jvm = storeKind === 'memory' ? undefined : neo4jMemory();
const result: LoadResult = {
  size,
  store: storeKind,
  transfers: dataset.transfers.length,
  actors: dataset.actors.length,
  systems: dataset.systems.length,
  ...(timelineEntries !== undefined && { timelineEntries }),
  build: times,
  loadMs,
  ...(reloadMs !== undefined && { reloadMs }),
  rssBeforeLoadMiB,
  peakRssMiB: peakRssMiB(),
  ...(jvm && { neo4jRssMiB: jvm.rssMiB, neo4jPeakMiB: jvm.peakMiB }),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
