// SIPRI-style totals (DESIGN §6 transferStats): deals, units and TIV delivered, grouped by chosen keys.
import { InvalidArgumentError } from '../domain/errors.js';
import type { Transfer, WeaponSystem } from '../domain/model.js';
import type { DayWindow } from '../domain/time.js';

/** What rows can be grouped by. */
export type StatsKey = 'SUPPLIER' | 'RECIPIENT' | 'SYSTEM' | 'CATEGORY' | 'YEAR';
export const STATS_KEYS: readonly StatsKey[] = ['SUPPLIER', 'RECIPIENT', 'SYSTEM', 'CATEGORY', 'YEAR'];

/** One group: its key values (in groupBy order), how many transfers (deals), units and TIV delivered. */
export interface StatsRow {
  readonly key: readonly string[];
  readonly transfers: number;
  /** Units delivered, where known (null when no transfer of the group has a known count). */
  readonly units: number | null;
  /** SIPRI TIV delivered, in millions (null when no transfer of the group has TIV data). */
  readonly tivDelivered: number | null;
}

/** One delivery contribution of a transfer: the year, units and TIV (from SIPRI, or the transfer itself). */
interface Contribution {
  readonly year: string;
  readonly units: number | null;
  readonly tiv: number | null;
}

function contributions(t: Transfer, window: DayWindow | undefined): Contribution[] {
  if (t.sipri) {
    const from = window ? Number(window.from.slice(0, 4)) : -Infinity;
    const to = window ? Number(window.to.slice(0, 4)) : Infinity;
    return t.sipri.deliveries.filter((d) => d.year >= from && d.year <= to).map((d) => ({ year: String(d.year), units: d.units, tiv: d.tiv }));
  }
  const year = t.date.earliest === '0001-01-01' ? 'unknown' : t.date.earliest.slice(0, 4);
  const units = t.status === 'DELIVERED' ? (t.quantity?.exact ?? null) : null;
  return [{ year, units, tiv: null }];
}

/** Rounds sums so that every store reports the same decimals whatever the order of addition. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Aggregates transfers (already filtered) into rows. With a window, only deliveries in its years count
 * (SIPRI deals); a deal with no delivery in the window adds nothing. Rows are sorted by TIV delivered
 * (descending, unknown last), then transfers, then key.
 */
export function aggregateStats(
  transfers: readonly Transfer[],
  groupBy: readonly StatsKey[],
  systems: ReadonlyMap<string, WeaponSystem>,
  window?: DayWindow,
): StatsRow[] {
  if (groupBy.length === 0) throw new InvalidArgumentError('groupBy must name at least one of ' + STATS_KEYS.join(', '), { argument: 'groupBy' });
  const unknownKey = groupBy.find((k) => !STATS_KEYS.includes(k));
  if (unknownKey) throw new InvalidArgumentError(`groupBy: unknown key ${unknownKey}`, { argument: 'groupBy' });
  const groups = new Map<string, { key: string[]; deals: Set<string>; units: number | null; tiv: number | null }>();
  for (const t of transfers) {
    for (const c of contributions(t, window)) {
      const key = groupBy.map((k) => {
        switch (k) {
          case 'SUPPLIER': return t.supplier;
          case 'RECIPIENT': return t.recipient;
          case 'SYSTEM': return t.system;
          case 'CATEGORY': return t.sipri?.category ?? systems.get(t.system)?.category ?? 'unknown';
          case 'YEAR': return c.year;
        }
      });
      const id = JSON.stringify(key);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { key, deals: new Set(), units: null, tiv: null }));
      g.deals.add(t.id);
      if (c.units !== null) g.units = (g.units ?? 0) + c.units;
      if (c.tiv !== null) g.tiv = (g.tiv ?? 0) + c.tiv;
    }
  }
  // The JSON of each key is the group's map key: compute the order on it once, not per comparison (sorting
  // ~150,000 rows with a JSON.stringify per comparison was most of transferStats at ×10).
  const rows = [...groups].map(([id, g]) => ({
    id,
    row: { key: g.key, transfers: g.deals.size, units: g.units, tivDelivered: g.tiv === null ? null : round(g.tiv) } as StatsRow,
  }));
  rows.sort(
    (a, b) =>
      (b.row.tivDelivered ?? -1) - (a.row.tivDelivered ?? -1) || b.row.transfers - a.row.transfers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return rows.map((r) => r.row);
}
