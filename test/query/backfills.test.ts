// What a ring exchange compares: item classes read from SIPRI descriptions (or a system's category), the years a
// transfer was active, how far apart two spans of years are, and how well a replenishment fits a delivery.
import { describe, expect, it } from 'vitest';
import type { SipriDeal, Transfer } from '../../src/domain/model.js';
import { activeYears, backfillFit, isSecondHand, itemClassOf, yearsApart } from '../../src/query/index.js';
import { sipriTransfer, transfer } from '../helpers/dataset.js';

/** A SIPRI deal with this item description and condition. */
function described(description: string, condition: SipriDeal['condition'] = 'SECOND_HAND', deliveries: [number, number, number][] = [[2022, 1, 1]]): Transfer {
  const t = sipriTransfer('x', 'AA', 'BB', 'system:s', deliveries, 'Armoured vehicles');
  return { ...t, sipri: { ...t.sipri!, description, condition } };
}
const classOf = (description: string) => itemClassOf(described(description), undefined);

describe('itemClassOf', () => {
  it('falls back to the SIPRI category, else the system’s category, else unknown, when no class matches', () => {
    expect(classOf('patrol boat')).toEqual({ name: 'Armoured vehicles', group: 'Armoured vehicles' });
    expect(itemClassOf(transfer({ id: 'a', from: 'AA', to: 'BB', date: '2022' }), 'air-launched ballistic missile')).toEqual({
      name: 'air-launched ballistic missile', group: 'air-launched ballistic missile',
    });
    expect(itemClassOf(transfer({ id: 'a', from: 'AA', to: 'BB', date: '2022' }), undefined)).toEqual({ name: 'unknown', group: 'unknown' });
  });

  it('tells a tank from an anti-tank missile, a tank destroyer and a tanker', () => {
    expect(classOf('tank')).toEqual({ name: 'tank', group: 'tank' });
    expect(classOf('light tank')).toEqual({ name: 'tank', group: 'tank' });
    expect(classOf('anti-tank missile')).toEqual({ name: 'anti-tank missile', group: 'anti-tank missile' });
    expect(classOf('ATGM')).toEqual({ name: 'anti-tank missile', group: 'anti-tank missile' });
    expect(classOf('tank destroyer')).toEqual({ name: 'tank destroyer', group: 'armoured fighting vehicle' });
    expect(classOf('tanker/transport aircraft').name).not.toBe('tank');
  });

  it('puts IFVs, APCs and armoured cars in one group: they substitute for each other', () => {
    const afv = ['infantry fighting vehicle', 'IFV', 'armoured personnel carrier', 'APC', 'APV', 'armoured car', 'tank destroyer'].map(classOf);
    expect(afv.map((c) => c.name)).toEqual(['IFV', 'IFV', 'APC', 'APC', 'APC', 'APC', 'tank destroyer']);
    expect(new Set(afv.map((c) => c.group))).toEqual(new Set(['armoured fighting vehicle']));
  });

  it('puts rocket launchers, self-propelled and towed guns in the artillery group', () => {
    expect(['multiple rocket launcher', 'self-propelled MRL', 'self-propelled gun', 'self-propelled howitzer', 'towed gun', 'mortar'].map(classOf)).toEqual([
      { name: 'MRL', group: 'artillery' },
      { name: 'MRL', group: 'artillery' },
      { name: 'self-propelled gun', group: 'artillery' },
      { name: 'self-propelled gun', group: 'artillery' },
      { name: 'towed gun', group: 'artillery' },
      { name: 'towed gun', group: 'artillery' },
    ]);
  });

  it('keeps portable SAMs, SAM systems and SAMs apart; an anti-aircraft gun is air defence, not artillery', () => {
    expect(['portable SAM', 'MANPADS', 'SAM system', 'mobile SAM system', 'SAM'].map(classOf)).toEqual([
      { name: 'portable SAM', group: 'portable SAM' },
      { name: 'portable SAM', group: 'portable SAM' },
      { name: 'SAM system', group: 'air defence system' },
      { name: 'SAM system', group: 'air defence system' },
      { name: 'SAM', group: 'SAM' },
    ]);
    // SIPRI's own wording for a Gepard.
    expect(classOf('self-propelled anti-aircraft gun')).toEqual({ name: 'SAM system', group: 'air defence system' });
    expect(classOf('anti-aircraft gun').group).toBe('air defence system');
  });

  it('reads aircraft and helicopters', () => {
    expect(['FGA aircraft', 'fighter aircraft', 'trainer/combat aircraft', 'combat helicopter'].map((d) => classOf(d).name)).toEqual([
      'combat aircraft', 'combat aircraft', 'combat aircraft', 'helicopter',
    ]);
  });

  it('reads a seed transfer’s class from its system’s category', () => {
    const seed = transfer({ id: 'jp-us', from: 'JP', to: 'US', date: '2024-01/..' });
    expect(itemClassOf(seed, 'air-defence system')).toEqual({ name: 'SAM system', group: 'air defence system' });
    expect(itemClassOf(seed, 'interceptor missile')).toEqual({ name: 'SAM', group: 'SAM' });
    expect(itemClassOf(seed, 'main battle tank')).toEqual({ name: 'tank', group: 'tank' });
  });
});

