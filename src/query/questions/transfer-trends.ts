// The trend questions (DESIGN §6): transferTrends (shares and changes between periods), dependence (a recipient's
// suppliers or a supplier's recipients, with concentration) and deliveryLags (order to delivery, from SIPRI deals).
// Stores only sum TIV by group and delivery year and count deals by lag; every figure is computed here.
import { InvalidArgumentError } from '../../domain/errors.js';
import type { DayWindow } from '../../domain/time.js';
import { actorArg, checkTransferFilter, resolveTransferFilter, dayWindow } from '../prepare.js';
import type { AggregatePort, EntityPort, NamePort } from '../ports.js';
import type { LagRow } from '../stats.js';
import {
  change, checkPeriods, DEFAULT_TREND_TOP, hhi, MAX_TREND_TOP, periodOf, ranks, share, weightedQuantile, type Period,
} from '../trends.js';
import type { DateWindowInput, StatsKey, TransferFilter, TransferFilterInput } from '../types.js';

/** What trends are grouped by. */
export type TrendBy = 'SUPPLIER' | 'RECIPIENT' | 'SYSTEM_FAMILY' | 'CATEGORY';
export const TREND_BY: readonly TrendBy[] = ['SUPPLIER', 'RECIPIENT', 'SYSTEM_FAMILY', 'CATEGORY'];

/** Whose total a share is of: every delivery on record, or those the filter selects. */
export type ShareUniverse = 'WORLD' | 'FILTERED';

/** One group in one period. */
export interface TrendCell {
  readonly period: string;
  /** SIPRI TIV delivered in the period, in millions. */
  readonly tiv: number;
  /** Per cent of the period's total; null when the total is zero. */
  readonly share: number | null;
  /** Per cent change of TIV against the previous period; null for the first period or a previous TIV of zero. */
  readonly change: number | null;
  /** Rank by TIV in the period (1 = largest; ties share a rank); null when the group delivered no TIV in it. */
  readonly rank: number | null;
}

/** A group (supplier, recipient, family or category) across the periods. */
export interface TrendGroup {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly TrendCell[];
}

/** One period's total. */
export interface PeriodTotal {
  readonly period: string;
  readonly from: number;
  readonly to: number;
  readonly tiv: number;
  readonly change: number | null;
  /** Groups that delivered TIV in the period. */
  readonly groups: number;
}

/** A transferTrends answer: groups in order of rank in the last period (then earlier periods, then key). */
export interface TransferTrends {
  readonly by: TrendBy;
  readonly universe: ShareUniverse;
  readonly periods: readonly PeriodTotal[];
  readonly groups: readonly TrendGroup[];
  /** Groups with TIV in any period (the answer lists at most `top`). */
  readonly groupCount: number;
}

export interface TrendsInput {
  readonly by: TrendBy | string;
  readonly periods: readonly DateWindowInput[];
  readonly filter?: TransferFilterInput | null;
  readonly top?: number | null;
}

const KEY_OF: Record<TrendBy, StatsKey> = { SUPPLIER: 'SUPPLIER', RECIPIENT: 'RECIPIENT', SYSTEM_FAMILY: 'FAMILY', CATEGORY: 'CATEGORY' };

function checkBy(by: string, argument = 'by'): TrendBy {
  if (!TREND_BY.includes(by as TrendBy)) throw new InvalidArgumentError(`${argument}: unknown grouping ${by} (expected ${TREND_BY.join(', ')})`, { argument });
  return by as TrendBy;
}

function checkTop(top: number | null | undefined, argument = 'top'): number {
  if (top == null) return DEFAULT_TREND_TOP;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TREND_TOP) throw new InvalidArgumentError(`${argument}: must be 1–${MAX_TREND_TOP} (got ${top})`, { argument });
  return top;
}

/** Checks a trend question's filter: periods (or `ordered`) give the time, so `filter.between` is refused. */
function checkTrendFilter(input: TransferFilterInput | null | undefined, instead: string) {
  const checked = checkTransferFilter(input);
  if (checked.dates.between) throw new InvalidArgumentError(`filter.between: not used here; give the years with ${instead}`, { argument: 'filter.between' });
  return checked;
}

