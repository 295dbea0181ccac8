// What every question file of the GraphStore contract shares: the store under test, the datasets and small helpers.
import path from 'node:path';
import { beforeAll } from 'vitest';
import type { Dataset } from '../../../src/domain/model.js';
import { importSipri, mergeDatasets } from '../../../src/import/index.js';
import { ask } from '../../../src/query/index.js';
import type { Path, PathOptionsInput as PathOptions, PathResult } from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import type { GraphStore } from '../../../src/store/index.js';

/** The curated seed directory. */
export const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
/** A small SIPRI trade-register export (transfers into Ukraine and a few others). */
export const SIPRI_EXCERPT = path.resolve(import.meta.dirname, '../../fixtures/sipri/excerpt.csv');

/** A path as its actors, `JP>US>UA`. */
export const route = (p: Path) => [p.hops[0]!.from, ...p.hops.map((h) => h.to)].join('>');
/** A path as its transfer ids without the `transfer:` prefix, `ab,bc`. */
export const ids = (p: Path) => p.hops.map((h) => h.transfer.id.replace('transfer:', '')).join(',');

/**
 * The shared state of one store's contract run. `store` and `seed` exist once the factory's `beforeAll` has run:
 * read them inside hooks and tests, never while registering. Every question file loads what it needs itself.
 */
export interface ContractContext {
  /** The store under test (fresh, empty and connected when the run starts). */
  readonly store: GraphStore;
  /** The curated seed, read once. */
  readonly seed: Dataset;
  /** Loads a dataset into the store. */
  readonly load: (d: Dataset) => Promise<void>;
  /** Loads the seed. */
  readonly loadSeed: () => Promise<void>;
  /** The SIPRI excerpt joined with the seed, imported once per run. */
  readonly sipri: () => Promise<Dataset>;
  /** Loads the SIPRI excerpt joined with the seed. */
  readonly loadSipri: () => Promise<void>;
  /** Loads a dataset, then asks for the paths between two actors. */
  readonly paths: (d: Dataset, from: string, to: string, options?: PathOptions) => Promise<PathResult>;
}

/** Creates the context and registers the `beforeAll` that connects the store and reads the seed (call inside a `describe`). */
export function contractContext(makeStore: () => Promise<GraphStore>): ContractContext {
  let store: GraphStore | undefined;
  let seed: Dataset | undefined;
  let sipri: Promise<Dataset> | undefined;

  beforeAll(async () => {
    store = await makeStore();
    seed = await loadSeedDir(SEED_DIR);
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`contract: ${what} is read before the suite's beforeAll ran`);
    return value;
  };
  const ctx: ContractContext = {
    get store() {
      return ready(store, 'the store');
    },
    get seed() {
      return ready(seed, 'the seed');
    },
    load: async (d) => {
      await ctx.store.load(d);
    },
    loadSeed: () => ctx.load(ctx.seed),
    sipri: () => {
      const s = ctx.seed;
      sipri ??= importSipri(SIPRI_EXCERPT, { reservedSystemIds: s.systems.map((x) => x.id) }).then(({ dataset }) => mergeDatasets(s, dataset));
      return sipri;
    },
    loadSipri: async () => ctx.load(await ctx.sipri()),
    paths: async (d, from, to, options = {}) => {
      await ctx.load(d);
      return ask(ctx.store).transferPaths(from, to, options);
    },
  };
  return ctx;
}
