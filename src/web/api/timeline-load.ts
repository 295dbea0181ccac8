// Loads the timeline for the controls: entries of the actors (and system), plus system-less context events.
import { gql, type RequestOptions } from './client.js';
import { TIMELINE_QUERY } from './queries.js';
import type { TimelineFilter, TimelineKind } from './generated/graphql.js';
import type { TimelineEntry, TimelinePage } from './types.js';

/** Most entries drawn: one page of 100 (a timeline of more is unreadable; a window narrows it). */
export const TIMELINE_MAX_ENTRIES = 100;

/** Entry kinds that may concern no system: policy changes, wars, statements, rules and aid (all but transfers). */
export const CONTEXT_KINDS: readonly TimelineKind[] = [
  'RESTRICTION', 'POLICY_CHANGE', 'ANNOUNCEMENT', 'STATEMENT', 'COMBAT_USE', 'WARNING', 'WAR', 'AID_COMMITMENT', 'PRODUCTION', 'REPORT',
];

/** A window as the API's DateWindow input. */
export interface WindowInput {
  from?: string;
  to?: string;
}

/** What to load. */
export interface TimelineRequest {
  readonly actors: readonly string[];
  readonly system?: string | undefined;
  readonly between?: WindowInput | undefined;
  /** Only entries of these kinds (a route's timeline takes its transfers from the route: CONTEXT_KINDS). */
  readonly kinds?: readonly TimelineKind[] | undefined;
  /**
   * Where to look when the actors have more entries than fit and no window is set (the last few years): the
   * oldest entries would otherwise fill the timeline.
   */
  readonly focus?: WindowInput | undefined;
}

/** Loaded entries, in timeline order, and how many matched in all. */
export interface TimelineResult {
  readonly entries: TimelineEntry[];
  readonly total: number;
  /** The window used instead of none, when the entries were too many (see TimelineRequest.focus). */
  readonly focused?: WindowInput | undefined;
}

async function pages(
  filter: TimelineFilter,
  max: number,
  options: RequestOptions,
  tooMany?: (total: number) => Promise<boolean>,
): Promise<{ entries: TimelineEntry[]; total: number } | undefined> {
  const entries: TimelineEntry[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    // Typed by hand: the next `after` comes from this page, a cycle TypeScript's inference does not follow.
    const page: { timeline: TimelinePage } = await gql(TIMELINE_QUERY, { filter, first: 100, ...(after !== null && { after }) }, options);
    total = page.timeline.totalCount;
    if (after === null && total > max && tooMany !== undefined && (await tooMany(total))) return undefined;
    entries.push(...page.timeline.nodes);
    after = page.timeline.pageInfo.hasNextPage ? page.timeline.pageInfo.endCursor : null;
  } while (after !== null && entries.length < max);
  return { entries, total };
}

/** Timeline order: earliest, then latest, then id. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return a.date.earliest.localeCompare(b.date.earliest) || a.date.latest.localeCompare(b.date.latest) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Loads the entries of the actors, filtered by system and window. With a system, entries about no system at
 * all (a policy change, a war, aid) are general context and are added: a system filter would hide them.
 * When more entries match than fit and no window is set, the request's focus window is used instead.
 */
export async function loadTimeline(request: TimelineRequest, options: RequestOptions = {}): Promise<TimelineResult> {
  let between = request.between;
  let focused: WindowInput | undefined;
  const systems = request.system ? { systems: [request.system] } : {};
  const kinds = request.kinds ? { kinds: request.kinds } : {};
  const filter = () => ({ actors: request.actors, ...(between !== undefined && { between }) });
  // Too many entries and no window: narrow to the focus window (when there is one) and start again.
  const tooMany = async () => {
    if (between !== undefined || request.focus === undefined) return false;
    focused = request.focus;
    between = focused;
    return true;
  };
  const found =
    (await pages({ ...filter(), ...systems, ...kinds }, TIMELINE_MAX_ENTRIES, options, tooMany)) ??
    (await pages({ ...filter(), ...systems, ...kinds }, TIMELINE_MAX_ENTRIES, options))!;
  const context = request.system ? await pages({ ...filter(), kinds: CONTEXT_KINDS }, 100, options) : undefined;
  const extra = context ? context.entries.filter((e) => e.systems.length === 0) : [];
  const seen = new Set(found.entries.map((e) => e.id));
  const entries = [...found.entries, ...extra.filter((e) => !seen.has(e.id))].sort(compareEntries);
  return { entries, total: found.total + extra.length, focused };
}