describe('activeYears', () => {
  it('spans a SIPRI deal’s delivery years, whatever its date', () => {
    expect(activeYears(described('tank', 'NEW', [[2023, 1, 1], [2021, 1, 1], [2022, 1, 1]]))).toEqual({ from: 2021, to: 2023 });
  });

  it('spans the date’s years without delivery rows; an open end counts as the start year', () => {
    expect(activeYears(transfer({ id: 'a', from: 'AA', to: 'BB', date: '2022-03/2024-01' }))).toEqual({ from: 2022, to: 2024 });
    expect(activeYears(transfer({ id: 'a', from: 'AA', to: 'BB', date: '2023-12-22/..' }))).toEqual({ from: 2023, to: 2023 });
    expect(activeYears(transfer({ id: 'a', from: 'AA', to: 'BB', date: '../2020' }))).toEqual({ from: -Infinity, to: 2020 });
  });
});

describe('yearsApart', () => {
  it('is 0 when the spans overlap or touch the same year', () => {
    expect(yearsApart({ from: 2020, to: 2022 }, { from: 2022, to: 2025 })).toBe(0);
    expect(yearsApart({ from: 2020, to: 2025 }, { from: 2022, to: 2023 })).toBe(0);
  });

  it('counts the years between the end of one and the start of the other, either way round', () => {
    expect(yearsApart({ from: 2022, to: 2022 }, { from: 2023, to: 2024 })).toBe(1);
    expect(yearsApart({ from: 2025, to: 2026 }, { from: 2020, to: 2022 })).toBe(3);
  });
});

describe('backfillFit', () => {
  it('is 1 for the same class, the same years and second-hand stock', () => {
    expect(backfillFit(true, 0, true)).toBe(1);
  });

  it('halves for a substitute class, divides by 1 + the years apart, and takes 0.6 for new items', () => {
    expect(backfillFit(false, 0, true)).toBe(0.5);
    expect([1, 2, 3].map((gap) => backfillFit(true, gap, true))).toEqual([1 / 2, 1 / 3, 1 / 4]);
    expect(backfillFit(true, 0, false)).toBeCloseTo(0.6);
    expect(backfillFit(false, 1, false)).toBeCloseTo(0.15);
  });
});

describe('isSecondHand', () => {
  it('is true for second-hand SIPRI items, modernised or not, and false for new items or without a SIPRI record', () => {
    expect([described('tank', 'SECOND_HAND'), described('tank', 'SECOND_HAND_MODERNIZED'), described('tank', 'NEW')].map(isSecondHand)).toEqual([true, true, false]);
    expect(isSecondHand(transfer({ id: 'a', from: 'AA', to: 'BB', date: '2022' }))).toBe(false);
  });
});
