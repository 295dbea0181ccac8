// Merging an import into the seed keeps curated records and adds aliases; newer facts replace older ones.
import { describe, expect, it } from 'vitest';
import type { Actor, Dataset, Transfer, WeaponSystem } from '../../src/domain/model.js';
import { EMPTY_DATASET } from '../../src/domain/model.js';
import { diffTransfers, mergeDatasets } from '../../src/import/index.js';
import { TEST_SOURCE, transfer } from '../helpers/dataset.js';

const actor = (id: string, name: string, aliases: string[] = []): Actor => ({ id, name, kind: 'STATE', aliases });
const system = (id: string, name: string, aliases: string[] = []): WeaponSystem => ({ id, name, category: 'x', aliases, citations: [] });
const data = (d: Partial<Dataset>): Dataset => ({ ...EMPTY_DATASET, ...d });

describe('mergeDatasets', () => {
  it('returns base unchanged when extra is empty', () => {
    const base = data({ actors: [actor('US', 'United States')], sources: [TEST_SOURCE] });
    expect(mergeDatasets(base, EMPTY_DATASET)).toEqual(base);
  });

  it("keeps base's actor and adds extra's new aliases, skipping ones that normalise equal", () => {
    const base = data({ actors: [actor('US', 'United States', ['U.S.', 'USA'])] });
    const extra = data({ actors: [actor('US', 'United States', ['US', 'United States of America', 'usa']), actor('DE', 'Germany')] });
    const merged = mergeDatasets(base, extra);
    expect(merged.actors).toEqual([actor('US', 'United States', ['U.S.', 'USA', 'United States of America']), actor('DE', 'Germany')]);
  });

  it("adds extra's name as an alias when it differs from base's", () => {
    const merged = mergeDatasets(data({ actors: [actor('TR', 'Turkey')] }), data({ actors: [actor('TR', 'Türkiye', ['Turkiye'])] }));
    expect(merged.actors[0]).toMatchObject({ name: 'Turkey', aliases: ['Türkiye'] });
  });

  it("keeps base's system record (family, citations) and merges aliases", () => {
    const base = data({ systems: [{ ...system('system:patriot', 'Patriot', ['MIM-104']), citations: [{ source: 'source:test', quote: 'q' }] }] });
    const extra = data({ systems: [system('system:patriot', 'Patriot', ['MIM-104', 'Patriot air and missile defence']), system('system:mim-104-pac-3', 'MIM-104 PAC-3')] });
    const merged = mergeDatasets(base, extra);
    expect(merged.systems[0]).toMatchObject({ aliases: ['MIM-104', 'Patriot air and missile defence'], citations: [{ quote: 'q' }] });
    expect(merged.systems.map((s) => s.id)).toEqual(['system:patriot', 'system:mim-104-pac-3']);
  });

  it("replaces base's facts by extra's with the same id (a newer release replaces a deal)", () => {
    const old = transfer({ id: 'transfer:sipri-1', from: 'DE', to: 'CZ', date: '2022' });
    const kept = transfer({ id: 'transfer:sipri-2', from: 'DE', to: 'CZ', date: '2020' });
    const newer = transfer({ id: 'transfer:sipri-1', from: 'DE', to: 'CZ', date: '2022/2023' });
    const added = transfer({ id: 'transfer:sipri-3', from: 'CZ', to: 'UA', date: '2023' });
    const merged = mergeDatasets(data({ transfers: [old, kept] }), data({ transfers: [newer, added] }));
    expect(merged.transfers).toEqual([newer, kept, added]);
  });
});

describe('diffTransfers', () => {
  const t = (id: string, date: string, source = 'source:a'): Transfer => ({
    ...transfer({ id, from: 'DE', to: 'CZ', date }),
    citations: [{ source, note: 'n' }],
  });

  it('is empty for identical lists', () => {
    expect(diffTransfers([t('transfer:a', '2022')], [t('transfer:a', '2022')])).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists added, removed and changed ids, sorted', () => {
    const before = [t('transfer:sipri-10', '2022'), t('transfer:sipri-2', '2022'), t('transfer:sipri-3', '2022')];
    const after = [t('transfer:sipri-3', '2022/2023'), t('transfer:sipri-10', '2022'), t('transfer:sipri-4', '2024'), t('transfer:sipri-1', '2024')];
    expect(diffTransfers(before, after)).toEqual({
      added: ['transfer:sipri-1', 'transfer:sipri-4'],
      removed: ['transfer:sipri-2'],
      changed: ['transfer:sipri-3'],
    });
  });

  it('ignores a change of release (citations, knownSince) unless asked to compare provenance', () => {
    const before = [t('transfer:a', '2022', 'source:sipri-at-db-2025-03-10')];
    const after = [{ ...t('transfer:a', '2022', 'source:sipri-at-db-2026-02-12'), knownSince: '2026-02-12' }];
    expect(diffTransfers(before, after).changed).toEqual([]);
    expect(diffTransfers(before, after, { compareProvenance: true }).changed).toEqual(['transfer:a']);
  });

  it('compares content regardless of key order', () => {
    const a = t('transfer:a', '2022');
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as Transfer;
    expect(diffTransfers([a], [reordered]).changed).toEqual([]);
  });
});