/** Resolves a checked trend filter; any field set makes shares those of the filtered total. */
async function trendFilter(names: NamePort, checked: ReturnType<typeof checkTrendFilter>): Promise<{ filter: TransferFilter; universe: ShareUniverse }> {
  const filter = await resolveTransferFilter(names, checked);
  return { filter, universe: Object.keys(filter).length === 0 ? 'WORLD' : 'FILTERED' };
}

const hull = (periods: readonly Period[]): DayWindow => ({ from: `${String(periods[0]!.from).padStart(4, '0')}-01-01`, to: `${String(periods[periods.length - 1]!.to).padStart(4, '0')}-12-31` });

/** TIV by group key and period: the store sums whole millionths by group and period (a year → period map). */
async function tivByPeriod(ports: AggregatePort, filter: TransferFilter, key: StatsKey, periods: readonly Period[]): Promise<Map<string, number[]>> {
  const buckets: Record<string, number> = {};
  periods.forEach((p, i) => {
    for (let y = p.from; y <= p.to; y++) buckets[String(y)] = i;
  });
  const rows = await ports.tivByBucket({ ...filter, between: hull(periods) }, key, buckets);
  const out = new Map<string, number[]>();
  for (const row of rows) {
    let sums = out.get(row.key);
    if (!sums) out.set(row.key, (sums = periods.map(() => 0)));
    sums[row.bucket]! += row.tivMicro;
  }
  for (const sums of out.values()) sums.forEach((v, i) => (sums[i] = v / 1e6));
  return out;
}

/** Names for group keys that are ids (actors, systems); categories are their own label. */
async function labels(ports: EntityPort, keys: readonly string[], areIds: boolean): Promise<Map<string, string>> {
  if (!areIds) return new Map(keys.map((k) => [k, k]));
  const nodes = await ports.nodes(keys);
  return new Map(keys.map((k) => {
    const e = nodes.get(k);
    return [k, e && 'name' in e.value ? e.value.name : k];
  }));
}

