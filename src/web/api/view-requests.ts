// Sends the requests one view needs, all at once: actor names, paths, the neighbourhood and the timeline.
import { gql } from './client.js';
import { PATHS_QUERY, RESOLVE_QUERY, RESOLVE_TWO_QUERY, SUBGRAPH_QUERY } from './queries.js';
import { loadTimeline, type TimelineResult } from './timeline-load.js';
import type { ActorRef, PathResult, Subgraph } from './types.js';
import { windowInput } from '../state/date-window.js';
import type { ViewState } from '../state/view-state.js';
import { pathWindow } from '../timeline/timeline-items.js';

/** The answers of one view, each a promise (rejections are handled: await the ones you use). */
export interface ViewRequests {
  /** The start and end actors as typed, resolved (null when nothing matches). */
  readonly actors: Promise<{ from: ActorRef | null; to?: ActorRef | null | undefined }>;
  readonly paths: Promise<PathResult>;
  readonly subgraph: Promise<Subgraph>;
  readonly timeline: Promise<TimelineResult>;
}

/**
 * Starts every request of a state in parallel. The timeline falls back to the selected path's years when the
 * actors have too many entries, so it waits for the paths only then.
 */
export function requestView(state: ViewState, depth: number, signal: AbortSignal): ViewRequests {
  const between = windowInput(state.between);
  const filter = { ...(state.system && { system: state.system }), ...(between && { between }) };
  const around = [state.from, state.to].filter(Boolean);
  const actors = state.to
    ? gql(RESOLVE_TWO_QUERY, { from: state.from, to: state.to }, { signal })
    : gql(RESOLVE_QUERY, { from: state.from }, { signal });
  const options = { order: state.order, maxHops: state.maxHops, ...filter };
  const paths: Promise<PathResult> = state.to
    ? gql(PATHS_QUERY, { from: state.from, to: state.to, options }, { signal }).then((d) => d.transferPaths)
    : Promise.resolve({ paths: [], truncated: false });
  const subgraph = gql(SUBGRAPH_QUERY, { around, depth, filter }, { signal }).then((d) => d.subgraph);
  const focus = paths.then((r) => pathWindow(r.paths[state.path] ?? r.paths[0])).catch(() => undefined);
  const timeline = loadTimeline({ actors: around, system: state.system || undefined, between, focus }, { signal });
  for (const p of [actors, paths, subgraph, timeline]) p.catch(() => undefined);
  return { actors, paths, subgraph, timeline };
}
