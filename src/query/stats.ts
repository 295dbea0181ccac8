// SIPRI-style totals (DESIGN §6 transferStats): deals, units and TIV delivered, grouped by chosen keys. What each
// transfer contributes is defined once here (`statFacts`); the memory store sums it in Node, the Neo4j store keeps
// the same facts on each transfer node and sums them in Cypher.
import type { Transfer, WeaponSystem } from '../domain/model.js';
import type { DayWindow } from '../domain/time.js';
import type { StatsKey, StatsRow } from './types.js';

/** What rows can be grouped by. */
export const STATS_KEYS: readonly StatsKey[] = ['SUPPLIER', 'RECIPIENT', 'SYSTEM', 'FAMILY', 'CATEGORY', 'YEAR'];

/** One delivery contribution of a transfer: the year, units and TIV (from SIPRI, or the transfer itself). */
export interface Contribution {
  readonly year: string;
  readonly units: number | null;
  readonly tiv: number | null;
}

/** What a transfer adds to statistics, whatever the filter: its group values and its contributions by year. */
export interface StatFacts {
  /** SIPRI's armament category for SIPRI deals, the system's category otherwise ("unknown" without either). */
  readonly category: string;
  /** The root of the system's family chain (the system itself when it belongs to no family). */
  readonly family: string;
  /** True when contributions are per delivery year (SIPRI deals), so a window selects among them. */
  readonly windowed: boolean;
  readonly contributions: readonly Contribution[];
  /** SIPRI's order year and the first and last delivery year on record (deals with deliveries only). */
  readonly lag?: { readonly orderYear: number; readonly firstDelivery: number; readonly lastDelivery: number };
}

/** The root of a system's family chain (cycles cannot occur: seeds refuse them). */
export function familyRoot(system: string, systems: ReadonlyMap<string, Pick<WeaponSystem, 'family'>>): string {
  let id = system;
  for (let seen = 0; seen < 64; seen++) {
    const parent = systems.get(id)?.family;
    if (parent === undefined) return id;
    id = parent;
  }
  return id;
}

/** The statistics facts of one transfer (DESIGN §6). */
export function statFacts(t: Transfer, systems: ReadonlyMap<string, Pick<WeaponSystem, 'family' | 'category'>>): StatFacts {
  const category = t.sipri?.category ?? systems.get(t.system)?.category ?? 'unknown';
  const family = familyRoot(t.system, systems);
  if (t.sipri) {
    const deliveries = t.sipri.deliveries;
    const contributions = deliveries.map((d) => ({ year: String(d.year), units: d.units, tiv: d.tiv }));
    const years = deliveries.map((d) => d.year);
    const lag =
      t.sipri.orderYear !== null && years.length > 0
        ? { orderYear: t.sipri.orderYear, firstDelivery: Math.min(...years), lastDelivery: Math.max(...years) }
        : undefined;
    return { category, family, windowed: true, contributions, ...(lag && { lag }) };
  }
  const year = t.date.earliest === '0001-01-01' ? 'unknown' : t.date.earliest.slice(0, 4);
  const units = t.status === 'DELIVERED' ? (t.quantity?.exact ?? null) : null;
  return { category, family, windowed: false, contributions: [{ year, units, tiv: null }] };
}

/**
 * TIV is summed in whole millionths (integers, exact up to 2^53 millionths: 9 billion million TIV), so a sum is
 * the same whatever the order of addition: summing floats in another order changed the sixth decimal of sums of
 * 30,000 deliveries at ×10. The Neo4j store sums the same integers in Cypher.
 */
export const toMicro = (tiv: number) => Math.round(tiv * 1e6);

/** The value of one grouping key for a transfer's contribution. */
function keyValue(k: StatsKey, t: Transfer, facts: StatFacts, c: Contribution): string {
  switch (k) {
    case 'SUPPLIER': return t.supplier;
    case 'RECIPIENT': return t.recipient;
    case 'SYSTEM': return t.system;
    case 'FAMILY': return facts.family;
    case 'CATEGORY': return facts.category;
    case 'YEAR': return c.year;
  }
}

/**
 * Aggregates transfers (already filtered) into rows, in no particular order. With a window, only deliveries in
 * its years count (SIPRI deals); a deal with no delivery in the window adds nothing.
 */
