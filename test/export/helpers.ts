// Shared builders for the export tests: the seed's JP subgraph and the hostile dataset, as export graphs.
import { ask } from '../../src/query/index.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Source } from '../../src/domain/model.js';
import { exportGraph, stripInvalidXmlChars, type ExportMultiGraph } from '../../src/export/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import type { Subgraph } from '../../src/query/index.js';
import { hostileDataset } from '../fixtures/export/hostile-dataset.js';

/** A subgraph, its export graph and the sources it cites. */
export interface Fixture {
  readonly subgraph: Subgraph;
  readonly sources: ReadonlyMap<string, Source>;
  readonly graph: ExportMultiGraph;
}

async function fixture(store: MemoryStore, around: string[], depth: number): Promise<Fixture> {
  const subgraph = await ask(store).subgraph({ around, depth });
  const ids = [...new Set(subgraph.edges.flatMap((e) => e.transfer.citations.map((c) => c.source)))];
  const sources = new Map<string, Source>();
  for (const [id, entity] of await store.nodes(ids)) if (entity.type === 'Source') sources.set(id, entity.value);
  return { subgraph, sources, graph: exportGraph(subgraph, sources) };
}

/** The real seed, around JP, depth 3. */
export async function seedFixture(): Promise<Fixture> {
  const store = new MemoryStore();
  await store.load(await loadSeedDir('seeds'));
  return fixture(store, ['JP'], 3);
}

/** The hostile dataset, all of it (around XA, depth 3). */
export async function hostileFixture(): Promise<Fixture> {
  const store = new MemoryStore();
  await store.load(hostileDataset());
  return fixture(store, ['XA'], 3);
}

/** Concatenates a writer's chunks. */
export function text(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}

/** Writes `files` (name → content) into a fresh temp dir, calls `use` with the dir, then removes it. */
export async function withTempFiles<T>(files: Record<string, string>, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'armsgraph-export-'));
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content, 'utf8');
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What an XML format carries of an attribute map: strings without the characters XML 1.0 cannot hold. */
export function xmlSafe(attributes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([k, v]) => [k, typeof v === 'string' ? stripInvalidXmlChars(v) : v]),
  );
}
