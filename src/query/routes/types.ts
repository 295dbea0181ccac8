// The route question's vocabulary: candidates, options, hop evidence, routes found and the search's answer.
import type { PathCandidate, ResolvedPathOptions } from '../paths.js';

/** A transfer as route search reads it: what path search needs, plus what a hop's evidence sums. */
export interface RouteCandidate extends PathCandidate {
  /** The SIPRI category of the deal, or the system's category. */
  readonly category: string;
  /** Units and TIV delivered by year (SIPRI deals); empty when the source gives no delivery rows. */
  readonly deliveries: readonly RouteDelivery[];
  /** Units of a DELIVERED transfer without delivery rows (its exact quantity), else null. */
  readonly units: number | null;
}

/** One delivery year of a deal. */
export interface RouteDelivery {
  readonly year: number;
  readonly units: number | null;
  readonly tiv: number | null;
}

/** How routes are ranked. */
export type RouteOrderBy = 'EVIDENCE' | 'RECENT' | 'EARLIEST_ARRIVAL' | 'FEWEST_HOPS';
/** The rankings, in SDL order. */
export const ROUTE_ORDERS: readonly RouteOrderBy[] = ['EVIDENCE', 'RECENT', 'EARLIEST_ARRIVAL', 'FEWEST_HOPS'];

/** Route options with every default applied and every bound checked. */
export interface ResolvedRouteOptions extends Omit<ResolvedPathOptions, 'limit'> {
  /** Actors every route must pass through (ids). */
  readonly via: readonly string[];
  /** Actors no route may pass through (ids). */
  readonly avoid: readonly string[];
  /** Only transfers of these categories (SIPRI's, or the system's). */
  readonly categories?: readonly string[];
  /** Fewest deals each hop must have. */
  readonly minDeals: number;
  /** Least TIV (millions) each hop must have delivered in the window. */
  readonly minTiv: number;
  readonly orderBy: RouteOrderBy;
}

/** Most actor-to-actor steps a route search takes before it stops and says what it covered. */
export const ROUTE_EXPANSION_BUDGET = 400_000;

/** The evidence of one hop: every transfer between two actors that passes the hop filter. */
export interface HopEvidence {
  readonly from: string;
  readonly to: string;
  readonly deals: number;
  /** Units delivered (in the window's years for SIPRI deals), or null when none is known. */
  readonly units: number | null;
  /** SIPRI TIV delivered in the window's years, in millions, or null when no deal of the hop has TIV. */
  readonly tiv: number | null;
  /** From the earliest start to the latest end of the hop's transfers. */
  readonly span: { readonly earliest: string; readonly latest: string };
  /** The hop's last active day: the latest, over its transfers, of each one's end (its start when the end is open). */
  readonly lastDay: string;
  readonly systems: readonly string[];
  readonly categories: readonly string[];
  /** The hop's transfers in time order (earliest, latest, id). */
  readonly transfers: readonly RouteCandidate[];
}

/** One route found: its actors, each hop's evidence, the witness chain and what ranking reads. */
export interface FoundRoute {
  /** `A>B>C`: the route's identity (and its cursor). */
  readonly id: string;
  readonly actors: readonly string[];
  readonly hops: readonly HopEvidence[];
  /**
   * Per hop, the transfers some allowed chain from the start reaches (time order); on the last hop each ends a
   * whole chain, on earlier hops some may lead nowhere (witness, chains and counts work back from the last hop).
   */
  readonly feasible: readonly (readonly RouteCandidate[])[];
  /** The weakest hop's TIV (0 when unknown): the EVIDENCE score. */
  readonly score: number;
}

/** All routes of a question, and whether the search saw them all. */
export interface RouteSearch {
  readonly routes: readonly FoundRoute[];
  /** False when the expansion budget stopped the search: `routes` holds what was found until then. */
  readonly complete: boolean;
  /** Actor-to-actor steps taken. */
  readonly expansions: number;
  /** Every route with at most this many hops was found (maxHops when complete). */
  readonly hopsCovered: number;
}