export function aggregateStats(
  transfers: readonly Transfer[],
  groupBy: readonly StatsKey[],
  facts: (t: Transfer) => StatFacts,
  window?: DayWindow,
): StatsRow[] {
  // Groups in nested maps, one level per key (no key strings built per contribution); a transfer's
  // contributions come one after another, so a group counts a deal when its last-seen transfer changes.
  interface Group { key: string[]; last: Transfer | undefined; deals: number; units: number | null; tiv: number | null }
  const root = new Map<string, unknown>();
  const all: Group[] = [];
  const from = window ? Number(window.from.slice(0, 4)) : -Infinity;
  const to = window ? Number(window.to.slice(0, 4)) : Infinity;
  const depth = groupBy.length - 1;
  for (const t of transfers) {
    const f = facts(t);
    for (const c of f.contributions) {
      // With a window, a SIPRI deal counts only its deliveries in the window's years; other transfers count whole.
      if (f.windowed && window) {
        const year = Number(c.year);
        if (year < from || year > to) continue;
      }
      let level = root;
      for (let i = 0; i < depth; i++) {
        const v = keyValue(groupBy[i]!, t, f, c);
        let next = level.get(v) as Map<string, unknown> | undefined;
        if (!next) level.set(v, (next = new Map()));
        level = next;
      }
      const v = keyValue(groupBy[depth]!, t, f, c);
      let g = level.get(v) as Group | undefined;
      if (!g) {
        level.set(v, (g = { key: groupBy.map((k) => keyValue(k, t, f, c)), last: undefined, deals: 0, units: null, tiv: null }));
        all.push(g);
      }
      if (g.last !== t) {
        g.last = t;
        g.deals++;
      }
      if (c.units !== null) g.units = (g.units ?? 0) + c.units;
      if (c.tiv !== null) g.tiv = (g.tiv ?? 0) + toMicro(c.tiv);
    }
  }
  return all.map((g) => ({ key: g.key, transfers: g.deals, units: g.units, tivDelivered: g.tiv === null ? null : g.tiv / 1e6 }));
}

/** TIV of one group in one bucket of delivery years, in whole millionths. */
export interface BucketRow {
  readonly key: string;
  readonly bucket: number;
  readonly tivMicro: number;
}

/**
 * TIV (whole millionths) of transfers (already filtered) by group and bucket of delivery years. Only deliveries
 * with a year in `buckets` and a TIV count; groups with none are left out.
 */
export function aggregateTivByBucket(
  transfers: readonly Transfer[], by: StatsKey, buckets: Readonly<Record<string, number>>, facts: (t: Transfer) => StatFacts,
): BucketRow[] {
  const rows = new Map<string, Map<number, number>>();
  for (const t of transfers) {
    const f = facts(t);
    for (const c of f.contributions) {
      const bucket = buckets[c.year];
      if (bucket === undefined || c.tiv === null) continue;
      const key = keyValue(by, t, f, c);
      let byBucket = rows.get(key);
      if (!byBucket) rows.set(key, (byBucket = new Map()));
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + toMicro(c.tiv));
    }
  }
  return [...rows].flatMap(([key, byBucket]) => [...byBucket].map(([bucket, tivMicro]) => ({ key, bucket, tivMicro })));
}

/** One group of deal lags: how many deals of a group were ordered in a year and took these many years. */
export interface LagRow {
  readonly key: string;
  readonly orderYear: number;
  /** Years from the order to the first delivery on record. */
  readonly first: number;
  /** Years from the order to the last delivery on record. */
  readonly last: number;
  readonly deals: number;
}

/** Counts deals (already filtered) with an order year and a delivery by group, order year and lags. */
export function aggregateLags(transfers: readonly Transfer[], by: StatsKey, facts: (t: Transfer) => StatFacts): LagRow[] {
  const rows = new Map<string, { key: string; orderYear: number; first: number; last: number; deals: number }>();
  for (const t of transfers) {
    const f = facts(t);
    if (!f.lag) continue;
    const { orderYear, firstDelivery, lastDelivery } = f.lag;
    const key = keyValue(by, t, f, { year: String(firstDelivery), units: null, tiv: null });
    const id = JSON.stringify([key, orderYear, firstDelivery - orderYear, lastDelivery - orderYear]);
    const row = rows.get(id);
    if (row) row.deals++;
    else rows.set(id, { key, orderYear, first: firstDelivery - orderYear, last: lastDelivery - orderYear, deals: 1 });
  }
  return [...rows.values()];
}

/** Sorts rows by TIV delivered (descending, unknown last), then transfers (deals), then key. */
export function rankStatsRows(rows: readonly StatsRow[]): StatsRow[] {
  // The JSON of each key is computed once, not per comparison (sorting ~150,000 rows with a JSON.stringify per
  // comparison was most of transferStats at ×10).
  const keyed = rows.map((row) => ({ id: JSON.stringify(row.key), row }));
  keyed.sort(
    (a, b) =>
      (b.row.tivDelivered ?? -1) - (a.row.tivDelivered ?? -1) || b.row.transfers - a.row.transfers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return keyed.map((r) => r.row);
}
