// The Kiel import: item lists, donors, the release-29 excerpt and (when present) the whole release, and release diffs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/domain/graph-model.js';
import { diffAidCommitments, familyOfItem, importKiel, parseWeaponsList, resolveKielDonor } from '../../src/import/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXCERPT = path.join(ROOT, 'test/fixtures/kiel/release-29-excerpt');
const FULL = path.resolve(ROOT, '../shared/data/kiel-ust-release-29');

describe('parseWeaponsList', () => {
  it('refuses items without a positive whole count, and empty items', () => {
    expect(parseWeaponsList('')).toEqual({ error: 'empty list: expected items such as "Patriot air defense battery (5)" separated by "; "' });
    expect(parseWeaponsList('Leopard-2A4')).toMatchObject({ error: expect.stringContaining('has no count') });
    expect(parseWeaponsList('Leopard-2A4 (-3)')).toMatchObject({ error: 'item 1 "Leopard-2A4 (-3)": count "-3" is not a positive whole number' });
    expect(parseWeaponsList('Leopard-2A4 (2.5)')).toMatchObject({ error: expect.stringContaining('count "2.5"') });
    expect(parseWeaponsList('A (1);; B (2)')).toMatchObject({ error: 'item 2 is empty (two ";" in a row, or a trailing ";")' });
  });

  it('takes the last parenthesised number as the count, keeping other parentheses in the name', () => {
    expect(parseWeaponsList('Iris-T SLM air defence system (14); Patriot air defense battery (5)')).toEqual({
      items: [{ name: 'Iris-T SLM air defence system', count: 14 }, { name: 'Patriot air defense battery', count: 5 }],
    });
    expect(parseWeaponsList('Modified T-72 tank (T-72A/T-72M1/M1R) (62)')).toEqual({ items: [{ name: 'Modified T-72 tank (T-72A/T-72M1/M1R)', count: 62 }] });
  });
});

describe('familyOfItem and resolveKielDonor', () => {
  it('puts Kiel items in the families SIPRI and the seed use', () => {
    expect(familyOfItem('Patriot air defense battery')?.id).toBe('system:patriot');
    expect(familyOfItem('Iris-T SLM air defence system')?.id).toBe('system:iris-t');
    expect(familyOfItem('National Advanced Surface-to-Air Missile System (NASAMS)')?.id).toBe('system:nasams');
    expect(familyOfItem('overhauled T-72')?.id).toBe('system:t-72');
    expect(familyOfItem('M777 howitzer')?.id).toBe('system:m777');
    expect(familyOfItem('Panzerhaubitze 2000')?.id).toBe('system:pzh-2000');
    expect(familyOfItem('Zusana-2 howitzer')?.id).toBe('system:zuzana');
    expect(familyOfItem('infantry fighting vehicle MARDER')?.id).toBe('system:marder');
    expect(familyOfItem('RCH-155 self propelled howitzer')).toBeUndefined();
  });

  it('resolves donors to the SIPRI and seed actors, the EU to SIPRI\'s organisation', () => {
    expect(['Germany', 'United States', 'Turkiye', 'EU (Commission and Council)', 'Narnia'].map((n) => resolveKielDonor(n)?.id))
      .toEqual(['DE', 'US', 'TR', 'multi:european-union', undefined]);
  });
});

describe('importKiel', () => {
  it('refuses a path that is no directory', async () => {
    await expect(importKiel(path.join(EXCERPT, 'weapons.csv'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(importKiel(path.join(EXCERPT, 'nowhere'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reads the excerpt: a commitment per item and per donor-month, each citing file and line', async () => {
    const { dataset, summary } = await importKiel(EXCERPT);
    expect(() => validateDataset(dataset)).not.toThrow();
    expect(summary).toMatchObject({ release: '29', published: '2026-08-04', weaponRows: 7, items: 17, months: 8, zeroMonths: 0, commitments: 25, donors: 6 });
    expect(summary.unmappedItems).toEqual([
      { name: 'Avenger air defense system', lines: [7] }, { name: 'HAWK air defense system', lines: [7] },
    ]);
    const lines = readFileSync(path.join(EXCERPT, 'data_explorer.csv'), 'utf8').split('\n');
    const march = dataset.aidCommitments.find((a) => a.id === 'aid:kiel-de-2022-03')!;
    const line = lines.findIndex((l) => l.startsWith('"Germany","DEU",2022,3,')) + 1;
    const total = Number(lines[line - 1]!.split(',')[4]);
    expect(march).toMatchObject({
      donor: 'DE', recipient: 'UA', amountEur: { min: Math.round(total * 1e9), max: Math.round(total * 1e9) }, date: { edtf: '2022-03', precision: 'MONTH' },
      knownSince: '2026-08-04', kiel: { file: 'data_explorer.csv', line, kind: 'MONTHLY', month: '2022-03' },
    });
    expect(march.citations).toEqual([expect.objectContaining({ source: 'source:kiel-ust-release-29', locator: `data_explorer.csv:${line}` })]);
    // One item alone on its row takes the row's value; items sharing a row do not.
    expect(dataset.aidCommitments.find((a) => a.id === 'aid:kiel-ro-air-defense-patriot-air-defense-battery')!.amountEur).toEqual({ min: 360165676, max: 360165676 });
    expect(dataset.aidCommitments.find((a) => a.id === 'aid:kiel-de-air-defense-patriot-air-defense-battery')!.amountEur).toBeUndefined();
    expect(dataset.sources[0]!.note).toContain('Source: Kiel Institute for the World Economy, Ukraine Support Tracker');
  });

  it('diffs releases by content: the same release changes nothing, a revised count is a change', async () => {
    const { dataset } = await importKiel(EXCERPT);
    expect(diffAidCommitments(dataset.aidCommitments, dataset.aidCommitments)).toEqual({ added: [], removed: [], changed: [] });
    const revised = dataset.aidCommitments.map((a) => (a.id === 'aid:kiel-de-air-defense-patriot-air-defense-battery' ? { ...a, quantity: { exact: 6 } } : a));
    const moved = revised.map((a) => (a.kiel ? { ...a, kiel: { ...a.kiel, line: a.kiel.line + 1, release: '30' } } : a));
    expect(diffAidCommitments(dataset.aidCommitments, moved.slice(1))).toEqual({
      added: [], removed: [dataset.aidCommitments[0]!.id], changed: ['aid:kiel-de-air-defense-patriot-air-defense-battery'],
    });
  });
});

describe.skipIf(!existsSync(FULL))('importKiel on the whole release 29', () => {
  it('reads every row: 101 items in 61 weapons rows, 1,079 donor-months from 42 donors, Germany\'s air defence as listed', async () => {
    const { dataset, summary } = await importKiel(FULL);
    expect(() => validateDataset(dataset)).not.toThrow();
    const weapons = readFileSync(path.join(FULL, 'weapons.csv'), 'utf8').trim().split('\n').slice(1);
    const items = weapons.reduce((n, l) => n + l.split('; ').length, 0);
    expect(summary).toMatchObject({ weaponRows: weapons.length, items, months: 1079, zeroMonths: 7, donors: 42 });
    expect(summary.weaponRows).toBe(61);
    const germany = dataset.aidCommitments.filter((a) => a.donor === 'DE' && a.kiel?.category === 'Air Defense').map((a) => [a.system, a.quantity?.exact, a.kiel?.line]);
    expect(germany).toEqual([['system:iris-t', 14, 20], ['system:patriot', 5, 20]]);
    expect(summary.millis).toBeLessThan(10_000);
  });
});
