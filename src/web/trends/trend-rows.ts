// The Trends view's answers as chart rows (one per bar) and as sentences: shares, a recipient's suppliers, lags. No DOM.
import type { Dependence, DependencePeriod, Lags, TrendGrouping, Trends } from '../api/types.js';
import { tivFigure } from '../format.js';
import { periodText } from './trends-state.js';

/** Groupings whose keys are actor ids (a bar of theirs can select its actor in the graph view). */
export const ACTOR_GROUPINGS: readonly TrendGrouping[] = ['SUPPLIER', 'RECIPIENT'];

/** What a grouping's groups are called: "supplier", "system family". */
export const GROUPING_NOUN: Readonly<Record<TrendGrouping, string>> = {
  SUPPLIER: 'supplier', RECIPIENT: 'recipient', SYSTEM_FAMILY: 'system family', CATEGORY: 'category',
};

/** The same, in the plural: "suppliers", "system families". */
export const GROUPING_NOUNS: Readonly<Record<TrendGrouping, string>> = {
  SUPPLIER: 'suppliers', RECIPIENT: 'recipients', SYSTEM_FAMILY: 'system families', CATEGORY: 'categories',
};

/** A share in per cent, one decimal: "42.6 %"; "–" when there is none. */
export function percent(share: number | null | undefined): string {
  return share == null ? '–' : `${share.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** A change in per cent with its sign: "+21 %", "−64 %"; '' when there is none (first period, or from zero). */
export function changeText(change: number | null | undefined): string {
  if (change == null) return '';
  const rounded = Math.round(change);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toLocaleString('en-US')} %`;
}

/** TIV in millions, short: "142,948 m TIV". */
export function tivShort(tiv: number): string {
  return `${tivFigure(tiv)} m TIV`;
}

/** Years, as the lags are given: "1 year", "2.2 years"; "–" when unknown. */
export function yearsText(years: number | null | undefined): string {
  if (years == null) return '–';
  const n = Math.round(years * 10) / 10;
  return `${n.toLocaleString('en-US')} year${n === 1 ? '' : 's'}`;
}

/** One bar of the shares chart: a group's share of one period's total. */
export interface ShareBar {
  readonly key: string;
  readonly label: string;
  /** The period as the API writes it (`2020/2024`). */
  readonly period: string;
  /** Per cent of the period's total (0 when the group delivered nothing in it). */
  readonly share: number;
  readonly tiv: number;
  readonly change: number | null;
  readonly rank: number | null;
}

/** The bars of a trends answer: group by group (in the answer's order), period by period. */
export function shareBars(trends: Trends): ShareBar[] {
  return trends.groups.flatMap((g) =>
    g.cells.map((c) => ({ key: g.key, label: g.label, period: c.period, share: c.share ?? 0, tiv: c.tiv, change: c.change, rank: c.rank })),
  );
}

/** What a share bar says to a screen reader and in its tooltip: "United States, 2020–2024: 42.6 % (rank 1, 60,949 m TIV, +21 %)". */
export function shareBarText(bar: ShareBar): string {
  const extra = [bar.rank == null ? 'no deliveries' : `rank ${bar.rank}`, bar.rank == null ? '' : tivShort(bar.tiv), changeText(bar.change)].filter(Boolean);
  return `${bar.label}, ${periodText(bar.period)}: ${percent(bar.share)} (${extra.join(', ')})`;
}

/** True when a trends answer has something to draw: a period with TIV delivered. */
export function hasTiv(periods: readonly { readonly tiv: number }[]): boolean {
  return periods.some((p) => p.tiv > 0);
}

/**
 * A sentence on the newest period's leaders: "In 2020–2024 the largest suppliers were United States 42.6 % (35.0 %
 * in 2015–2019), France 9.6 % and Russia 7.8 % of 142,948 m TIV delivered worldwide."
 */
export function sharesSummary(trends: Trends, leaders = 3): string {
  const last = trends.periods.at(-1);
  if (last === undefined || last.tiv <= 0) return 'No TIV delivered in these periods.';
  const before = trends.periods.at(-2);
  const index = trends.periods.length - 1;
  const top = trends.groups.filter((g) => (g.cells[index]?.rank ?? null) !== null).slice(0, leaders);
  const parts = top.map((g, i) => {
    const now = `${g.label} ${percent(g.cells[index]!.share)}`;
    return i === 0 && before !== undefined ? `${now} (${percent(g.cells[index - 1]?.share ?? 0)} in ${periodText(before.period)})` : now;
  });
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const whole = trends.universe === 'WORLD' ? 'delivered worldwide' : 'delivered (filtered)';
  return `In ${periodText(last.period)} the largest ${GROUPING_NOUNS[trends.by]} were ${list} of ${tivShort(last.tiv)} ${whole}.`;
}

/** One segment of a supplier-mix bar: a supplier's (or the others') share of one period's TIV received. */
export interface MixSegment {
  /** The supplier's id; '' for the suppliers not listed, taken together. */
  readonly key: string;
  readonly label: string;
  readonly period: string;
  readonly share: number;
  readonly tiv: number;
}

