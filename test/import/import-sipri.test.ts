// importSipri end to end on the real excerpt: a valid Dataset that joins the seed in a store (DE → CZ → UA).
import { ask } from '../../src/query/index.js';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { validateDataset } from '../../src/domain/graph-model.js';
import type { Dataset } from '../../src/domain/model.js';
import { ACTOR_ID, SYSTEM_ID } from '../../src/domain/model.js';
import { parseTimeSpan } from '../../src/domain/time.js';
import { importSipri, mergeDatasets, type ImportSipriSummary } from '../../src/import/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXCERPT = path.join(ROOT, 'test/fixtures/sipri/excerpt.csv');

describe('importSipri', () => {
  it('fails with every issue of a malformed file and yields no dataset', async () => {
    const error = await importSipri(path.join(ROOT, 'test/fixtures/sipri/non-numeric-tiv.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.line, i.field])).toEqual([[14, 'TIV delivery values'], [15, 'Numbers delivered']]);
  });

  it('fails on a missing "Data generated" line: the release names the source', async () => {
    const error = await importSipri(path.join(ROOT, 'test/fixtures/sipri/missing-generated.csv')).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['Data generated']);
  });

  describe('on the real excerpt', () => {
    let dataset: Dataset;
    let summary: ImportSipriSummary;
    let seed: Dataset;
    const progress: number[] = [];
    beforeAll(async () => {
      seed = await loadSeedDir(path.join(ROOT, 'seeds'));
      ({ dataset, summary } = await importSipri(EXCERPT, {
        onProgress: (n) => progress.push(n), progressEvery: 50, reservedSystemIds: seed.systems.map((s) => s.id),
      }));
    });

    it('summarises what it read', () => {
      expect(summary).toMatchObject({ release: '12 Feb 2026', rowsRead: 141, deals: 79, deliveryRows: 141, unresolved: [] });
      expect(summary.actorsCreated).toBe(dataset.actors.length);
      expect(summary.systemsCreated).toBe(dataset.systems.length);
      expect(summary.millis).toBeGreaterThanOrEqual(0);
      expect(progress).toEqual([50, 100]);
    });

    it('produces a dataset that passes validateDataset, with valid ids', () => {
      expect(() => validateDataset(dataset)).not.toThrow();
      for (const a of dataset.actors) expect(a.id).toMatch(ACTOR_ID);
      for (const s of dataset.systems) expect(s.id).toMatch(SYSTEM_ID);
      expect(dataset.transfers).toHaveLength(79);
    });

    it('gives every transfer dates equal to parseTimeSpan of its EDTF', () => {
      for (const t of dataset.transfers) expect(t.date).toEqual(parseTimeSpan(t.date.edtf));
    });

    it('takes no seed system id except the Patriot family', () => {
      const seedIds = new Set(seed.systems.map((s) => s.id));
      expect(dataset.systems.filter((s) => seedIds.has(s.id)).map((s) => s.id)).toEqual(['system:patriot']);
    });

    it('reads the same from a stream as from the path', async () => {
      const fromStream = await importSipri(createReadStream(EXCERPT));
      expect(fromStream.dataset).toEqual(dataset);
      expect(fromStream.summary.rowsRead).toBe(141);
    });

    it('keeps Patriot deliveries to Ukraine from the US, Germany and Romania in the Patriot family', () => {
      const systems = new Map(dataset.systems.map((s) => [s.id, s]));
      const patriot = dataset.transfers.filter((t) => t.recipient === 'UA' && systems.get(t.system)?.family === 'system:patriot');
      expect(new Set(patriot.map((t) => t.supplier))).toEqual(new Set(['US', 'DE', 'NL', 'RO', 'ES']));
    });

    describe('merged with the seed in a MemoryStore', () => {
      let store: MemoryStore;
      beforeAll(async () => {
        const merged = mergeDatasets(seed, dataset);
        validateDataset(merged);
        store = new MemoryStore();
        await store.load(merged);
      });

      it('joins on the seed actors and the Patriot system', async () => {
        expect(await store.resolveActor('Turkiye')).toBe('TR');
        expect(await store.resolveActor('United States')).toBe('US');
        const page = await ask(store).transfers({ recipient: 'UA', system: 'system:patriot' }, { first: 100 });
        const suppliers = new Set(page.items.map((t) => t.supplier));
        for (const s of ['US', 'DE', 'RO']) expect(suppliers).toContain(s);
      });

      it('finds Germany → Czechia → Ukraine (Leopards to Czechia, T-72s on to Ukraine), time-respecting', async () => {
        const result = await ask(store).transferPaths('DE', 'UA', { order: 'TIME_RESPECTING', maxHops: 2, limit: 100 });
        const viaCzechia = result.paths.filter((p) => p.hops.map((h) => h.to).join('>') === 'CZ>UA');
        expect(viaCzechia.length).toBeGreaterThan(0);
        const systems = new Set(viaCzechia.flatMap((p) => p.hops.map((h) => h.transfer.system)));
        expect(systems).toContain('system:leopard-2a4');
        expect(systems).toContain('system:t-72m1');
        const t72 = await ask(store).transferPaths('CZ', 'UA', { system: 'system:t-72', maxHops: 1 });
        expect(t72.paths.map((p) => p.hops[0]!.transfer.id).sort()).toEqual(
          ['transfer:sipri-39573', 'transfer:sipri-65375', 'transfer:sipri-65916', 'transfer:sipri-67031'],
        );
      });
    });
  });
});
