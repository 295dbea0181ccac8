// The synthetic dataset generator: deterministic per seed, valid, skewed, with imprecise dates and backfills.
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/domain/graph-model.js';
import { generateDataset } from '../../tools/generate/generate.js';

describe('generateDataset', () => {
  it('gives the same dataset for the same seed, and another for another seed', () => {
    const a = generateDataset({ transfers: 2_000, seed: 7 });
    expect(JSON.stringify(generateDataset({ transfers: 2_000, seed: 7 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateDataset({ transfers: 2_000, seed: 8 }))).not.toBe(JSON.stringify(a));
  });

  it('is a valid dataset with a skewed supplier distribution, imprecise dates, families and backfills', () => {
    const d = generateDataset({ transfers: 12_000, seed: 3 });
    expect(() => validateDataset(d)).not.toThrow();
    expect(d.transfers).toHaveLength(12_000);
    const bySupplier = new Map<string, number>();
    for (const t of d.transfers) bySupplier.set(t.supplier, (bySupplier.get(t.supplier) ?? 0) + 1);
    const counts = [...bySupplier.values()].sort((x, y) => y - x);
    expect(counts[0]! / d.transfers.length).toBeGreaterThan(0.1);
    expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    const precision = (p: string) => d.transfers.filter((t) => t.date.precision === p).length / d.transfers.length;
    expect(precision('YEAR')).toBeGreaterThan(0.4);
    expect(precision('DAY')).toBeLessThan(0.2);
    expect(precision('RANGE')).toBeGreaterThan(0.05);
    expect(d.systems.filter((s) => s.family !== undefined).length).toBeGreaterThan(d.systems.length / 2);
    expect(d.transfers.filter((t) => t.backfills.length > 0).length).toBeGreaterThan(50);
    expect(d.transfers.every((t) => t.date.earliest >= '1950-01-01' && t.date.latest <= '2025-12-31')).toBe(true);
    // SIPRI-like deals (for the trend questions): delivered transfers with closed years to 2024, a delivery a year.
    const deals = d.transfers.filter((t) => t.sipri);
    expect(deals.length / d.transfers.length).toBeGreaterThan(0.5);
    expect(deals.every((t) => t.status === 'DELIVERED' && t.sipri!.deliveries.every((x) => x.year <= 2024 && x.tiv! > 0))).toBe(true);
    expect(deals.every((t) => t.sipri!.deliveries.length === Number(t.date.latest.slice(0, 4)) - Number(t.date.earliest.slice(0, 4)) + 1)).toBe(true);
  });
});
