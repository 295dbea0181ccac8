// Text the dashboard panels show: dates with precision, quantities, amounts, TIV, safe links.
import { describe, expect, it } from 'vitest';
import type { SipriDeal } from '../../src/web/api/types.js';
import { amountText, dealsText, hopEvidence, isSafeUrl, quantityText, routeHopLabel, spanText, tivDelivered, tivFigure, tivText } from '../../src/web/format.js';

describe('spanText', () => {
  const EXACT = { approximate: false, uncertain: false };
  it('gives the EDTF, the precision and the bounds, open ends named', () => {
    expect(spanText({ edtf: '2024-01/..', earliest: '2024-01-01', latest: '9999-12-31', precision: 'RANGE', ...EXACT })).toBe('2024-01/.. (range: 2024-01-01 → open)');
    expect(spanText({ edtf: '2023-12-22', earliest: '2023-12-22', latest: '2023-12-22', precision: 'DAY', ...EXACT })).toBe('2023-12-22 (day)');
    expect(spanText({ edtf: '2023-05~', earliest: '2023-05-01', latest: '2023-05-31', precision: 'MONTH', approximate: true, uncertain: false })).toBe(
      '2023-05~ (month: 2023-05-01 → 2023-05-31, approximate)',
    );
  });
});

describe('quantityText / amountText', () => {
  it('says when nothing is stated', () => {
    expect(quantityText(null)).toBe('not stated');
    expect(amountText(undefined)).toBe('not stated');
  });
  it('keeps the words of the source next to the numbers', () => {
    expect(quantityText({ exact: null, min: 24, max: null, text: 'dozens' })).toBe('at least 24 ("dozens")');
    expect(quantityText({ exact: 500, min: null, max: null, text: null })).toBe('500');
    expect(quantityText({ exact: null, min: 2, max: 4, text: null })).toBe('2–4');
    expect(amountText({ min: 7e9, max: null, text: 'more than $7 billion' })).toBe('at least $7,000,000,000 ("more than $7 billion")');
  });
});

describe('tivDelivered / tivText', () => {
  const deal = (tivs: (number | null)[]) => ({ deliveries: tivs.map((tiv, i) => ({ year: 2020 + i, yearEstimated: false, units: 1, unitsEstimated: false, tiv })) }) as unknown as SipriDeal;
  it('is unknown without a known delivery TIV', () => {
    expect(tivDelivered(deal([null]))).toBeUndefined();
    expect(tivText(undefined)).toBe('unknown');
  });
  it('sums the known deliveries', () => {
    expect(tivDelivered(deal([16, null, 0.5]))).toBe(16.5);
    expect(tivText(16.5)).toBe('16.5 million TIV');
  });
});

describe('isSafeUrl', () => {
  it('links only http and https', () => {
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('not a url')).toBe(false);
    expect(isSafeUrl(null)).toBe(false);
    expect(isSafeUrl('https://www.sipri.org/databases/armstransfers')).toBe(true);
  });
});

describe('tivFigure / dealsText / hopEvidence / routeHopLabel', () => {
  it('writes TIV as short as its size allows', () => {
    expect([tivFigure(1539.17), tivFigure(24.65), tivFigure(0.454), tivFigure(0)]).toEqual(['1,539', '24.7', '0.45', '0']);
    expect([dealsText(1), dealsText(1234)]).toEqual(['1 deal', '1,234 deals']);
  });
  it('labels a route hop by its one transfer, else by its evidence', () => {
    expect(hopEvidence({ deals: 33, tiv: 1539.17 })).toBe('33 deals · 1,539 m TIV');
    expect(hopEvidence({ deals: 1, tiv: null })).toBe('1 deal · no TIV');
    const witness = { status: 'PLANNED', system: { name: 'Patriot missile' }, date: { edtf: '2024-01/..' } };
    expect(routeHopLabel({ deals: 1, tiv: null }, witness)).toBe('Patriot missile · PLANNED · 2024-01/..');
    expect(routeHopLabel({ deals: 2, tiv: 24.65 }, witness)).toBe('2 deals · 24.7 m TIV');
    expect(routeHopLabel({ deals: 1, tiv: 3 })).toBe('1 deal · 3 m TIV');
  });
});
