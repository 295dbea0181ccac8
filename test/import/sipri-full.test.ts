// The full SIPRI export (when present): imports in time, resolves every name, and its totals match the raw CSV.
import { ask } from '../../src/query/index.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/domain/graph-model.js';
import type { Dataset } from '../../src/domain/model.js';
import { importSipri, mergeDatasets, type ImportSipriSummary } from '../../src/import/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = path.resolve(ROOT, '../shared/data/sipri-trade-register-1995-2025.csv');

/** The raw export split by hand (it has no quoted cells): an independent reading to check the importer against. */
function rawRows(): string[][] {
  const text = readFileSync(FILE, 'utf8');
  expect(text.includes('"')).toBe(false);
  return text.split('\r\n').slice(12).filter((l) => l !== '').map((l) => l.replace(/;$/, '').split(','));
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

describe.skipIf(!existsSync(FILE))('importSipri on the full 1995–2025 export', () => {
  let dataset: Dataset;
  let summary: ImportSipriSummary;
  let rows: string[][];
  let rssPeakMb = 0;
  const idOfName = new Map<string, string>();

  beforeAll(async () => {
    const sample = () => { rssPeakMb = Math.max(rssPeakMb, process.memoryUsage().rss / 1e6); };
    sample();
    const rssBefore = rssPeakMb;
    ({ dataset, summary } = await importSipri(FILE, { onProgress: sample }));
    sample();
    rows = rawRows();
    for (const a of dataset.actors) for (const n of [a.name, ...a.aliases]) idOfName.set(n, a.id);
    // Printed for reference only: speed is measured by `npm run bench` (BENCHMARKS.md), never asserted in tests.
    console.info(`SIPRI full import: ${summary.rowsRead} rows, ${summary.deals} deals in ${summary.millis} ms; ` +
      `rss ${rssBefore.toFixed(0)} MB before, peak sampled ${rssPeakMb.toFixed(0)} MB, process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }, 60_000);

  it('resolves every supplier and recipient name', () => {
    expect(summary.unresolved).toEqual([]);
    const names = new Set(rows.flatMap((r) => [r[1]!, r[2]!]));
    for (const name of names) expect(idOfName.get(name), name).toBeDefined();
  });

  it('has one transfer per distinct deal id and one delivery per row', () => {
    const deals = new Set(rows.map((r) => r[0]));
    expect(summary.rowsRead).toBe(rows.length);
    expect(summary.deals).toBe(deals.size);
    expect(dataset.transfers).toHaveLength(deals.size);
    const deliveryRows = rows.filter((r) => r[10] !== '').length;
    expect(summary.deliveryRows).toBe(deliveryRows);
    expect(dataset.transfers.reduce((n, t) => n + (t.sipri?.deliveries.length ?? 0), 0)).toBe(deliveryRows);
  });

  it('holds the TIV delivered to Ukraine in 2022–2024 per supplier, as the raw CSV sums it', () => {
    const raw = new Map<string, number>();
    for (const r of rows) {
      const year = Number(r[10]);
      if (r[2] === 'Ukraine' && year >= 2022 && year <= 2024) add(raw, idOfName.get(r[1]!)!, Number(r[15]));
    }
    const held = new Map<string, number>();
    for (const t of dataset.transfers.filter((x) => x.recipient === 'UA')) {
      for (const d of t.sipri?.deliveries ?? []) if (d.year >= 2022 && d.year <= 2024) add(held, t.supplier, d.tiv ?? 0);
    }
    expect([...held.keys()].sort()).toEqual([...raw.keys()].sort());
    for (const [supplier, tiv] of raw) expect(held.get(supplier), supplier).toBeCloseTo(tiv, 6);
    expect(raw.get('US')).toBeGreaterThan(1000);
  });

  it('holds the TIV the United States delivered per year, as the raw CSV sums it', () => {
    const raw = new Map<string, number>();
    for (const r of rows) if (r[1] === 'United States') add(raw, r[10]!, Number(r[15]));
    const held = new Map<string, number>();
    for (const t of dataset.transfers.filter((x) => x.supplier === 'US')) for (const d of t.sipri?.deliveries ?? []) add(held, String(d.year), d.tiv ?? 0);
    expect([...held.keys()].sort()).toEqual([...raw.keys()].sort());
    for (const [year, tiv] of raw) expect(held.get(year), year).toBeCloseTo(tiv, 6);
  });

  it('puts Patriot deliveries to Ukraine from the US, Germany and Romania in the Patriot family', () => {
    const family = new Map(dataset.systems.map((s) => [s.id, s.family]));
    const suppliers = new Set(dataset.transfers.filter((t) => t.recipient === 'UA' && family.get(t.system) === 'system:patriot').map((t) => t.supplier));
    for (const s of ['US', 'DE', 'RO']) expect(suppliers).toContain(s);
  });

  it('passes validateDataset alone and merged with the seed, and loads into a MemoryStore', async () => {
    expect(() => validateDataset(dataset)).not.toThrow();
    const seed = await loadSeedDir(path.join(ROOT, 'seeds'));
    const merged = mergeDatasets(seed, dataset);
    expect(() => validateDataset(merged)).not.toThrow();
    const store = new MemoryStore();
    const loaded = await store.load(merged);
    console.info(`SIPRI full + seed MemoryStore load: ${loaded.transfers} transfers in ${Math.round(loaded.millis)} ms`);
    expect(loaded.transfers).toBe(seed.transfers.length + dataset.transfers.length);
    const t72 = await ask(store).transferPaths('CZ', 'UA', { system: 'system:t-72', maxHops: 1, limit: 100 });
    expect(t72.paths.length).toBeGreaterThan(0);
    // Direct DE → UA deals fill most of the first 100 paths; two-hop paths through Czechia follow.
    const paths = await ask(store).transferPaths('DE', 'UA', { order: 'TIME_RESPECTING', maxHops: 2, limit: 100 });
    expect(paths.paths.some((p) => p.hops.map((h) => h.to).join('>') === 'CZ>UA')).toBe(true);
  }, 60_000);
});