/** Groups with cells, ordered by rank in the last period, then the periods before it, then key. */
function trendGroups(sums: ReadonlyMap<string, readonly number[]>, periods: readonly Period[], totals: readonly number[]) {
  const keys = [...sums.keys()].filter((k) => sums.get(k)!.some((v) => v > 0));
  const rankBy = periods.map((_, p) => ranks(keys.map((k) => sums.get(k)![p]!)));
  const groups = keys.map((key, g) => {
    const tiv = sums.get(key)!;
    const cells = periods.map((period, p) => ({
      period: period.label, tiv: tiv[p]!, share: share(tiv[p]!, totals[p]!), change: p === 0 ? null : change(tiv[p]!, tiv[p - 1]), rank: rankBy[p]![g]!,
    }));
    return { key, cells };
  });
  const order = (a: { key: string; cells: readonly TrendCell[] }, b: typeof a) => {
    for (let p = periods.length - 1; p >= 0; p--) {
      const d = b.cells[p]!.tiv - a.cells[p]!.tiv;
      if (d !== 0) return d;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
  return groups.sort(order);
}

function periodTotals(sums: ReadonlyMap<string, readonly number[]>, periods: readonly Period[]): PeriodTotal[] {
  const tiv = periods.map((_, p) => Math.round([...sums.values()].reduce((s, v) => s + v[p]!, 0) * 1e6) / 1e6);
  return periods.map((period, p) => ({
    period: period.label, from: period.from, to: period.to, tiv: tiv[p]!, change: p === 0 ? null : change(tiv[p]!, tiv[p - 1]),
    groups: [...sums.values()].filter((v) => v[p]! > 0).length,
  }));
}

/** transferTrends: TIV, share, change and rank per group and period, with each period's total. */
export async function transferTrends(ports: NamePort & EntityPort & AggregatePort, input: TrendsInput): Promise<TransferTrends> {
  const by = checkBy(input.by);
  const periods = checkPeriods(input.periods);
  const top = checkTop(input.top);
  const { filter, universe } = await trendFilter(ports, checkTrendFilter(input.filter, 'periods'));
  const sums = await tivByPeriod(ports, filter, KEY_OF[by], periods);
  const totals = periodTotals(sums, periods);
  const groups = trendGroups(sums, periods, totals.map((t) => t.tiv));
  const shown = groups.slice(0, top);
  const names = await labels(ports, shown.map((g) => g.key), by !== 'CATEGORY');
  return { by, universe, periods: totals, groups: shown.map((g) => ({ ...g, label: names.get(g.key)! })), groupCount: groups.length };
}

/** Whose partners a dependence question is about. */
export type DependenceRole = 'RECIPIENT' | 'SUPPLIER';

/** One period of a dependence answer. */
export interface DependencePeriod extends PeriodTotal {
  /** The partner with the largest TIV in the period (the first by id among equals); null without deliveries. */
  readonly main: { readonly key: string; readonly label: string; readonly share: number } | null;
  /** True when the main partner differs from the previous period's (both known). */
  readonly mainChanged: boolean;
  /** Herfindahl–Hirschman index of the partners' shares (0–10,000); null without deliveries. */
  readonly hhi: number | null;
}

/** A dependence answer: an actor's partners per period (suppliers of a recipient, recipients of a supplier). */
export interface Dependence {
  readonly actor: string;
  readonly role: DependenceRole;
  readonly periods: readonly DependencePeriod[];
  /** Partners in order of rank in the last period, at most `top`. */
  readonly partners: readonly TrendGroup[];
  readonly partnerCount: number;
}

export interface DependenceInput {
  readonly role?: DependenceRole | null;
  readonly periods: readonly DateWindowInput[];
  readonly filter?: TransferFilterInput | null;
  readonly top?: number | null;
}

/** dependence: how much of an actor's imports (or exports) each partner accounts for, per period, and how concentrated. */
export async function dependence(ports: NamePort & EntityPort & AggregatePort, actor: string, input: DependenceInput): Promise<Dependence> {
  const role = input.role ?? 'RECIPIENT';
  if (role !== 'RECIPIENT' && role !== 'SUPPLIER') throw new InvalidArgumentError(`role: must be RECIPIENT or SUPPLIER (got ${String(role)})`, { argument: 'role' });
  const periods = checkPeriods(input.periods);
  const top = checkTop(input.top);
  const side = role === 'RECIPIENT' ? 'recipient' : 'supplier';
  if (input.filter?.[side] != null) throw new InvalidArgumentError(`filter.${side}: the actor argument names the ${side}`, { argument: `filter.${side}` });
  const checked = checkTrendFilter(input.filter, 'periods');
  const [id, { filter }] = await Promise.all([actorArg(ports, actor, 'actor'), trendFilter(ports, checked)]);
  const sums = await tivByPeriod(ports, { ...filter, [side]: id }, role === 'RECIPIENT' ? 'SUPPLIER' : 'RECIPIENT', periods);
  const totals = periodTotals(sums, periods);
  const groups = trendGroups(sums, periods, totals.map((t) => t.tiv));
  const mains = periods.map((_, p) => {
    let best: { key: string; tiv: number } | undefined;
    for (const g of groups) if (g.cells[p]!.tiv > 0 && (!best || g.cells[p]!.tiv > best.tiv || (g.cells[p]!.tiv === best.tiv && g.key < best.key))) best = { key: g.key, tiv: g.cells[p]!.tiv };
    return best;
  });
  const names = await labels(ports, [...new Set([...groups.slice(0, top).map((g) => g.key), ...mains.flatMap((m) => (m ? [m.key] : []))])], true);
  return {
    actor: id,
    role,
    periods: totals.map((t, p) => {
      const m = mains[p];
      const before = p > 0 ? mains[p - 1] : undefined;
      return {
        ...t,
        main: m ? { key: m.key, label: names.get(m.key)!, share: share(m.tiv, t.tiv)! } : null,
        mainChanged: m !== undefined && before !== undefined && m.key !== before.key,
        hhi: hhi(groups.map((g) => g.cells[p]!.tiv)),
      };
    }),
    partners: groups.slice(0, top).map((g) => ({ ...g, label: names.get(g.key)! })),
    partnerCount: groups.length,
  };
}

/** Median and 90th percentile of a lag, in years. */
export interface LagFigures {
  readonly median: number | null;
  readonly p90: number | null;
}

/** One group's delivery lags. */
export interface LagGroup {
  readonly key: string;
  readonly label: string;
  /** SIPRI deals counted: ordered in the window, with an order year and at least one delivery on record. */
  readonly deals: number;
  /** From the order year to the first delivery year on record. */
  readonly toFirst: LagFigures;
  /** From the order year to the last delivery year on record (a lower bound for deals still delivering). */
  readonly toLast: LagFigures;
}

/** A deliveryLags answer: groups by deals counted (most first), then key. */
export interface DeliveryLags {
  readonly by: TrendBy;
  /** Deals ordered from this year on count: the first delivery year on record, or later with `ordered`. */
  readonly orderedFrom: number | null;
  readonly orderedTo: number | null;
  /** Every deal counted, whatever the group. */
  readonly all: Omit<LagGroup, 'key' | 'label'>;
  readonly groups: readonly LagGroup[];
  readonly groupCount: number;
}

export interface LagsInput {
  readonly by: TrendBy | string;
  /** Order years to count (EDTF window); a deal ordered before the first delivery year on record never counts. */
  readonly ordered?: DateWindowInput | null;
  readonly filter?: TransferFilterInput | null;
  readonly top?: number | null;
}

function lagFigures(rows: readonly LagRow[], which: 'first' | 'last'): LagFigures {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r[which], (counts.get(r[which]) ?? 0) + r.deals);
  return { median: weightedQuantile(counts, 0.5), p90: weightedQuantile(counts, 0.9) };
}

const lagGroup = (rows: readonly LagRow[]) => ({
  deals: rows.reduce((n, r) => n + r.deals, 0), toFirst: lagFigures(rows, 'first'), toLast: lagFigures(rows, 'last'),
});

/**
 * deliveryLags: years from order to first and to last delivery of SIPRI deals, median and 90th percentile, by
 * group. The record starts at some delivery year; a deal ordered before it may have delivered before it too, so
 * only deals ordered in or after the first delivery year on record (of the deals the filter selects) count.
 */
export async function deliveryLags(ports: NamePort & EntityPort & AggregatePort, input: LagsInput): Promise<DeliveryLags> {
  const by = checkBy(input.by);
  const ordered = dayWindow(input.ordered, 'ordered');
  const top = checkTop(input.top);
  const { filter } = await trendFilter(ports, checkTrendFilter(input.filter, 'ordered'));
  const rows = await ports.dealLags(filter, KEY_OF[by]);
  const record = rows.length === 0 ? null : Math.min(...rows.map((r) => r.orderYear + r.first));
  const from = Math.max(record ?? -Infinity, ordered ? Number(ordered.from.slice(0, 4)) : -Infinity);
  const to = ordered ? Number(ordered.to.slice(0, 4)) : Infinity;
  const counted = rows.filter((r) => r.orderYear >= from && r.orderYear <= to);
  const byKey = new Map<string, LagRow[]>();
  for (const r of counted) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  const groups = [...byKey.entries()]
    .map(([key, list]) => ({ key, ...lagGroup(list) }))
    .sort((a, b) => b.deals - a.deals || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shown = groups.slice(0, top);
  const names = await labels(ports, shown.map((g) => g.key), by !== 'CATEGORY');
  return {
    by,
    orderedFrom: Number.isFinite(from) ? from : null,
    orderedTo: Number.isFinite(to) ? to : null,
    all: lagGroup(counted),
    groups: shown.map((g) => ({ ...g, label: names.get(g.key)! })),
    groupCount: groups.length,
  };
}