/** Label of the suppliers not listed, taken together. */
export const OTHERS = 'Others';

/**
 * The segments of a dependence answer: the listed suppliers with a share in each period, and the rest together
 * ("Others (28 suppliers)") when they add up to something. Periods without deliveries have no segment.
 */
export function mixSegments(dependence: Dependence): MixSegment[] {
  return dependence.periods.flatMap((p, i) => {
    if (p.tiv <= 0) return [];
    const listed = dependence.partners
      .map((partner) => ({ key: partner.key, label: partner.label, period: p.period, share: partner.cells[i]?.share ?? 0, tiv: partner.cells[i]?.tiv ?? 0 }))
      .filter((s) => s.tiv > 0);
    const share = 100 - listed.reduce((sum, s) => sum + s.share, 0);
    const tiv = p.tiv - listed.reduce((sum, s) => sum + s.tiv, 0);
    const rest = p.groups - listed.length;
    if (rest <= 0 || share < 0.05) return listed;
    return [...listed, { key: '', label: `${OTHERS} (${rest} supplier${rest === 1 ? '' : 's'})`, period: p.period, share, tiv }];
  });
}

/** What a mix segment says: "United States, 2020–2024: 45.2 % of Ukraine's TIV received (5,651 m TIV)". */
export function mixSegmentText(segment: MixSegment, recipient: string): string {
  return `${segment.label}, ${periodText(segment.period)}: ${percent(segment.share)} of ${recipient}'s TIV received (${tivShort(segment.tiv)})`;
}

/** The Herfindahl–Hirschman index in words: "HHI 2,460 (like 4.1 equal suppliers)", "HHI 10,000 (a single supplier)". */
export function hhiText(hhi: number | null | undefined): string {
  if (hhi == null || hhi <= 0) return '';
  const figure = Math.round(hhi).toLocaleString('en-US');
  if (hhi >= 9999.5) return `HHI ${figure} (a single supplier)`;
  const equal = 10_000 / hhi;
  return `HHI ${figure} (like ${equal.toLocaleString('en-US', { maximumFractionDigits: 1 })} equal suppliers)`;
}

/**
 * One period of a recipient's supplier mix in a sentence: "2020–2024: 12,513 m TIV from 36 suppliers; main supplier
 * United States (45.2 %), changed from Czechia; HHI 2,375 (like 4.2 equal suppliers)."
 */
export function mixPeriodText(period: DependencePeriod, previous: DependencePeriod | undefined): string {
  const when = periodText(period.period);
  if (period.tiv <= 0 || period.main == null) return `${when}: no deliveries on record.`;
  const from = `${tivShort(period.tiv)} from ${period.groups} supplier${period.groups === 1 ? '' : 's'}`;
  const change = period.mainChanged && previous?.main != null ? `, changed from ${previous.main.label}` : '';
  const same = !period.mainChanged && previous?.main != null ? ' (as before)' : '';
  return `${when}: ${from}; main supplier ${period.main.label} (${percent(period.main.share)})${same}${change}; ${hhiText(period.hhi)}.`;
}

/** One bar of the lags chart: a group's median years to its first or last delivery, with the 90th percentile. */
export interface LagBar {
  readonly key: string;
  readonly label: string;
  readonly deals: number;
  readonly measure: LagMeasure;
  readonly median: number;
  readonly p90: number;
}

/** The two lags of a deal. */
export type LagMeasure = 'to first delivery' | 'to last delivery';

/** The lag measures, in drawing order. */
export const LAG_MEASURES: readonly LagMeasure[] = ['to first delivery', 'to last delivery'];

/** The bars of a lags answer: two per group (to first and to last delivery), groups without deals left out. */
export function lagBars(lags: Lags): LagBar[] {
  return lags.groups.flatMap((g) => {
    const figures = [['to first delivery', g.toFirst], ['to last delivery', g.toLast]] as const;
    return figures.flatMap(([measure, f]) =>
      f.median == null || f.p90 == null ? [] : [{ key: g.key, label: g.label, deals: g.deals, measure, median: f.median, p90: f.p90 }],
    );
  });
}

/** What a lag bar says: "United States, to first delivery: median 1 year, 90th percentile 4 years (3,252 deals)". */
export function lagBarText(bar: LagBar): string {
  return `${bar.label}, ${bar.measure}: median ${yearsText(bar.median)}, 90th percentile ${yearsText(bar.p90)} (${bar.deals.toLocaleString('en-US')} deals)`;
}

/** The lags of every deal counted, in a sentence. */
export function lagsSummary(lags: Lags): string {
  const a = lags.all;
  if (a.deals === 0) return 'No SIPRI deal with an order year and a delivery on record.';
  const years = lags.orderedTo != null ? `ordered ${lags.orderedFrom ?? ''}–${lags.orderedTo}` : `ordered ${lags.orderedFrom ?? ''} or later`;
  return `All ${a.deals.toLocaleString('en-US')} deals ${years}: median ${yearsText(a.toFirst.median)} to the first delivery (90th percentile ${yearsText(a.toFirst.p90)}), ${yearsText(a.toLast.median)} to the last (${yearsText(a.toLast.p90)}).`;
}
