// EDTF time spans: parsing with the `edtf` package, precision, overlap and ordering rules (DESIGN §3).
import edtf from 'edtf';
import { InvalidArgumentError } from './errors.js';

/** How precise a span is, derived from the calendar extent it covers. */
export type DatePrecision = 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR' | 'RANGE';

/** The precisions, in order from finest to coarsest. */
export const DATE_PRECISIONS: readonly DatePrecision[] = ['DAY', 'MONTH', 'QUARTER', 'YEAR', 'RANGE'];

/** Day used for `earliest` when a span has an open or unknown start (`../2023`). */
export const OPEN_START = '0001-01-01';
/** Day used for `latest` when a span has an open or unknown end (`2022-02-24/..`). */
export const OPEN_END = '9999-12-31';

/**
 * A time span as written (`edtf`) and as the calendar days it may cover.
 * `earliest`/`latest` are ISO days (inclusive); open ends use OPEN_START / OPEN_END.
 */
export interface TimeSpan {
  readonly edtf: string;
  readonly earliest: string;
  readonly latest: string;
  readonly precision: DatePrecision;
  /** The source gives the date as approximate (`~` or `%`). */
  readonly approximate: boolean;
  /** The source gives the date as uncertain (`?` or `%`). */
  readonly uncertain: boolean;
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function flagged(value: { approximate?: { value: number }; uncertain?: { value: number } } | null | undefined, key: 'approximate' | 'uncertain'): boolean {
  return (value?.[key]?.value ?? 0) !== 0;
}

/** Derives the precision of a closed span from the calendar unit it covers exactly. */
export function precisionOf(earliest: string, latest: string): DatePrecision {
  if (earliest === OPEN_START || latest === OPEN_END) return 'RANGE';
  if (earliest === latest) return 'DAY';
  const [ey, em, ed] = earliest.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = latest.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ly, lm, 0)).getUTCDate();
  if (ed !== 1 || ld !== lastDay || ey !== ly) return 'RANGE';
  if (em === lm) return 'MONTH';
  if (em === 1 && lm === 12) return 'YEAR';
  if ((em - 1) % 3 === 0 && lm === em + 2) return 'QUARTER';
  return 'RANGE';
}

function checkYearRange(input: string, day: string): void {
  const year = Number(day.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || year < 1 || year > 9998) {
    throw new InvalidArgumentError(`EDTF date "${input}" is outside the supported years 0001–9998`, { value: input });
  }
}

/** Thrown for a calendar date that does not exist; turned into the usual "not a valid EDTF date" message. */
class CalendarError extends Error {}

/**
 * Names the impossible part of a date written `YYYY-MM[-DD]` (month 13, February 30), which the EDTF grammar
 * only reports as an unexpected character. Months 21–41 are EDTF seasons and quarters, left to the library.
 */
function checkCalendar(text: string): void {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?[~?%]?$/.exec(text);
  if (!m) return;
  const [, year = '', month = '', day] = m;
  const mm = Number(month);
  if (mm === 0 || (mm > 12 && (day !== undefined || mm < 21 || mm > 41))) throw new CalendarError(`there is no month ${month}`);
  if (day === undefined) return;
  const days = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > days) throw new CalendarError(`${year}-${month} has ${days} days, so there is no day ${day}`);
}

function parseBound(input: string, text: string): { earliest: string; latest: string; approximate: boolean; uncertain: boolean } {
  checkCalendar(text);
  const value = edtf(text);
  const earliest = isoDay(value.min);
  const latest = isoDay(value.max);
  checkYearRange(input, earliest);
  checkYearRange(input, latest);
  return { earliest, latest, approximate: flagged(value, 'approximate'), uncertain: flagged(value, 'uncertain') };
}

/**
 * Parses an EDTF string (ISO 8601-2 levels 0–1 and the interval forms of level 1) into a TimeSpan.
 * Throws InvalidArgumentError naming the value when it is not valid EDTF.
 */
