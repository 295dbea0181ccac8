// Restriction evaluation (DESIGN §5 "Checks"): rules are data, evaluated against a route and a time span.
import type { Event, Restriction } from '../domain/model.js';
import { mayOverlap, type DayWindow } from '../domain/time.js';
import type { CheckReason, Verdict } from './types.js';
import type { Hierarchy } from './hierarchy.js';
import { appendTo } from './lists.js';

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

/**
 * Restrictions grouped by what a route must have for them to bear on it: the suppliers they name; for re-export
 * consent naming no supplier, the origins they name; the rest bear on any route.
 */
interface RestrictionIndex {
  readonly always: readonly Restriction[];
  readonly bySupplier: ReadonlyMap<string, readonly Restriction[]>;
  readonly consentByOrigin: ReadonlyMap<string, readonly Restriction[]>;
}

const indexes = new WeakMap<readonly Restriction[], RestrictionIndex>();

function add<T>(index: Map<string, T[]>, keys: readonly string[], r: T): void {
  for (const key of new Set(keys)) appendTo(index, key, r);
}

/**
 * The lists of restrictions that may bear on a route: those naming none of the supplier chain's actors as
 * suppliers cannot, nor can a consent rule naming neither suppliers nor the route's origin. Made once per list of
 * restrictions (a store's context keeps one list per load): a page of routes checks thousands of hops. A
 * restriction is in two lists only when it names two actors of the chain (the caller reads it once).
 */
function restrictionLists(restrictions: readonly Restriction[], supplierChain: readonly string[], origin: string | undefined): (readonly Restriction[])[] {
  let index = indexes.get(restrictions);
  if (!index) {
    const always: Restriction[] = [];
    const bySupplier = new Map<string, Restriction[]>();
    const consentByOrigin = new Map<string, Restriction[]>();
    for (const r of restrictions) {
      const { suppliers, origins } = r.appliesTo;
      if (suppliers !== undefined && suppliers.length > 0) add(bySupplier, suppliers, r);
      else if (r.rule === 'REEXPORT_REQUIRES_CONSENT') add(consentByOrigin, origins ?? [], r);
      else always.push(r);
    }
    indexes.set(restrictions, (index = { always, bySupplier, consentByOrigin }));
  }
  const lists: (readonly Restriction[])[] = [index.always];
  for (const a of supplierChain) {
    const list = index.bySupplier.get(a);
    if (list !== undefined) lists.push(list);
  }
  const consent = origin === undefined ? undefined : index.consentByOrigin.get(origin);
  if (consent !== undefined) lists.push(consent);
  return lists;
}

const warIndexes = new WeakMap<readonly Event[], ReadonlyMap<string, readonly Event[]>>();

/** The war with the least id in which one of `actors` is a party during `window` (wars indexed by party, once per list). */
function warOf(wars: readonly Event[], actors: readonly string[], window: DayWindow): Event | undefined {
  let index = warIndexes.get(wars);
  if (!index) {
    const byActor = new Map<string, Event[]>();
    for (const w of wars) add(byActor, w.actors, w);
    warIndexes.set(wars, (index = byActor));
  }
  let first: Event | undefined;
  for (const a of actors) for (const w of index.get(a) ?? []) if ((first === undefined || w.id < first.id) && mayOverlap(w.date, window)) first = w;
  return first;
}

/** A route as its reasons name it: supplier → recipient. */
const routeLabel = (route: Route, ctx: CheckContext): string => `${ctx.nameOf(route.supplier)} → ${ctx.nameOf(route.recipient)}`;

/** Evaluates every restriction in force during the route's window; returns the reasons that bear on it. */
export function evaluateRoute(route: Route, ctx: CheckContext, hop: number | null = null): CheckReason[] {
  const supplierChain = ctx.actors.ancestorsOrSelf(route.supplier);
  const recipientChain = ctx.actors.ancestorsOrSelf(route.recipient);
  const systemChain = route.system === undefined ? undefined : ctx.systems.ancestorsOrSelf(route.system);
  const reasons: CheckReason[] = [];
  const lists = restrictionLists(ctx.restrictions, supplierChain, route.origin);
  const seen = lists.length > 2 ? new Set<Restriction>() : undefined;
  for (const list of lists) for (const r of list) {
    if (seen !== undefined) {
      if (seen.has(r)) continue;
      seen.add(r);
    }
    if (!mayOverlap(r.inForce, route.window)) continue;
    const scope = r.appliesTo;
    if (!intersects(scope.suppliers, supplierChain)) continue;
    if (!intersects(scope.recipients, recipientChain)) continue;
    if (systemChain !== undefined && !intersects(scope.systems, systemChain)) continue;
    // Reasons are made as literals (no spread of shared fields): a route page makes about a hundred of them.
    const { id: restriction, rule, citations } = r;
    switch (rule) {
      case 'NO_ARMS_EXPORT':
        reasons.push({ restriction, rule, citations, hop, effect: 'PROHIBITED', message: `${routeLabel(route, ctx)}: ${r.title} (in force ${r.inForce.edtf})` });
        break;
      case 'NO_EXPORT_TO_PARTY_AT_WAR': {
        const war = warOf(ctx.wars, recipientChain, route.window);
        if (war) {
          const message = `${routeLabel(route, ctx)}: ${r.title}; ${ctx.nameOf(route.recipient)} is a party to "${war.title}" (${war.date.edtf})`;
          reasons.push({ restriction, rule, citations, hop, effect: 'PROHIBITED', message });
        }
        break;
      }
      case 'REEXPORT_REQUIRES_CONSENT': {
        const origins = scope.origins ?? [];
        const consentOf = r.consentOf ?? r.imposedBy;
        const isReexport = route.origin !== undefined && origins.includes(route.origin) && !origins.some((o) => supplierChain.includes(o));
        if (isReexport) {
          const message = `${routeLabel(route, ctx)}: ${r.title}: items from ${ctx.nameOf(route.origin!)} need the consent of ${ctx.nameOf(consentOf)}`;
          reasons.push({ restriction, rule, citations, hop, effect: 'REQUIRES_CONSENT', consentOf, message });
        }
        break;
      }
    }
  }
  return reasons.sort((a, b) => SEVERITY[b.effect] - SEVERITY[a.effect] || (a.restriction < b.restriction ? -1 : a.restriction > b.restriction ? 1 : 0));
}
