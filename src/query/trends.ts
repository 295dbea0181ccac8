// SIPRI-style trend figures (DESIGN §6): periods of whole years, shares of a period's total, changes against the
// previous period, ranks, concentration (HHI) and delivery-lag percentiles. Pure functions over aggregated rows;
// the questions in `questions/transfer-trends.ts` ask the stores for the rows.
import { InvalidArgumentError } from '../domain/errors.js';
import { parseTimeSpan } from '../domain/time.js';
import type { DateWindowInput } from './types.js';

/** A period of whole calendar years, as asked (`2015/2019`). */
export interface Period {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

export const MAX_PERIODS = 12;
export const MAX_TREND_TOP = 100;
export const DEFAULT_TREND_TOP = 10;

/** The periods SIPRI's fact sheets compare: the five years up to `lastYear` and the five before. */
export function fiveYearPeriods(lastYear: number, count = 2): Period[] {
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const to = lastYear - 5 * i;
    out.push({ label: `${to - 4}/${to}`, from: to - 4, to });
  }
  return out;
}

/**
 * Checks periods: 1–12 closed windows of whole years, in time order, none overlapping the one before. TIV is
 * recorded per delivery year, so a period that starts or ends within a year cannot be summed and is refused.
 */
export function checkPeriods(input: readonly DateWindowInput[] | null | undefined, argument = 'periods'): Period[] {
  if (!input || input.length === 0) throw new InvalidArgumentError(`${argument}: give at least one period, e.g. {from: "2020", to: "2024"}`, { argument });
  if (input.length > MAX_PERIODS) throw new InvalidArgumentError(`${argument}: at most ${MAX_PERIODS} periods (got ${input.length})`, { argument });
  const periods = input.map((w, i) => {
    const name = `${argument}[${i}]`;
    if (w.from == null || w.to == null) {
      throw new InvalidArgumentError(`${name}: a period needs both from and to (open-ended periods have no total to share)`, { argument: name });
    }
    const bound = (value: string, end: 'from' | 'to') => {
      try {
        return parseTimeSpan(value);
      } catch (error) {
        throw new InvalidArgumentError(`${name}.${end}: ${(error as Error).message.replace(/^\w+: /, '')}`, { argument: `${name}.${end}` });
      }
    };
    const from = bound(w.from, 'from').earliest;
    const to = bound(w.to, 'to').latest;
    if (!from.endsWith('-01-01') || !to.endsWith('-12-31')) {
      throw new InvalidArgumentError(`${name}: TIV is recorded per delivery year, so a period must be whole years (from "${w.from}" to "${w.to}" is not)`, { argument: name });
    }
    if (from > to) throw new InvalidArgumentError(`${name}: from (${w.from}) is after to (${w.to})`, { argument: name });
    const f = Number(from.slice(0, 4));
    const t = Number(to.slice(0, 4));
    return { label: f === t ? String(f) : `${f}/${t}`, from: f, to: t };
  });
  periods.forEach((p, i) => {
    const before = periods[i - 1];
    if (before && p.from <= before.to) {
      const name = `${argument}[${i}]`;
      const why = p.to < before.from ? 'periods must be in time order' : `it overlaps ${argument}[${i - 1}] (${before.label})`;
      throw new InvalidArgumentError(`${name}: ${p.label}: ${why}`, { argument: name });
    }
  });
  return periods;
}

/** Parses the CLI's `2015/2019,2020/2024` into windows (checked later by `checkPeriods`). */
export function periodsFromText(text: string): DateWindowInput[] {
  return text.split(',').map((part) => {
    const [from, to, extra] = part.trim().split('/');
    if (extra !== undefined || !from) throw new InvalidArgumentError(`periods: "${part.trim()}" is not a period like 2020/2024`, { argument: 'periods' });
    return { from, to: to === undefined ? from : to === '' || to === '..' ? null : to };
  });
}

/** The index of the period a year falls in, or -1. */
export function periodOf(periods: readonly Period[], year: number): number {
  for (let i = 0; i < periods.length; i++) if (year >= periods[i]!.from && year <= periods[i]!.to) return i;
  return -1;
}

/** Share of a total in per cent; undefined (null) when the total is zero. */
export const share = (part: number, total: number): number | null => (total > 0 ? (part / total) * 100 : null);

/** Change against the previous value in per cent; null when there is no previous value or it is zero. */
export const change = (value: number, previous: number | undefined): number | null =>
  previous === undefined || previous === 0 ? null : ((value - previous) / previous) * 100;

/** Competition ranks ("1224") of values, largest first; a value of zero is not ranked (null). */
export function ranks(values: readonly number[]): (number | null)[] {
  const order = values.map((v, i) => ({ v, i })).filter((x) => x.v > 0).sort((a, b) => b.v - a.v);
  const out: (number | null)[] = values.map(() => null);
  order.forEach((x, n) => {
    const prev = order[n - 1];
    out[x.i] = prev !== undefined && prev.v === x.v ? out[prev.i]! : n + 1;
  });
  return out;
}

/** Herfindahl–Hirschman index of shares given in per cent: 0 (no concentration) to 10,000 (one partner); null for no total. */
export function hhi(values: readonly number[]): number | null {
  const total = values.reduce((s, v) => s + v, 0);
  if (total <= 0) return null;
  return values.reduce((s, v) => s + ((v / total) * 100) ** 2, 0);
}

/**
 * The q-quantile (0–1) of sorted values by linear interpolation between closest ranks (the method of NumPy's
 * default, R's type 7 and Cypher's percentileCont); the median is q = 0.5. Null for no values.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The quantile of values given as (value, count) pairs, without expanding them. */
export function weightedQuantile(counts: ReadonlyMap<number, number>, q: number): number | null {
  const values = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const n = values.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of values) if ((seen += c) > rank) return v;
    return values[values.length - 1]![0];
  };
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  return at(lo) + (h - lo) * (at(Math.ceil(h)) - at(lo));
}
