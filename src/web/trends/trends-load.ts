// The Trends view's requests: the years with TIV, shares per period, a recipient's suppliers, delivery lags.
import { gql } from '../api/client.js';
import { DEPENDENCE_QUERY, LAGS_QUERY, RECONCILE_QUERY, TREND_YEARS_QUERY, TRENDS_QUERY } from '../api/queries.js';
import type { Dependence, Lags, Reconciliation, TrendGrouping, Trends } from '../api/types.js';
import { yearSpan, type Period, type YearSpan } from './trends-state.js';

/** Groups in the shares chart. */
export const SHARES_TOP = 10;
/** Suppliers named in a recipient's mix (the rest are drawn together). */
export const MIX_TOP = 8;
/** Recipients offered in the mix's picker. */
export const RECIPIENTS_TOP = 40;
/** Groups in the lags chart (most deals first). */
export const LAGS_TOP = 12;

const windows = (periods: readonly Period[]) => periods.map((p) => ({ from: String(p.from), to: String(p.to) }));

/** The years with SIPRI TIV on record; undefined when there is none (the seed alone). */
export async function loadYearSpan(signal: AbortSignal): Promise<YearSpan | undefined> {
  const data = await gql(TREND_YEARS_QUERY, {}, { signal });
  return yearSpan(data.transferStats);
}

/** Shares of the top groups per period. */
export async function loadShares(by: TrendGrouping, periods: readonly Period[], signal: AbortSignal, top = SHARES_TOP): Promise<Trends> {
  const data = await gql(TRENDS_QUERY, { by, periods: windows(periods), top }, { signal });
  return data.transferTrends;
}

/** A recipient's suppliers per period. */
export async function loadDependence(actor: string, periods: readonly Period[], signal: AbortSignal): Promise<Dependence> {
  const data = await gql(DEPENDENCE_QUERY, { actor, periods: windows(periods), top: MIX_TOP }, { signal });
  return data.dependence;
}

/** Delivery lags by group, of deals ordered in `ordered` (every deal on record when undefined). */
export async function loadLags(by: TrendGrouping, ordered: Period | undefined, signal: AbortSignal): Promise<Lags> {
  const data = await gql(LAGS_QUERY, { by, top: LAGS_TOP, ...(ordered && { ordered: windows([ordered])[0] }) }, { signal });
  return data.deliveryLags;
}

/** A recipient's committed (Kiel), delivered (SIPRI) and claimed units per donor and family. */
export async function loadReconcile(recipient: string, signal: AbortSignal): Promise<Reconciliation> {
  const data = await gql(RECONCILE_QUERY, { recipient }, { signal });
  return data.reconcile;
}
