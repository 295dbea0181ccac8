// An actor's timeline, when no route is selected: its entries in the three lanes, the window, and what is shown.
import type { TimelineRequest, TimelineResult } from '../api/timeline-load.js';
import { windowInput, type DateWindow } from '../state/date-window.js';
import type { ViewState } from '../state/view-state.js';
import { recentWindow, toTimelineItems, visibleWindow, type TimelineItem } from './timeline-items.js';

/** What to load for the start and end actors' timeline: their entries (with the system) in the controls' window. */
export function actorTimelineRequest(state: ViewState, today: string): TimelineRequest {
  return {
    actors: [state.from, state.to].filter(Boolean),
    system: state.system || undefined,
    between: windowInput(state.between),
    focus: recentWindow(today),
  };
}

/** What the timeline draws of an actor's entries, and the line that says how many. */
export interface ActorTimelineView {
  readonly items: TimelineItem[];
  readonly visible: { start: string; end: string };
  readonly summary: string;
}

/**
 * The items and window of loaded entries: the controls' window, or the one the loader fell back to when the actors
 * had too many entries (said in the summary).
 */
export function actorTimeline(result: TimelineResult, between: DateWindow, today: string): ActorTimelineView {
  const window = result.focused ? { from: result.focused.from ?? '', to: result.focused.to ?? '' } : between;
  const visible = visibleWindow(result.entries.map((e) => e.date), window, today);
  const n = result.entries.length;
  const shown = n < result.total ? `${n} of ${result.total} entries` : `${n} entr${n === 1 ? 'y' : 'ies'}`;
  const summary = result.focused
    ? `${shown} in ${result.focused.from}–${result.focused.to}, the last years (too many to show all: set a window)`
    : n < result.total
      ? `${shown} (narrow the controls to see the rest)`
      : shown;
  return { items: toTimelineItems(result.entries, visible), visible, summary };
}
