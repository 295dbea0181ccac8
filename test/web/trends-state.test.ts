// The Trends view's URL state and its SIPRI five-year periods.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRENDS, pageViewOf, parseTrendsState, periodChoices, periodKey, periodsFor, periodText, trendsStateToSearch, yearSpan,
} from '../../src/web/trends/trends-state.js';

describe('pageViewOf', () => {
  it('is the graph view unless the URL says view=trends', () => {
    expect(pageViewOf('')).toBe('graph');
    expect(pageViewOf('?view=nonsense&from=JP')).toBe('graph');
    expect(pageViewOf('?view=trends&by=RECIPIENT')).toBe('trends');
  });
});

describe('parseTrendsState', () => {
  it('falls back to the defaults for unknown or out-of-range values', () => {
    expect(parseTrendsState('?view=trends&by=COUNTRY&periods=13&lags=&ordered=2024/2020')).toEqual(DEFAULT_TRENDS);
    expect(parseTrendsState('?periods=0')).toEqual(DEFAULT_TRENDS);
    expect(parseTrendsState('?periods=two&ordered=2020')).toEqual(DEFAULT_TRENDS);
    expect(parseTrendsState('')).toEqual(DEFAULT_TRENDS);
  });

  it('reads every field, groupings in any case', () => {
    expect(parseTrendsState('?view=trends&by=recipient&periods=6&recipient=Ukraine&lags=category&ordered=2015/2019')).toEqual({
      by: 'RECIPIENT', periods: 6, recipient: 'Ukraine', lagsBy: 'CATEGORY', ordered: '2015/2019',
    });
  });
});

describe('trendsStateToSearch', () => {
  it('writes only view=trends for the defaults', () => {
    expect(trendsStateToSearch(DEFAULT_TRENDS)).toBe('?view=trends');
  });

  it('round-trips every field, periods readable', () => {
    const state = { by: 'SYSTEM_FAMILY' as const, periods: 6, recipient: 'IN', lagsBy: 'RECIPIENT' as const, ordered: '2020/2024' };
    const search = trendsStateToSearch(state);
    expect(search).toBe('?view=trends&by=SYSTEM_FAMILY&periods=6&recipient=IN&lags=RECIPIENT&ordered=2020/2024');
    expect(parseTrendsState(search)).toEqual(state);
  });
});

describe('yearSpan', () => {
  it('is undefined when no year has TIV (the seed alone)', () => {
    expect(yearSpan([])).toBeUndefined();
    expect(yearSpan([{ key: ['2024'], tivDelivered: null }, { key: ['unknown'], tivDelivered: 5 }, { key: ['2023'], tivDelivered: 0 }])).toBeUndefined();
  });

  it('gives the first and the last year with TIV', () => {
    expect(yearSpan([{ key: ['2022'], tivDelivered: 3 }, { key: ['1995'], tivDelivered: 1 }, { key: ['2025'], tivDelivered: null }, { key: ['2024'], tivDelivered: 2 }])).toEqual({
      first: 1995, last: 2024,
    });
  });
});

describe('periodsFor / periodChoices', () => {
  it('gives one period over the whole span when it is shorter than five years', () => {
    expect(periodsFor({ first: 2021, last: 2024 }, 2)).toEqual([{ from: 2021, to: 2024 }]);
    expect(periodChoices({ first: 2021, last: 2024 })).toBe(1);
  });

  it("ends with the data's last year, as SIPRI's fact sheets and the CLI do: 2015–2019 and 2020–2024 for data up to 2024", () => {
    expect(periodsFor({ first: 1995, last: 2024 }, 2)).toEqual([{ from: 2015, to: 2019 }, { from: 2020, to: 2024 }]);
    expect(periodsFor({ first: 1995, last: 2025 }, 2)).toEqual([{ from: 2016, to: 2020 }, { from: 2021, to: 2025 }]);
    expect(periodsFor({ first: 1995, last: 2024 }, 1)).toEqual([{ from: 2020, to: 2024 }]);
  });

  it('goes back as far as whole periods fit: six from 1995 to 2024, at most twelve', () => {
    expect(periodChoices({ first: 1995, last: 2024 })).toBe(6);
    expect(periodChoices({ first: 1996, last: 2024 })).toBe(5);
    expect(periodsFor({ first: 1995, last: 2024 }, 9).map(periodKey)).toEqual(['1995/1999', '2000/2004', '2005/2009', '2010/2014', '2015/2019', '2020/2024']);
    expect(periodChoices({ first: 1900, last: 2024 })).toBe(12);
  });
});

describe('periodKey / periodText', () => {
  it("writes a period as the API does and as people read it", () => {
    expect(periodKey({ from: 2020, to: 2024 })).toBe('2020/2024');
    expect(periodText({ from: 2020, to: 2024 })).toBe('2020–2024');
    expect(periodText('2015/2019')).toBe('2015–2019');
  });
});
