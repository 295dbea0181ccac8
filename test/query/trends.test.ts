// The trend definitions on hand-made values: periods, share, change, ranks, HHI and quantiles, including empty
// periods (change undefined, not infinite), ties and groups present in one period only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  change, checkPeriods, fiveYearPeriods, hhi, periodOf, periodsFromText, quantile, ranks, share, weightedQuantile, MAX_PERIODS,
} from '../../src/query/index.js';
import { invalidArgument } from '../helpers/ports.js';

describe('checkPeriods', () => {
  it('reads closed windows of whole years, in time order', () => {
    expect(checkPeriods([{ from: '2015', to: '2019' }, { from: '2020', to: '2024' }])).toEqual([
      { label: '2015/2019', from: 2015, to: 2019 }, { label: '2020/2024', from: 2020, to: 2024 },
    ]);
    expect(checkPeriods([{ from: '2022-01-01', to: '2022-12' }])).toEqual([{ label: '2022', from: 2022, to: 2022 }]);
    // Gaps between periods are allowed: each period's change is against the one before it in the list.
    expect(checkPeriods([{ from: '2000', to: '2004' }, { from: '2020', to: '2024' }]).map((p) => p.label)).toEqual(['2000/2004', '2020/2024']);
  });

  it('refuses none, more than 12, open-ended, reversed, overlapping, out-of-order and part-year periods, naming the period', () => {
    expect(() => checkPeriods([])).toThrow(invalidArgument('periods'));
    const many = Array.from({ length: MAX_PERIODS + 1 }, (_, i) => ({ from: String(1990 + i), to: String(1990 + i) }));
    expect(() => checkPeriods(many)).toThrow(invalidArgument('periods'));
    expect(() => checkPeriods([{ from: '2015' }])).toThrow(invalidArgument('periods[0]'));
    expect(() => checkPeriods([{ from: '2015', to: '2019' }, { to: '2024' }])).toThrow(invalidArgument('periods[1]'));
    expect(() => checkPeriods([{ from: '2019', to: '2015' }])).toThrow(invalidArgument('periods[0]'));
    expect(() => checkPeriods([{ from: '2015', to: '2019' }, { from: '2019', to: '2023' }])).toThrow(/periods\[1\]: 2019\/2023: it overlaps periods\[0\]/);
    expect(() => checkPeriods([{ from: '2020', to: '2024' }, { from: '2015', to: '2019' }])).toThrow(/periods\[1\]: 2015\/2019: periods must be in time order/);
    expect(() => checkPeriods([{ from: '2015-06', to: '2019' }])).toThrow(/must be whole years/);
    expect(() => checkPeriods([{ from: '2015', to: '2019-06' }])).toThrow(invalidArgument('periods[0]'));
    expect(() => checkPeriods([{ from: '2015', to: 'soon' }])).toThrow(invalidArgument('periods[0].to'));
  });

  it('CLI text and SIPRI five-year periods', () => {
    expect(periodsFromText('2015/2019, 2020/2024')).toEqual([{ from: '2015', to: '2019' }, { from: '2020', to: '2024' }]);
    expect(periodsFromText('2022')).toEqual([{ from: '2022', to: '2022' }]);
    expect(periodsFromText('2022/..')).toEqual([{ from: '2022', to: null }]);
    expect(fiveYearPeriods(2024)).toEqual([{ label: '2015/2019', from: 2015, to: 2019 }, { label: '2020/2024', from: 2020, to: 2024 }]);
    expect(fiveYearPeriods(2024, 3)[0]).toEqual({ label: '2010/2014', from: 2010, to: 2014 });
  });

  it('periodOf finds the period of a year, or -1 between and outside them', () => {
    const p = checkPeriods([{ from: '2000', to: '2004' }, { from: '2010', to: '2014' }]);
    expect([1999, 2000, 2004, 2007, 2010, 2014, 2015].map((y) => periodOf(p, y))).toEqual([-1, 0, 0, -1, 1, 1, -1]);
  });
});

describe('share, change, ranks, hhi', () => {
  it('share is per cent of the total, undefined for an empty total', () => {
    expect(share(25, 200)).toBe(12.5);
    expect(share(0, 200)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });

  it('change is per cent against the previous value; undefined (not infinite) after zero or with no previous', () => {
    expect(change(150, 100)).toBe(50);
    expect(change(0, 100)).toBe(-100);
    expect(change(10, 0)).toBeNull();
    expect(change(10, undefined)).toBeNull();
  });

  it('ranks: largest first, ties share a rank and the next rank skips, zero is unranked', () => {
    expect(ranks([5, 10, 10, 0, 1])).toEqual([3, 1, 1, null, 4]);
    expect(ranks([])).toEqual([]);
    expect(ranks([0, 0])).toEqual([null, null]);
  });

  it('hhi sums squared per cent shares: 10,000 for one partner, 10,000/n for n equal ones, undefined with no total', () => {
    expect(hhi([42])).toBe(10_000);
    expect(hhi([1, 1, 1, 1])).toBe(2_500);
    expect(hhi([75, 25])).toBe(6_250);
    expect(hhi([0, 5, 0])).toBe(10_000);
    expect(hhi([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
  });
});

describe('quantile', () => {
  it('interpolates linearly between closest ranks (NumPy default, R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 0, 0, 1, 3, 3], 0.9)).toBe(3);
    expect(quantile([0, 1, 3], 0.9)).toBeCloseTo(2.6, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('weightedQuantile over (value, count) equals quantile over the expanded values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (pairs, q) => {
        const counts = new Map<number, number>();
        for (const [v, c] of pairs) counts.set(v, (counts.get(v) ?? 0) + c);
        const expanded = [...counts].flatMap(([v, c]) => Array<number>(c).fill(v)).sort((a, b) => a - b);
        expect(weightedQuantile(counts, q)).toBeCloseTo(quantile(expanded, q)!, 9);
      }),
      { numRuns: 500 },
    );
    expect(weightedQuantile(new Map(), 0.5)).toBeNull();
  });
});
