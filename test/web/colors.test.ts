// The Trends charts' colours: a period ramp and legible text on every fill.
import { describe, expect, it } from 'vitest';
import { contrast, INK, LAG_COLORS, OTHERS_COLOR, PARTNER_COLORS, periodColors, textOn } from '../../src/web/trends/colors.js';

describe('periodColors', () => {
  it('gives the darkest blue alone for one period', () => {
    expect(periodColors(1)).toEqual(['#0b4a8b']);
  });

  it('runs from light to dark, the newest period darkest', () => {
    for (const n of [2, 3, 6, 12]) {
      const colors = periodColors(n);
      expect(colors).toHaveLength(n);
      expect(colors.at(-1)).toBe('#0b4a8b');
      const againstWhite = colors.map((c) => contrast(c, '#ffffff'));
      expect([...againstWhite].sort((a, b) => a - b)).toEqual(againstWhite);
    }
  });
});

describe('contrast', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#0072b2', '#0072b2')).toBe(1);
  });
});

describe('textOn', () => {
  it('keeps the labels inside a mix legible (WCAG AA for small text: 4.5:1) on every partner colour and the others', () => {
    for (const fill of [...PARTNER_COLORS, OTHERS_COLOR]) expect(contrast(textOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    expect(textOn('#f0e442')).toBe(INK);
    expect(textOn('#0b4a8b')).toBe('#ffffff');
  });

  it('draws the lag bars, which carry no label, at 3:1 against the white page at least (WCAG non-text contrast)', () => {
    for (const fill of LAG_COLORS) expect(contrast(fill, '#ffffff'), fill).toBeGreaterThanOrEqual(3);
  });
});
