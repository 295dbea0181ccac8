// Words and numbers of the route list and the route details (no DOM): the count line, the evidence bars' scale,
// the weakest hop, year spans and verdicts.
import type { PathCheck, Route, RouteHop } from '../api/types.js';
import { dealsText } from '../format.js';

/** How complete the search was (RouteConnection). */
export interface RouteCount {
  readonly totalCount: number;
  readonly complete: boolean;
  readonly hopsCovered: number;
}

/** Verdicts as the list words them. */
export const EFFECT_TEXT: Record<PathCheck['effect'], string> = {
  ALLOWED: 'allowed',
  PROHIBITED: 'prohibited',
  REQUIRES_CONSENT: 'requires consent',
};

/** "24 routes (complete)", or "at least 310 routes; search stopped after every route of up to 3 hops". */
export function routeCountText(count: RouteCount): string {
  const n = count.totalCount.toLocaleString('en-US');
  if (count.complete) return `${n} route${count.totalCount === 1 ? '' : 's'} (complete)`;
  return `at least ${n} route${count.totalCount === 1 ? '' : 's'}; search stopped after every route of up to ${count.hopsCovered} hop${count.hopsCovered === 1 ? '' : 's'}`;
}

/** The largest hop TIV among routes (0 when none is known): the evidence bars' full width. */
export function maxHopTiv(routes: readonly Route[]): number {
  let max = 0;
  for (const r of routes) for (const hop of r.hops) if (hop.tiv != null && hop.tiv > max) max = hop.tiv;
  return max;
}

/** The width of a hop's bar as a fraction of the largest hop (0 without TIV). */
export function barFraction(tiv: number | null | undefined, max: number): number {
  return tiv == null || max <= 0 ? 0 : Math.min(1, Math.max(0, tiv / max));
}

/** The hop whose TIV is the route's score: the weakest (lowest TIV, unknown counting as 0). */
export function weakestHop(route: Route): number {
  let at = 0;
  route.hops.forEach((hop, i) => {
    if ((hop.tiv ?? 0) < (route.hops[at]!.tiv ?? 0)) at = i;
  });
  return at;
}

/** "2022–2024", "2021–open", "2023". */
export function daySpanYears(span: { readonly earliest: string; readonly latest: string }): string {
  const from = span.earliest === '0001-01-01' ? 'open' : span.earliest.slice(0, 4).replace(/^0+/, '');
  const to = span.latest === '9999-12-31' ? 'open' : span.latest.slice(0, 4).replace(/^0+/, '');
  return from === to ? from : `${from}–${to}`;
}

/** A hop's evidence in words: "Germany → Czechia: 2 deals, 15 units, 24.65 million TIV, 2022–2023". */
export function hopEvidenceText(hop: RouteHop): string {
  const units = hop.units == null ? 'units unknown' : `${hop.units.toLocaleString('en-US')} units`;
  const tiv = hop.tiv == null ? 'no TIV known' : `${hop.tiv.toLocaleString('en-US', { maximumFractionDigits: 2 })} million TIV`;
  return `${hop.from.name} → ${hop.to.name}: ${dealsText(hop.deals)}, ${units}, ${tiv}, ${daySpanYears(hop.span)}`;
}


/** The years a window covers, for labels: "2022–2024", "2022 onwards", "up to 2024", '' when open. */
export function windowYears(window: { readonly from: string; readonly to: string }): string {
  const { from, to } = window;
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return `${from} onwards`;
  return to ? `up to ${to}` : '';
}
