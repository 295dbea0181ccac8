// The Trends view's state as a query string (`?view=trends&by=…&periods=…`), and its SIPRI five-year periods.
import type { TrendGrouping } from '../api/types.js';

/** Groupings, in the order the selects list them. */
export const GROUPINGS: readonly TrendGrouping[] = ['SUPPLIER', 'RECIPIENT', 'SYSTEM_FAMILY', 'CATEGORY'];

/** Most periods the API compares at once. */
export const MAX_PERIODS = 12;

/** Years in a SIPRI period (SIPRI's fact sheets compare the last five years with the five before: 2015–2019, 2020–2024). */
export const PERIOD_YEARS = 5;

/** What the Trends view shows; '' means the default. */
export interface TrendsState {
  /** What the shares chart groups by. */
  readonly by: TrendGrouping;
  /** How many five-year periods, the newest ending with the data's last year with TIV. */
  readonly periods: number;
  /** The recipient whose supplier mix is drawn (id or alias); '' for Ukraine, else the top recipient. */
  readonly recipient: string;
  /** What the delivery-lags chart groups by. */
  readonly lagsBy: TrendGrouping;
  /** Deals ordered in which years count for the lags: '' for every year, else a period (`2020/2024`). */
  readonly ordered: string;
}

/** The state of a Trends view opened with no parameters. */
export const DEFAULT_TRENDS: TrendsState = { by: 'SUPPLIER', periods: 2, recipient: '', lagsBy: 'SUPPLIER', ordered: '' };

/** A period of whole years. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/** The years with SIPRI TIV on record. */
export interface YearSpan {
  readonly first: number;
  readonly last: number;
}

/** The dashboard's two views. */
export type PageView = 'graph' | 'trends';

/** Which view a query string shows (`view=trends`; anything else is the graph view). */
export function pageViewOf(search: string): PageView {
  return new URLSearchParams(search).get('view') === 'trends' ? 'trends' : 'graph';
}

function grouping(text: string | null, fallback: TrendGrouping): TrendGrouping {
  const value = (text ?? '').trim().toUpperCase();
  return (GROUPINGS as readonly string[]).includes(value) ? (value as TrendGrouping) : fallback;
}

const ORDERED = /^(\d{4})\/(\d{4})$/;

/** Reads the Trends state from a query string, falling back to the defaults for what is missing or invalid. */
export function parseTrendsState(search: string): TrendsState {
  const q = new URLSearchParams(search);
  const periods = q.get('periods') ?? '';
  const n = /^\d{1,2}$/.test(periods) ? Number(periods) : DEFAULT_TRENDS.periods;
  const ordered = (q.get('ordered') ?? '').trim();
  const years = ORDERED.exec(ordered);
  return {
    by: grouping(q.get('by'), DEFAULT_TRENDS.by),
    periods: n >= 1 && n <= MAX_PERIODS ? n : DEFAULT_TRENDS.periods,
    recipient: (q.get('recipient') ?? '').trim(),
    lagsBy: grouping(q.get('lags'), DEFAULT_TRENDS.lagsBy),
    ordered: years !== null && Number(years[1]) <= Number(years[2]) ? ordered : '',
  };
}

/** Writes the Trends state as a query string (with `view=trends`), leaving out what is at its default. */
export function trendsStateToSearch(state: TrendsState): string {
  const q = new URLSearchParams({ view: 'trends' });
  if (state.by !== DEFAULT_TRENDS.by) q.set('by', state.by);
  if (state.periods !== DEFAULT_TRENDS.periods) q.set('periods', String(state.periods));
  if (state.recipient) q.set('recipient', state.recipient);
  if (state.lagsBy !== DEFAULT_TRENDS.lagsBy) q.set('lags', state.lagsBy);
  if (state.ordered) q.set('ordered', state.ordered);
  return `?${q.toString().replace(/%2F/gi, '/')}`;
}

/** The years with TIV in a transferStats-by-year answer; undefined when none has any (seed data: no SIPRI TIV). */
export function yearSpan(rows: readonly { readonly key: readonly string[]; readonly tivDelivered: number | null }[]): YearSpan | undefined {
  const years = rows.filter((r) => (r.tivDelivered ?? 0) > 0 && /^\d{4}$/.test(r.key[0] ?? '')).map((r) => Number(r.key[0]));
  if (years.length === 0) return undefined;
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** How many whole five-year periods the span holds, counted back from its last year (1 to MAX_PERIODS): the choices offered. */
export function periodChoices(span: YearSpan): number {
  return Math.max(1, Math.min(MAX_PERIODS, Math.floor((span.last - span.first + 1) / PERIOD_YEARS)));
}

/**
 * The newest `count` five-year periods of the span, oldest first, the last ending with the span's last year, as
 * SIPRI's fact sheets (and the CLI's default) compare them: 2015–2019 and 2020–2024 for data up to 2024. A span
 * shorter than five years gives one period covering it.
 */
export function periodsFor(span: YearSpan, count: number): Period[] {
  if (span.last - span.first + 1 < PERIOD_YEARS) return [{ from: span.first, to: span.last }];
  const n = Math.max(1, Math.min(count, periodChoices(span)));
  return Array.from({ length: n }, (_, i) => {
    const to = span.last - (n - 1 - i) * PERIOD_YEARS;
    return { from: to - PERIOD_YEARS + 1, to };
  });
}

/** A period as the API writes it (`2020/2024`). */
export function periodKey(period: Period): string {
  return `${period.from}/${period.to}`;
}

/** A period as people read it (`2020–2024`); also takes the API's `2020/2024`. */
export function periodText(period: Period | string): string {
  return typeof period === 'string' ? period.replace('/', '–') : `${period.from}–${period.to}`;
}
