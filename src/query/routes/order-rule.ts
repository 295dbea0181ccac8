// The order rule between consecutive hops of a route, applied to whole hops at a time.
import { OPEN_END, OPEN_START } from '../../domain/time.js';
import type { ResolvedRouteOptions, RouteCandidate } from './types.js';

/** What the transfers of a hop allow next: the order rule's bound (least start or end) and the ids they backfill. */
export interface Allowance {
  readonly bound: string;
  readonly backfilled: ReadonlySet<string> | undefined;
}

export const NO_BOUND: Allowance = { bound: OPEN_START, backfilled: undefined };

/** What a hop's transfers allow next. */
export function allowanceOf(prev: readonly RouteCandidate[], o: ResolvedRouteOptions): Allowance {
  const tr = o.order === 'TIME_RESPECTING';
  let bound = OPEN_END;
  for (let i = 0; i < prev.length; i += 1) {
    const v = tr ? prev[i]!.date.earliest : prev[i]!.date.latest;
    if (v < bound) bound = v;
  }
  let backfilled: Set<string> | undefined;
  if (o.viaBackfill) for (const p of prev) for (const id of p.backfills) (backfilled ??= new Set()).add(id);
  return { bound, backfilled };
}

/** The transfers of `next` that may follow some transfer of the previous hop under the order rule (or a backfill link). */
export function feasibleAfter(prev: Allowance, next: readonly RouteCandidate[], o: ResolvedRouteOptions): readonly RouteCandidate[] {
  if (o.order === 'ANY') return next;
  const tr = o.order === 'TIME_RESPECTING';
  const { bound, backfilled } = prev;
  // Most pairs pass whole: keep the list itself rather than a copy (a loop, not a closure: this runs per step).
  let out: RouteCandidate[] | undefined;
  for (let i = 0; i < next.length; i += 1) {
    const t = next[i]!;
    const ok = (tr ? t.date.latest >= bound : t.date.earliest >= bound) || (backfilled !== undefined && backfilled.has(t.id));
    if (ok) {
      if (out !== undefined) out.push(t);
    } else if (out === undefined) {
      out = next.slice(0, i);
    }
  }
  return out ?? next;
}
