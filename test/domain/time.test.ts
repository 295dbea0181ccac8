// EDTF spans: parsing, precision, open ends and the overlap/order rules of DESIGN §3.
import { describe, expect, it } from 'vitest';
import { compareSpans, mayOverlap, parseDay, parseTimeSpan, parseWindow } from '../../src/domain/time.js';

describe('parseTimeSpan', () => {
  it.each(['', '2023-13-01', '2023-02-30', 'abc', '2024/2023', '12/22/2023'])('rejects %j with INVALID_ARGUMENT', (input) => {
    expect(() => parseTimeSpan(input)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it.each([
    ['2023-12-22', '2023-12-22', '2023-12-22', 'DAY'],
    ['2023-04', '2023-04-01', '2023-04-30', 'MONTH'],
    ['2024-02', '2024-02-01', '2024-02-29', 'MONTH'],
    ['2023', '2023-01-01', '2023-12-31', 'YEAR'],
    ['2023-21', '2023-01-01', '2023-03-31', 'QUARTER'],
    ['2024-01/2024-03', '2024-01-01', '2024-03-31', 'RANGE'],
    ['2022-02-24/..', '2022-02-24', '9999-12-31', 'RANGE'],
    ['../2023-12-21', '0001-01-01', '2023-12-21', 'RANGE'],
  ])('%s covers %s – %s at precision %s', (input, earliest, latest, precision) => {
    expect(parseTimeSpan(input)).toMatchObject({ edtf: input, earliest, latest, precision });
  });

  it('keeps approximate and uncertain flags without widening the span', () => {
    expect(parseTimeSpan('2023-05~')).toMatchObject({ earliest: '2023-05-01', latest: '2023-05-31', approximate: true, uncertain: false });
    expect(parseTimeSpan('1995?')).toMatchObject({ precision: 'YEAR', approximate: false, uncertain: true });
  });
});

describe('parseDay and parseWindow', () => {
  it('name the argument in their errors', () => {
    expect(() => parseDay('2023-12', 'on')).toThrow(/^on must be a calendar day YYYY-MM-DD/);
    expect(() => parseDay('2023-02-30', 'knownAt')).toThrow(/^knownAt: /);
    expect(() => parseWindow('nope', 'between')).toThrow(/^between: /);
  });

  it('turn EDTF windows into inclusive day bounds', () => {
    expect(parseWindow('2022/2024')).toEqual({ from: '2022-01-01', to: '2024-12-31' });
    expect(parseDay('2024-01-15')).toBe('2024-01-15');
  });
});

describe('mayOverlap and compareSpans', () => {
  it('match a span that may overlap the window, including at its edges', () => {
    const span = parseTimeSpan('2023');
    expect(mayOverlap(span, { from: '2023-12-31', to: '2024-06-30' })).toBe(true);
    expect(mayOverlap(span, { from: '2024-01-01', to: '2024-06-30' })).toBe(false);
    expect(mayOverlap(parseTimeSpan('2022-02-24/..'), { from: '2030-01-01', to: '2030-01-01' })).toBe(true);
  });

  it('order by earliest, then latest', () => {
    const spans = ['2023', '2023-01', '../2024', '2023-01-01'].map(parseTimeSpan).sort(compareSpans);
    expect(spans.map((s) => s.edtf)).toEqual(['../2024', '2023-01-01', '2023-01', '2023']);
  });
});
