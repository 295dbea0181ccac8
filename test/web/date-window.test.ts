// Date windows of the dashboard controls: EDTF bounds, their days, and what is wrong with a window.
import { describe, expect, it } from 'vitest';
import { boundDay, formatWindow, isWindowBound, parseWindow, windowInput, windowProblem } from '../../src/web/state/date-window.js';

describe('isWindowBound', () => {
  it('rejects what is not a year, month or day', () => {
    for (const bad of ['22', '2022-13', '2022-1', '2022-02-32', '2022/2024', 'last year', '2022-04-01T00:00']) expect(isWindowBound(bad)).toBe(false);
  });
  it('accepts years, months and days', () => {
    for (const good of ['2022', '2022-04', '2022-04-01', '0999']) expect(isWindowBound(good)).toBe(true);
  });
});

describe('boundDay', () => {
  it('is undefined for a bad bound', () => {
    expect(boundDay('soon', 'start')).toBeUndefined();
  });
  it('gives the first and last day a bound covers, leap years included', () => {
    expect(boundDay('2024', 'start')).toBe('2024-01-01');
    expect(boundDay('2024', 'end')).toBe('2024-12-31');
    expect(boundDay('2024-02', 'end')).toBe('2024-02-29');
    expect(boundDay('2023-02', 'end')).toBe('2023-02-28');
    expect(boundDay('2023-12-22', 'end')).toBe('2023-12-22');
  });
});

describe('parseWindow / formatWindow', () => {
  it('reads open ends and a single year', () => {
    expect(parseWindow(null)).toEqual({ from: '', to: '' });
    expect(parseWindow('2022')).toEqual({ from: '2022', to: '2022' });
    expect(parseWindow(' 2022 / 2024 ')).toEqual({ from: '2022', to: '2024' });
    expect(formatWindow({ from: '', to: '' })).toBe('');
    expect(formatWindow({ from: '2022', to: '' })).toBe('2022/');
  });
});

describe('windowProblem', () => {
  it('names the bad bound, and a window that ends before it starts', () => {
    expect(windowProblem({ from: '22', to: '' })).toMatch(/from "22"/);
    expect(windowProblem({ from: '', to: '2024-13' })).toMatch(/to "2024-13"/);
    expect(windowProblem({ from: '2024', to: '2023' })).toMatch(/after its end/);
  });
  it('accepts open, half-open and ordered windows (a year with a day inside it too)', () => {
    expect(windowProblem({ from: '', to: '' })).toBeUndefined();
    expect(windowProblem({ from: '2023-12-22', to: '2023' })).toBeUndefined();
    expect(windowInput({ from: '2022', to: '' })).toEqual({ from: '2022' });
    expect(windowInput({ from: '', to: '' })).toBeUndefined();
  });
});