export function parseTimeSpan(input: string): TimeSpan {
  const text = input.trim();
  if (text === '') throw new InvalidArgumentError('EDTF date is empty', { value: input });
  try {
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const left = text.slice(0, slash);
      const right = text.slice(slash + 1);
      const openLeft = left === '' || left === '..';
      const openRight = right === '' || right === '..';
      if (openLeft && openRight) {
        return { edtf: text, earliest: OPEN_START, latest: OPEN_END, precision: 'RANGE', approximate: false, uncertain: false };
      }
      const lower = openLeft ? null : parseBound(input, left);
      const upper = openRight ? null : parseBound(input, right);
      const earliest = lower?.earliest ?? OPEN_START;
      const latest = upper?.latest ?? OPEN_END;
      if (earliest > latest) throw new InvalidArgumentError(`EDTF interval "${input}" ends before it starts`, { value: input });
      // Let the library validate the interval as a whole where it can.
      if (lower && upper) edtf(text);
      return {
        edtf: text,
        earliest,
        latest,
        precision: precisionOf(earliest, latest) === 'DAY' ? 'DAY' : 'RANGE',
        approximate: Boolean(lower?.approximate || upper?.approximate),
        uncertain: Boolean(lower?.uncertain || upper?.uncertain),
      };
    }
    const bound = parseBound(input, text);
    return {
      edtf: text,
      earliest: bound.earliest,
      latest: bound.latest,
      precision: precisionOf(bound.earliest, bound.latest),
      approximate: bound.approximate,
      uncertain: bound.uncertain,
    };
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    const first = error instanceof CalendarError ? error.message : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const reason = first.replace(/^Syntax error at line \d+ col (\d+):?$/, 'unexpected character at position $1');
    throw new InvalidArgumentError(
      `"${input}" is not a valid EDTF date (expected e.g. 2023-12-22, 2023-04, 2023, 2024-01/2024-03, 2023-05~ or 2022-02-24/..): ${reason}`,
      { value: input },
    );
  }
}

/** Parses an ISO calendar day (YYYY-MM-DD) strictly, for arguments such as `on` and `knownAt`. */
export function parseDay(input: string, argument = 'date'): string {
  const text = input.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new InvalidArgumentError(`${argument} must be a calendar day YYYY-MM-DD, got "${input}"`, { argument, value: input });
  }
  try {
    return parseTimeSpan(text).earliest;
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`${argument}: ${error.message}`, { argument, value: input });
    throw error;
  }
}

/** A window `{from, to}` of ISO days, both inclusive; either may be open. */
export interface DayWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * Parses a window given as EDTF (`2022/2024`, `2023-12`, `2022-02-24/..`) into the days it covers.
 * `2022/2024` means from the first day of 2022 to the last day of 2024.
 */
export function parseWindow(input: string, argument = 'between'): DayWindow {
  try {
    const span = parseTimeSpan(input);
    return { from: span.earliest, to: span.latest };
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      throw new InvalidArgumentError(`${argument}: ${error.message}`, { argument, value: input });
    }
    throw error;
  }
}

/** True when the span may overlap the window (DESIGN §3: imprecise spans match if they might). */
export function mayOverlap(span: Pick<TimeSpan, 'earliest' | 'latest'>, window: DayWindow): boolean {
  return span.earliest <= window.to && span.latest >= window.from;
}

/** Total order of spans: earliest, then latest. Ties are for the caller to break by id. */
export function compareSpans(a: Pick<TimeSpan, 'earliest' | 'latest'>, b: Pick<TimeSpan, 'earliest' | 'latest'>): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  if (a.latest !== b.latest) return a.latest < b.latest ? -1 : 1;
  return 0;
}

/** The number of days from `a` to `b` (ISO days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Today's date as an ISO day (UTC). */
export function today(): string {
  return isoDay(Date.now());
}

/** Time order of anything with a span and an id (earliest, latest, id): the order of transfers and timelines. */
export function bySpanThenId(
  a: { readonly id: string; readonly date: { readonly earliest: string; readonly latest: string } },
  b: { readonly id: string; readonly date: { readonly earliest: string; readonly latest: string } },
): number {
  return a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1
    : a.date.latest < b.date.latest ? -1 : a.date.latest > b.date.latest ? 1
      : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
