// A hop's evidence: route candidates from transfers, and what a hop's deals add up to in a window.
import type { Transfer } from '../../domain/model.js';
import { OPEN_END, OPEN_START, type DayWindow } from '../../domain/time.js';
import type { HopEvidence, RouteCandidate } from './types.js';

/**
 * A transfer as route search reads it: its category (SIPRI's, else its system's), its SIPRI delivery rows, and
 * for a DELIVERED transfer without them its exact quantity (the units `transferStats` counts).
 */
export function routeCandidateOf(t: Transfer, systemCategory: string | undefined): RouteCandidate {
  return {
    id: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, backfills: t.backfills, date: t.date,
    category: t.sipri?.category ?? systemCategory ?? 'unknown',
    deliveries: t.sipri?.deliveries.map((d) => ({ year: d.year, units: d.units, tiv: d.tiv })) ?? [],
    units: t.sipri === undefined && t.status === 'DELIVERED' ? (t.quantity?.exact ?? null) : null,
  };
}

/** The years a window covers (all years when there is no window). */
export function yearsOf(window: DayWindow | undefined): { from: number; to: number } {
  if (window === undefined) return { from: -Infinity, to: Infinity };
  return {
    from: window.from === OPEN_START ? -Infinity : Number(window.from.slice(0, 4)),
    to: window.to === OPEN_END ? Infinity : Number(window.to.slice(0, 4)),
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** What a hop's transfers sum to in the window's years: units, TIV (rounded to millionths), span, last active day. */
export function hopSums(transfers: readonly RouteCandidate[], years: { readonly from: number; readonly to: number }) {
  let units: number | null = null;
  let tiv: number | null = null;
  let earliest = OPEN_END;
  let latest = OPEN_START;
  let lastDay = OPEN_START;
  for (const t of transfers) {
    if (t.date.earliest < earliest) earliest = t.date.earliest;
    if (t.date.latest > latest) latest = t.date.latest;
    const end = t.date.latest === OPEN_END ? t.date.earliest : t.date.latest;
    if (end > lastDay) lastDay = end;
    if (t.deliveries.length > 0) {
      for (const d of t.deliveries) {
        if (d.year < years.from || d.year > years.to) continue;
        if (d.units !== null) units = (units ?? 0) + d.units;
        if (d.tiv !== null) tiv = (tiv ?? 0) + d.tiv;
      }
    } else if (t.units !== null) {
      units = (units ?? 0) + t.units;
    }
  }
  return { units, tiv: tiv === null ? null : round(tiv), earliest, latest, lastDay };
}

/** Sums a hop's transfers into its evidence. */
export function hopEvidence(from: string, to: string, transfers: readonly RouteCandidate[], window: DayWindow | undefined): HopEvidence {
  const { units, tiv, earliest, latest, lastDay } = hopSums(transfers, yearsOf(window));
  const systems = new Set<string>();
  const categories = new Set<string>();
  for (const t of transfers) {
    systems.add(t.system);
    categories.add(t.category);
  }
  return {
    from, to, deals: transfers.length, units, tiv, span: { earliest, latest }, lastDay,
    systems: [...systems].sort(), categories: [...categories].sort(), transfers,
  };
}
