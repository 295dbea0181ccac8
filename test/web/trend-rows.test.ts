// The Trends view's answers as chart rows and sentences: shares, a recipient's supplier mix, delivery lags.
import { describe, expect, it } from 'vitest';
import type { Dependence, Lags, Trends } from '../../src/web/api/types.js';
import {
  changeText, hasTiv, hhiText, lagBars, lagBarText, lagsSummary, mixPeriodText, mixSegments, mixSegmentText, percent, shareBars,
  shareBarText, sharesSummary, yearsText,
} from '../../src/web/trends/trend-rows.js';

const period = (p: string, tiv: number, change: number | null, groups: number) => ({ period: p, from: Number(p.slice(0, 4)), to: Number(p.slice(5)), tiv, change, groups });

/** transferTrends(by: SUPPLIER) over 2015–2019 and 2020–2024, cut to three groups. */
const TRENDS: Trends = {
  by: 'SUPPLIER', universe: 'WORLD', groupCount: 81,
  periods: [period('2015/2019', 143798.94, null, 70), period('2020/2024', 142948.11, -0.59, 72)],
  groups: [
    { key: 'US', label: 'United States', cells: [
      { period: '2015/2019', tiv: 50367.59, share: 35.026, change: null, rank: 1 },
      { period: '2020/2024', tiv: 60949.25, share: 42.637, change: 21.009, rank: 1 },
    ] },
    { key: 'FR', label: 'France', cells: [
      { period: '2015/2019', tiv: 12390.11, share: 8.616, change: null, rank: 3 },
      { period: '2020/2024', tiv: 13764.66, share: 9.629, change: 11.09, rank: 2 },
    ] },
    { key: 'XX', label: 'Newcomer', cells: [
      { period: '2015/2019', tiv: 0, share: 0, change: null, rank: null },
      { period: '2020/2024', tiv: 100, share: 0.07, change: null, rank: 40 },
    ] },
  ],
};

/** dependence(actor: "Ukraine") over three periods, two suppliers named. */
const UKRAINE: Dependence = {
  actor: { id: 'UA', name: 'Ukraine' }, partnerCount: 36,
  periods: [
    { ...period('2010/2014', 1.28, null, 1), hhi: 10000, mainChanged: false, main: { key: 'CA', label: 'Canada', share: 100 } },
    { ...period('2015/2019', 128.64, 9950, 8), hhi: 2460.27, mainChanged: true, main: { key: 'CZ', label: 'Czechia', share: 40.5 } },
    { ...period('2020/2024', 12513.23, 9627, 36), hhi: 2374.51, mainChanged: true, main: { key: 'US', label: 'United States', share: 45.16 } },
  ],
  partners: [
    { key: 'US', label: 'United States', cells: [{ period: '2010/2014', tiv: 0, share: 0 }, { period: '2015/2019', tiv: 30.82, share: 23.96 }, { period: '2020/2024', tiv: 5651.44, share: 45.16 }] },
    { key: 'CA', label: 'Canada', cells: [{ period: '2010/2014', tiv: 1.28, share: 100 }, { period: '2015/2019', tiv: 4.96, share: 3.86 }, { period: '2020/2024', tiv: 256.59, share: 2.05 }] },
  ],
};

const LAGS: Lags = {
  by: 'SUPPLIER', orderedFrom: 1995, orderedTo: null, groupCount: 108,
  all: { deals: 11540, toFirst: { median: 1, p90: 4 }, toLast: { median: 2, p90: 6 } },
  groups: [
    { key: 'US', label: 'United States', deals: 3252, toFirst: { median: 1, p90: 4 }, toLast: { median: 2, p90: 6 } },
    { key: 'IL', label: 'Israel', deals: 1, toFirst: { median: 0, p90: 0 }, toLast: { median: null, p90: null } },
  ],
};

describe('percent / changeText / yearsText', () => {
  it('writes nothing for a missing figure', () => {
    expect(percent(null)).toBe('–');
    expect(changeText(null)).toBe('');
    expect(yearsText(undefined)).toBe('–');
  });

  it('writes shares to one decimal, changes signed and rounded, years singular or plural', () => {
    expect(percent(42.637)).toBe('42.6 %');
    expect(percent(100)).toBe('100.0 %');
    expect(changeText(21.009)).toBe('+21 %');
    expect(changeText(-63.9)).toBe('−64 %');
    expect(changeText(0.2)).toBe('±0 %');
    expect(yearsText(1)).toBe('1 year');
    expect(yearsText(6.400000000000034)).toBe('6.4 years');
  });
});

describe('shareBars / shareBarText', () => {
  it('gives a bar per group and period, a group absent from a period at 0 %', () => {
    const bars = shareBars(TRENDS);
    expect(bars).toHaveLength(6);
    expect(bars[4]).toEqual({ key: 'XX', label: 'Newcomer', period: '2015/2019', share: 0, tiv: 0, change: null, rank: null });
    expect(shareBarText(bars[4]!)).toBe('Newcomer, 2015–2019: 0.0 % (no deliveries)');
  });

  it('says the share, rank, TIV and change of a bar', () => {
    expect(shareBarText(shareBars(TRENDS)[1]!)).toBe('United States, 2020–2024: 42.6 % (rank 1, 60,949 m TIV, +21 %)');
  });
});

