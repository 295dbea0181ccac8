// The route list's words and numbers (panels/route-text.ts): the count line, the evidence bars' scale, the weakest hop, year spans.
import { describe, expect, it } from 'vitest';
import type { Route, RouteHop } from '../../src/web/api/types.js';
import { barFraction, daySpanYears, hopEvidenceText, maxHopTiv, routeCountText, weakestHop, windowYears } from '../../src/web/panels/route-text.js';

const hop = (from: string, to: string, tiv: number | null, deals = 1): RouteHop => ({
  from: { id: from, name: from }, to: { id: to, name: to }, deals, units: tiv === null ? null : 10, tiv,
  span: { earliest: '2022-01-01', latest: '2024-12-31' }, categories: [],
});
const route = (...hops: RouteHop[]): Route =>
  ({ id: [hops[0]!.from.id, ...hops.map((h) => h.to.id)].join('>'), length: hops.length, score: 0, actors: [], hops, witness: { hops: [] }, checks: [] });

describe('routeCountText', () => {
  it('says how complete the search was', () => {
    expect(routeCountText({ totalCount: 24, complete: true, hopsCovered: 2 })).toBe('24 routes (complete)');
    expect(routeCountText({ totalCount: 1, complete: true, hopsCovered: 3 })).toBe('1 route (complete)');
    expect(routeCountText({ totalCount: 31250, complete: false, hopsCovered: 3 })).toBe('at least 31,250 routes; search stopped after every route of up to 3 hops');
  });
});

describe('maxHopTiv / barFraction / weakestHop', () => {
  const routes = [route(hop('DE', 'UA', 1539.17, 33)), route(hop('DE', 'CZ', 24.65, 2), hop('CZ', 'UA', 326.14, 23)), route(hop('DE', 'US', null), hop('US', 'UA', 5627.06))];
  it('scales bars to the largest hop listed', () => {
    expect(maxHopTiv(routes)).toBe(5627.06);
    expect(barFraction(5627.06, 5627.06)).toBe(1);
    expect(barFraction(24.65, 5627.06)).toBeCloseTo(0.00438, 4);
    expect(barFraction(null, 5627.06)).toBe(0);
    expect(barFraction(3, 0)).toBe(0);
    expect(maxHopTiv([route(hop('JP', 'US', null))])).toBe(0);
  });
  it('finds the hop that sets the score, an unknown TIV counting as none', () => {
    expect(weakestHop(routes[1]!)).toBe(0);
    expect(weakestHop(routes[2]!)).toBe(0);
    expect(weakestHop(route(hop('A', 'B', 9), hop('B', 'C', 3)))).toBe(1);
  });
});

describe('daySpanYears / hopEvidenceText', () => {
  it('writes spans as years, open ends as open', () => {
    expect(daySpanYears({ earliest: '2022-01-01', latest: '2024-12-31' })).toBe('2022–2024');
    expect(daySpanYears({ earliest: '2023-12-22', latest: '9999-12-31' })).toBe('2023–open');
    expect(daySpanYears({ earliest: '2023-01-01', latest: '2023-12-31' })).toBe('2023');
    expect(hopEvidenceText(hop('Germany', 'Czechia', 24.65, 2))).toBe('Germany → Czechia: 2 deals, 10 units, 24.65 million TIV, 2022–2024');
  });
});

describe('windowYears', () => {
  it('names the years a window covers', () => {
    expect([windowYears({ from: '2022', to: '2024' }), windowYears({ from: '2023', to: '2023' }), windowYears({ from: '2022', to: '' }), windowYears({ from: '', to: '2024-06' }), windowYears({ from: '', to: '' })])
      .toEqual(['2022–2024', '2023', '2022 onwards', 'up to 2024-06', '']);
  });
});
