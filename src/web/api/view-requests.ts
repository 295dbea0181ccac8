// Sends the requests one view needs, all at once: actor names, the first page of routes and the neighbourhood.
import { gql } from './client.js';
import { RESOLVE_QUERY, RESOLVE_TWO_QUERY, SUBGRAPH_QUERY } from './queries.js';
import { loadRoutePage, routeQuestion } from './route-load.js';
import type { ActorRef, RoutePage, Subgraph } from './types.js';
import { windowInput } from '../state/date-window.js';
import type { ViewState } from '../state/view-state.js';

/** The answers of one view, each a promise (rejections are handled: await the ones you use). */
export interface ViewRequests {
  /** The start and end actors as typed, resolved (null when nothing matches). */
  readonly actors: Promise<{ from: ActorRef | null; to?: ActorRef | null | undefined }>;
  /** The first page of routes (undefined without an end actor). */
  readonly routes: Promise<RoutePage | undefined>;
  readonly subgraph: Promise<Subgraph>;
}

/** Starts every request of a state in parallel (the timeline waits for the routes: it draws the selected one's deals). */
export function requestView(state: ViewState, depth: number, signal: AbortSignal): ViewRequests {
  const between = windowInput(state.between);
  const filter = { ...(state.system && { system: state.system }), ...(between && { between }) };
  const around = [state.from, state.to].filter(Boolean);
  const actors = state.to
    ? gql(RESOLVE_TWO_QUERY, { from: state.from, to: state.to }, { signal })
    : gql(RESOLVE_QUERY, { from: state.from }, { signal });
  const routes = state.to ? loadRoutePage(routeQuestion(state), null, { signal }) : Promise.resolve(undefined);
  const subgraph = gql(SUBGRAPH_QUERY, { around, depth, filter }, { signal }).then((d) => d.subgraph);
  for (const p of [actors, routes, subgraph]) p.catch(() => undefined);
  return { actors, routes, subgraph };
}
