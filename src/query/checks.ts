// Restriction evaluation (DESIGN §5 "Checks"): rules are data, evaluated against a route and a time span.
import type { Event, Restriction } from '../domain/model.js';
import { mayOverlap, type DayWindow } from '../domain/time.js';
import type { CheckReason, Verdict } from './types.js';
import type { Hierarchy } from './hierarchy.js';

/** What the evaluator needs to know about the graph. */
export interface CheckContext {
  readonly restrictions: readonly Restriction[];
  /** WAR events: their actors are parties at war while the event's span lasts. */
  readonly wars: readonly Event[];
  readonly systems: Hierarchy;
  readonly actors: Hierarchy;
  readonly nameOf: (id: string) => string;
}

/** One route to evaluate: who sends what to whom, over which days, and where the items came from. */
export interface Route {
  readonly supplier: string;
  readonly recipient: string;
  readonly system?: string;
  readonly window: DayWindow;
  readonly origin?: string;
}

const SEVERITY: Record<Verdict, number> = { ALLOWED: 0, REQUIRES_CONSENT: 1, PROHIBITED: 2 };

/** The strictest verdict among the reasons (ALLOWED when there are none). */
export function verdictOf(reasons: readonly Pick<CheckReason, 'effect'>[]): Verdict {
  let verdict: Verdict = 'ALLOWED';
  for (const r of reasons) if (SEVERITY[r.effect] > SEVERITY[verdict]) verdict = r.effect;
  return verdict;
}

function intersects(list: readonly string[] | undefined, candidates: readonly string[]): boolean {
  return list === undefined || list.length === 0 || candidates.some((c) => list.includes(c));
}

/** Evaluates every restriction in force during the route's window; returns the reasons that bear on it. */
export function evaluateRoute(route: Route, ctx: CheckContext, hop: number | null = null): CheckReason[] {
  const supplierChain = ctx.actors.ancestorsOrSelf(route.supplier);
  const recipientChain = ctx.actors.ancestorsOrSelf(route.recipient);
  const systemChain = route.system === undefined ? undefined : ctx.systems.ancestorsOrSelf(route.system);
  const reasons: CheckReason[] = [];
  for (const r of ctx.restrictions) {
    if (!mayOverlap(r.inForce, route.window)) continue;
    const scope = r.appliesTo;
    if (!intersects(scope.suppliers, supplierChain)) continue;
    if (!intersects(scope.recipients, recipientChain)) continue;
    if (systemChain !== undefined && !intersects(scope.systems, systemChain)) continue;
    const base = { restriction: r.id, rule: r.rule, citations: r.citations, hop };
    const route_ = `${ctx.nameOf(route.supplier)} → ${ctx.nameOf(route.recipient)}`;
    switch (r.rule) {
      case 'NO_ARMS_EXPORT':
        reasons.push({ ...base, effect: 'PROHIBITED', message: `${route_}: ${r.title} (in force ${r.inForce.edtf})` });
        break;
      case 'NO_EXPORT_TO_PARTY_AT_WAR': {
        const war = ctx.wars
          .filter((w) => mayOverlap(w.date, route.window) && w.actors.some((a) => recipientChain.includes(a)))
          .reduce<Event | undefined>((first, w) => (first === undefined || w.id < first.id ? w : first), undefined);
        if (war) {
          reasons.push({
            ...base,
            effect: 'PROHIBITED',
            message: `${route_}: ${r.title}; ${ctx.nameOf(route.recipient)} is a party to "${war.title}" (${war.date.edtf})`,
          });
        }
        break;
      }
      case 'REEXPORT_REQUIRES_CONSENT': {
        const origins = scope.origins ?? [];
        const consentOf = r.consentOf ?? r.imposedBy;
        const isReexport = route.origin !== undefined && origins.includes(route.origin) && !origins.some((o) => supplierChain.includes(o));
        if (isReexport) {
          reasons.push({
            ...base,
            effect: 'REQUIRES_CONSENT',
            consentOf,
            message: `${route_}: ${r.title}: items from ${ctx.nameOf(route.origin!)} need the consent of ${ctx.nameOf(consentOf)}`,
          });
        }
        break;
      }
    }
  }
  return reasons.sort((a, b) => SEVERITY[b.effect] - SEVERITY[a.effect] || (a.restriction < b.restriction ? -1 : a.restriction > b.restriction ? 1 : 0));
}
