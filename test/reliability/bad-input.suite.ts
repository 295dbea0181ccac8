// Spec factory for the bad-input corpus: every malformed input fails with file:line: field: message and leaves a store byte-for-byte unchanged.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, ValidationError } from '../../src/domain/errors.js';
import type { Dataset } from '../../src/domain/model.js';
import { EXPORT_FORMATS, exportFiles, exportGraph } from '../../src/export/index.js';
import { ask } from '../../src/query/index.js';
import { importKiel, importSipri, mergeDatasets } from '../../src/import/index.js';
import { readSipri } from '../../src/cli/options.js';
import { loadSeedDir, readSourceTexts, validateSeedDir } from '../../src/seeds/index.js';
import { ClaimService, MemoryClaimLog } from '../../src/claims/index.js';
import { CLAIM_CASES } from '../fixtures/bad/claims.js';
import type { GraphStore } from '../../src/store/index.js';
import { COMMITTED_CASES, KIEL_CASES, generatedCases, removeGenerated, type BadCase } from '../fixtures/bad/cases.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const GOOD_SEEDS = 'seeds';
const GOOD_SIPRI = 'test/fixtures/sipri/excerpt.csv';

/** The good data every case starts from: the bundled seed joined with the SIPRI excerpt, as `import sipri` builds it. */
export async function goodDataset(): Promise<Dataset> {
  const seed = await loadSeedDir(GOOD_SEEDS);
  const { dataset } = await readSipri(GOOD_SIPRI, seed, true);
  return mergeDatasets(seed, dataset);
}

/**
 * Attempts a bad input the way the CLI does: `--seeds DIR load` reads, validates and loads the seed directory;
 * `import sipri FILE` reads the good seed, imports the export with the seed's system ids reserved, merges and loads.
 * Returns the ValidationError it must fail with.
 */
export async function attempt(store: GraphStore, c: BadCase): Promise<ValidationError> {
  const run = async () => {
    if (c.kind === 'claim') {
      // As a mutation does: the claim service over the store holding the good data (an empty claim log).
      const good = await goodDataset();
      const claims = await ClaimService.open({ base: good, texts: (await readSourceTexts(good.sources, GOOD_SEEDS)).texts, log: new MemoryClaimLog(), store });
      await claims.submit(c.claim!, 'bad-input');
    } else if (c.kind === 'seeds') {
      await store.load(await loadSeedDir(c.path));
    } else if (c.kind === 'kiel') {
      // As `import kiel DIR`: the release joins the good data already loaded.
      const { dataset } = await importKiel(c.path);
      await store.load(mergeDatasets(await goodDataset(), dataset));
    } else {
      const seed = await loadSeedDir(GOOD_SEEDS);
      const { dataset } = await readSipri(c.path, seed, true);
      await store.load(mergeDatasets(seed, dataset));
    }
  };
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ValidationError)) {
    throw new Error(`${c.name}: expected a ValidationError, got ${error === undefined ? 'success' : String((error as Error).stack ?? error)}`);
  }
  return error;
}

/** What must not change: stats, every export format of the whole graph, each entity as the store returns it, and `extra` (the Neo4j dump). */
export async function storeState(store: GraphStore, ids: readonly string[], extra?: () => Promise<unknown>): Promise<Record<string, string>> {
  const state: Record<string, string> = { stats: JSON.stringify(await store.stats()) };
  const { subgraph, sources } = await ask(store).exportSelection({});
  const graph = exportGraph(subgraph, sources);
  for (const format of EXPORT_FORMATS) {
    for (const file of exportFiles(format, graph)) state[`export ${file.name}`] = [...file.chunks].join('');
  }
  const nodes = await store.nodes(ids);
  state.nodes = JSON.stringify(ids.map((id) => nodes.get(id)));
  if (extra) state.extra = JSON.stringify(await extra());
  return state;
}

/** Where a test file writes its generated cases (one directory per file: the unit and Neo4j files may run at once). */
export const generatedDir = (name: string) => `test/fixtures/bad/generated/${name}`;

/** Checks the issue list against the case: the first issue formatted exactly (or matching), and how many there are. */
export function expectIssues(c: BadCase, error: ValidationError): void {
  const first = error.issues[0];
  expect(first, c.name).toBeDefined();
  const text = formatIssue(first!);
  if (typeof c.first === 'string') expect(text, c.name).toBe(c.first);
  else expect(text, c.name).toMatch(c.first);
  expect(error.issues.length, `${c.name}: ${error.message}`).toBe(c.issues ?? 1);
  // The error a user sees carries every issue in the same form.
  expect(error.message.split('\n')[1], c.name).toBe(`  ${text}`);
}

/**
 * The whole corpus against one store: for each case, load the good data, record the store's state, attempt the
 * bad input as the CLI would, check the error, and check that the state is byte-for-byte what it was.
 */
export function describeBadInput(name: string, options: {
  readonly open: () => Promise<GraphStore>;
  readonly dump?: () => Promise<unknown>;
  readonly generated: string;
}): void {
  describe(`bad input leaves the ${name} store unchanged`, () => {
    const cases = [...COMMITTED_CASES, ...KIEL_CASES, ...CLAIM_CASES, ...generatedCases(options.generated)];
    let store: GraphStore;
    let good: Dataset;
    let ids: string[];

    beforeAll(async () => {
      store = await options.open();
      good = await goodDataset();
      ids = [good.sources, good.actors, good.systems, good.transfers, good.events, good.restrictions, good.aidCommitments].flat().map((x) => x.id);
      await removeGenerated(options.generated);
      for (const c of cases) await c.generate?.();
    });
    afterAll(async () => {
      await store?.close();
      await removeGenerated(options.generated);
    });

    it('starts from inputs that are valid but for their one defect: the mini seed and the SIPRI rows they edit', async () => {
      expect((await validateSeedDir('test/fixtures/bad/seeds/valid')).issues).toEqual([]);
      const { summary } = await importSipri('test/fixtures/bad/sipri/valid.csv');
      expect(summary).toMatchObject({ rowsRead: 5, deals: 4 });
      expect((await importKiel('test/fixtures/kiel/release-29-excerpt')).summary).toMatchObject({ items: 17, commitments: 25 });
      expect(KIEL_CASES.length).toBeGreaterThanOrEqual(20);
      expect(cases.length).toBeGreaterThanOrEqual(40);
      expect(CLAIM_CASES.length).toBeGreaterThanOrEqual(15);
      expect(new Set(cases.map((c) => c.category)).size).toBe(13);
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      await store.load(good);
      const before = await storeState(store, ids, options.dump);
      expect(JSON.parse(before.stats!)).toMatchObject({ transfers: good.transfers.length, actors: good.actors.length });
      const started = performance.now();
      const error = await attempt(store, c);
      expect(performance.now() - started, `${c.name} took too long to fail`).toBeLessThan(20_000);
      expectIssues(c, error);
      const after = await storeState(store, ids, options.dump);
      for (const key of Object.keys(before)) expect(after[key] === before[key], `${c.name}: ${key} changed`).toBe(true);
      expect(Object.keys(after)).toEqual(Object.keys(before));
    });
  });
}

/** Runs bin/armsgraph.js as a user does; never throws on a non-zero exit. */
export async function armsgraph(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), ...args], {
      cwd: ROOT, maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Finds a case of the corpus by name. */
export function badCase(name: string, generated?: string): BadCase {
  const found = [...COMMITTED_CASES, ...(generated === undefined ? [] : generatedCases(generated))].find((c) => c.name === name);
  if (!found) throw new Error(`no bad-input case "${name}"`);
  return found;
}
