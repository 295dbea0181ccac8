// The benchmark sizes: the curated seed, the real SIPRI export merged with it, and synthetic data.
import path from 'node:path';
import type { Dataset } from '../../src/domain/model.js';
import { importSipri, mergeDatasets } from '../../src/import/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { generateDataset } from '../generate/generate.js';
import { ROOT } from './measure.js';

/** Where the SIPRI export lives (override with BENCH_SIPRI_CSV). */
export const SIPRI_CSV = process.env.BENCH_SIPRI_CSV ?? path.resolve(ROOT, '..', 'shared', 'data', 'sipri-trade-register-1995-2025.csv');
export const SEED_DIR = path.join(ROOT, 'seeds');
/** PRNG seed of every synthetic dataset. */
export const SYNTHETIC_SEED = 42;

/** A size: `seed`, `sipri`, or `synthetic-<transfers>` (e.g. synthetic-250000 is ×10 of the 25,000 base). */
export type SizeName = string;

export interface SizeInfo {
  readonly name: SizeName;
  readonly label: string;
}

export function sizeLabel(name: SizeName): string {
  if (name === 'seed') return 'seed';
  if (name === 'sipri') return 'SIPRI + seed';
  const n = syntheticTransfers(name);
  return `synthetic ${n.toLocaleString('en-US')} (×${n / 25_000})`;
}

function syntheticTransfers(name: SizeName): number {
  const m = /^synthetic-(\d+)$/.exec(name);
  if (!m) throw new Error(`unknown size "${name}" (seed, sipri, synthetic-<transfers>)`);
  return Number(m[1]);
}

/** Phases of building a size's dataset, in milliseconds. */
export interface BuildTimes {
  /** Reading and validating the seed YAML. */
  readonly seedMs: number;
  /** Reading the SIPRI CSV into a Dataset (importSipri). */
  readonly importMs?: number;
  /** mergeDatasets(seed, sipri). */
  readonly mergeMs?: number;
  /** generateDataset (synthetic sizes). */
  readonly generateMs?: number;
}

/** Builds the dataset of a size, timing each phase. */
export async function buildDataset(name: SizeName): Promise<{ dataset: Dataset; times: BuildTimes }> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  if (name === 'seed') {
    const dataset = await loadSeedDir(SEED_DIR);
    return { dataset, times: { seedMs: lap() } };
  }
  if (name === 'sipri') {
    const seed = await loadSeedDir(SEED_DIR);
    const seedMs = lap();
    const { dataset: sipri } = await importSipri(SIPRI_CSV, { reservedSystemIds: seed.systems.map((x) => x.id) });
    const importMs = lap();
    const dataset = mergeDatasets(seed, sipri);
    return { dataset, times: { seedMs, importMs, mergeMs: lap() } };
  }
  const transfers = syntheticTransfers(name);
  const dataset = generateDataset({ transfers, seed: SYNTHETIC_SEED });
  return { dataset, times: { seedMs: 0, generateMs: lap() } };
}
