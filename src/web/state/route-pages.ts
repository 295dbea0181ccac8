// The routes of one question loaded so far, page after page, with their cursors, the count and the graph's routes.
import { loadRoutePage, routeEntries, type RouteEntry, type RouteQuestion } from '../api/route-load.js';
import type { Route, RoutePage } from '../api/types.js';
import { toGraphRoute, type GraphRoute } from '../graph/graph-model.js';
import type { RouteCount } from '../panels/route-text.js';

/** Most pages read to find the route a shared URL selects. */
export const FIND_ROUTE_PAGES = 5;

/** How complete the search was, and where the next page starts. */
export type RoutePagesCount = RouteCount & { readonly hasNextPage: boolean; readonly endCursor: string | null };

const NONE: RoutePagesCount = { totalCount: 0, complete: true, hopsCovered: 0, hasNextPage: false, endCursor: null };

function countOf(page: RoutePage): RoutePagesCount {
  return { totalCount: page.totalCount, complete: page.complete, hopsCovered: page.hopsCovered, hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor ?? null };
}

/** The routes loaded for one question (none without an end actor). */
export class RoutePages {
  private loaded: RouteEntry[] = [];
  private drawn: GraphRoute[] = [];
  private counted: RoutePagesCount = NONE;

  /** `question` undefined: no end actor, so no routes. */
  constructor(readonly question?: RouteQuestion, first?: RoutePage) {
    if (first !== undefined) this.add(first, null);
  }

  private add(page: RoutePage, after: string | null): void {
    this.loaded = [...this.loaded, ...routeEntries(page, after)];
    this.drawn = this.loaded.map((r) => toGraphRoute(r.route));
    this.counted = countOf(page);
  }

  /** The loaded routes with their cursors. */
  get entries(): readonly RouteEntry[] {
    return this.loaded;
  }

  /** The loaded routes. */
  get routes(): Route[] {
    return this.loaded.map((r) => r.route);
  }

  /** The loaded routes as the graph draws them. */
  get graphRoutes(): readonly GraphRoute[] {
    return this.drawn;
  }

  get count(): RoutePagesCount {
    return this.counted;
  }

  /** Index of a route by id, or -1. */
  indexOf(id: string): number {
    return this.loaded.findIndex((r) => r.route.id === id);
  }

  /** Loads the next page (after the last cursor). */
  async more(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.question === undefined || !this.counted.hasNextPage) return;
    const after = this.counted.endCursor;
    this.add(await loadRoutePage(this.question, after, options), after);
  }

  /** Reads more pages (a few at most) until the route `id` is loaded. */
  async find(id: string, signal: AbortSignal): Promise<void> {
    for (let i = 0; i < FIND_ROUTE_PAGES && this.indexOf(id) < 0 && this.counted.hasNextPage; i += 1) await this.more({ signal });
  }
}
