// The search question: first and text checked before the store scans any name, candidates ranked.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_RESULTS, search, type SearchPort, type Searchable } from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { counting, invalidArgument } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
const store = new MemoryStore();
beforeAll(async () => {
  await store.load(await loadSeedDir(SEED_DIR));
});

/** A search port over a list, recording the keys it is asked for. */
function listPort(items: Searchable[]): SearchPort & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async searchCandidates(key) {
      keys.push(key);
      return items;
    },
  };
}

describe('search', () => {
  it('rejects first outside 1–100 before scanning any name', async () => {
    const { ports, calls } = counting(store);
    for (const first of [0, 101, -3, 2.5]) await expect(search(ports, 'Patriot', first)).rejects.toThrow(invalidArgument('first'));
    expect(calls).toEqual([]);
  });

  it('rejects text without a letter or digit before scanning any name', async () => {
    const { ports, calls } = counting(store);
    for (const text of ['', '   ', '…', '--']) await expect(search(ports, text)).rejects.toThrow(invalidArgument('text'));
    expect(calls).toEqual([]);
  });

  it('asks the store for the normalised key', async () => {
    const port = listPort([]);
    expect(await search(port, '  U.S. ')).toEqual([]);
    expect(port.keys).toEqual(['us']);
  });

  it('returns 20 hits unless asked for another number', async () => {
    const many = Array.from({ length: 30 }, (_, i): Searchable => ({ id: `a${String(i).padStart(2, '0')}`, type: 'Actor', name: `Actor ${i}`, names: [`Actor ${i}`] }));
    expect(await search(listPort(many), 'actor')).toHaveLength(DEFAULT_SEARCH_RESULTS);
    expect(DEFAULT_SEARCH_RESULTS).toBe(20);
    expect(await search(listPort(many), 'actor', null)).toHaveLength(20);
    expect(await search(listPort(many), 'actor', 25)).toHaveLength(25);
    expect((await search(listPort(many), 'actor', 1)).map((h) => h.id)).toEqual(['a00']);
  });

  it('ranks the seed’s names: exact, then prefix, then contains', async () => {
    const hits = await search(store, 'patriot');
    expect(hits[0]).toMatchObject({ id: 'system:patriot', type: 'WeaponSystem', match: 'EXACT' });
    expect(hits[1]).toMatchObject({ id: 'system:patriot-missile', match: 'PREFIX' });
    expect(hits.slice(2).every((h) => h.match === 'CONTAINS')).toBe(true);
    expect(hits.slice(2).map((h) => h.type)).toContain('Event');
    expect(await search(store, 'Україна', 5)).toEqual([expect.objectContaining({ id: 'UA', matched: 'Україна', match: 'EXACT' })]);
  });
});