describe('sharesSummary / hasTiv', () => {
  it('says so when the last period has no TIV', () => {
    const none = { ...TRENDS, periods: TRENDS.periods.map((p) => ({ ...p, tiv: 0 })) };
    expect(hasTiv(none.periods)).toBe(false);
    expect(sharesSummary(none)).toBe('No TIV delivered in these periods.');
  });

  it('names the leaders of the last period, the first with its share before', () => {
    expect(hasTiv(TRENDS.periods)).toBe(true);
    expect(sharesSummary(TRENDS)).toBe(
      'In 2020–2024 the largest suppliers were United States 42.6 % (35.0 % in 2015–2019), France 9.6 % and Newcomer 0.1 % of 142,948 m TIV delivered worldwide.',
    );
    expect(sharesSummary({ ...TRENDS, by: 'CATEGORY' }, 1)).toMatch(/^In 2020–2024 the largest categories were United States 42\.6 %/);
  });
});

describe('mixSegments / mixSegmentText', () => {
  it('leaves out periods without deliveries and suppliers with nothing in a period', () => {
    const segments = mixSegments({ ...UKRAINE, periods: UKRAINE.periods.map((p, i) => (i === 0 ? { ...p, tiv: 0, groups: 0, main: null, hhi: null } : p)) });
    expect(segments.filter((s) => s.period === '2010/2014')).toEqual([]);
  });

  it('adds the suppliers not named together, with how many they are', () => {
    const segments = mixSegments(UKRAINE);
    expect(segments.filter((s) => s.period === '2010/2014').map((s) => s.label)).toEqual(['Canada']);
    const last = segments.filter((s) => s.period === '2020/2024');
    expect(last.map((s) => s.label)).toEqual(['United States', 'Canada', 'Others (34 suppliers)']);
    expect(last[2]!.share).toBeCloseTo(100 - 45.16 - 2.05, 6);
    expect(last[2]!.tiv).toBeCloseTo(12513.23 - 5651.44 - 256.59, 6);
    expect(last[2]!.key).toBe('');
    expect(mixSegmentText(last[0]!, 'Ukraine')).toBe("United States, 2020–2024: 45.2 % of Ukraine's TIV received (5,651 m TIV)");
  });
});

describe('hhiText / mixPeriodText', () => {
  it('says nothing of concentration without deliveries', () => {
    expect(hhiText(null)).toBe('');
    expect(mixPeriodText({ ...UKRAINE.periods[0]!, tiv: 0, main: null, hhi: null }, undefined)).toBe('2010–2014: no deliveries on record.');
  });

  it('states the HHI as a number of equal suppliers, and a change of main supplier', () => {
    expect(hhiText(10000)).toBe('HHI 10,000 (a single supplier)');
    expect(hhiText(2460.27)).toBe('HHI 2,460 (like 4.1 equal suppliers)');
    expect(mixPeriodText(UKRAINE.periods[0]!, undefined)).toBe('2010–2014: 1.28 m TIV from 1 supplier; main supplier Canada (100.0 %); HHI 10,000 (a single supplier).');
    expect(mixPeriodText(UKRAINE.periods[2]!, UKRAINE.periods[1])).toBe(
      '2020–2024: 12,513 m TIV from 36 suppliers; main supplier United States (45.2 %), changed from Czechia; HHI 2,375 (like 4.2 equal suppliers).',
    );
    const same = { ...UKRAINE.periods[2]!, mainChanged: false };
    expect(mixPeriodText(same, { ...UKRAINE.periods[1]!, main: same.main })).toMatch(/main supplier United States \(45\.2 %\) \(as before\);/);
  });
});

describe('lagBars / lagBarText / lagsSummary', () => {
  it('leaves out a lag without figures', () => {
    const bars = lagBars(LAGS);
    expect(bars.map((b) => `${b.key} ${b.measure}`)).toEqual(['US to first delivery', 'US to last delivery', 'IL to first delivery']);
  });

  it('says the median and the 90th percentile of a bar, and of every deal', () => {
    expect(lagBarText(lagBars(LAGS)[0]!)).toBe('United States, to first delivery: median 1 year, 90th percentile 4 years (3,252 deals)');
    expect(lagsSummary(LAGS)).toBe('All 11,540 deals ordered 1995 or later: median 1 year to the first delivery (90th percentile 4 years), 2 years to the last (6 years).');
    expect(lagsSummary({ ...LAGS, orderedFrom: 2015, orderedTo: 2019 })).toMatch(/^All 11,540 deals ordered 2015–2019: /);
    expect(lagsSummary({ ...LAGS, all: { deals: 0, toFirst: { median: null, p90: null }, toLast: { median: null, p90: null } } })).toBe(
      'No SIPRI deal with an order year and a delivery on record.',
    );
  });
});
