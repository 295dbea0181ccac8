// Turns timeline entries into timeline items: day points, ranges for imprecise dates, open ends clipped.
import type { Span, TimelineEntry } from '../api/types.js';
import { boundDay, type DateWindow } from '../state/date-window.js';
import { OPEN_END, OPEN_START } from '../format.js';

/** A lane of the timeline. */
export interface TimelineLane {
  readonly id: string;
  readonly content: string;
}

/** Lanes of an actor's timeline (no route selected). */
export const TIMELINE_GROUPS: readonly TimelineLane[] = [
  { id: 'transfers', content: 'Transfers' },
  { id: 'events', content: 'Events' },
  { id: 'rules', content: 'Rules & aid' },
];

/** Lanes of a route's timeline: one per hop (its deals), then events, then rules and aid. */
export function routeLanes(hops: readonly { readonly from: { readonly name: string }; readonly to: { readonly name: string } }[]): TimelineLane[] {
  return [...hops.map((h, i) => ({ id: hopLane(i), content: `${h.from.name} → ${h.to.name}` })), ...TIMELINE_GROUPS.slice(1)];
}

/** The lane of a route's hop (0-based). */
export function hopLane(index: number): string {
  return `hop-${index + 1}`;
}

/** A lane id. */
export type TimelineGroup = string;

/** One item to draw (DOM-free: the view escapes `text` into the item's content). */
export interface TimelineItem {
  readonly id: string;
  /** The node the entry is about (a status change's transfer). */
  readonly subject: string;
  readonly actors: readonly string[];
  readonly text: string;
  /** Tooltip: kind, title and the date as written with its bounds. */
  readonly title: string;
  readonly start: string;
  /** Exclusive end day, for ranges. */
  readonly end?: string;
  readonly type: 'point' | 'range';
  readonly group: TimelineGroup;
  /** Stacking weight: heavier items (more TIV) are stacked first, at the top of their lane. */
  readonly weight: number;
  /** True when the span starts before the visible window (open or clipped start). */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  readonly className: string;
}

/** The lane of an entry kind. */
export function groupOf(kind: string): TimelineGroup {
  if (kind === 'TRANSFER' || kind === 'STATUS_CHANGE') return 'transfers';
  if (kind === 'RESTRICTION' || kind === 'AID_COMMITMENT') return 'rules';
  return 'events';
}

/** The next calendar day (ranges end exclusive). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The visible window: the controls' window where set, else the known days of `spans`, padded a little. */
export function visibleWindow(
  spans: readonly { readonly earliest: string; readonly latest: string }[],
  window: DateWindow,
  today: string,
): { start: string; end: string } {
  const days: string[] = [];
  for (const s of spans) {
    if (s.earliest !== OPEN_START) days.push(s.earliest);
    if (s.latest !== OPEN_END) days.push(s.latest);
  }
  days.sort();
  const dataStart = days[0] ?? addDays(today, -365);
  const dataEnd = days[days.length - 1] ?? today;
  const span = Math.max(30, (Date.parse(dataEnd) - Date.parse(dataStart)) / 86_400_000);
  const pad = Math.ceil(span * 0.08);
  const start = (window.from !== '' ? boundDay(window.from, 'start') : undefined) ?? addDays(dataStart, -pad);
  const endDay = (window.to !== '' ? boundDay(window.to, 'end') : undefined) ?? addDays(dataEnd, pad);
  return { start, end: nextDay(endDay) };
}

/** A span's date as a tooltip line: "2024-01/.. (range: 2024-01-01 → open end)". */
export function dateTitle(span: Span): string {
  const from = span.earliest === OPEN_START ? 'open start' : span.earliest;
  const to = span.latest === OPEN_END ? 'open end' : span.latest;
  return `${span.edtf} (${span.precision.toLowerCase()}: ${from === to ? from : `${from} → ${to}`})`;
}

/** Where a span sits on the timeline: a point for a single day, else a range (exclusive end), clipped to `visible`. */
export interface Placement {
  readonly start: string;
  readonly end?: string;
  readonly type: 'point' | 'range';
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/**
 * Places a span: a point for a single day, else a range earliest → latest; open or out-of-window ends are clipped
 * to the visible window. A span reaching past both ends of the window, or wholly outside it, still gets a sliver
 * so it can be found.
 */
export function placeSpan(span: { readonly earliest: string; readonly latest: string }, visible: { start: string; end: string }): Placement {
  const { earliest, latest } = span;
  const lastVisible = addDays(visible.end, -1);
  const single = earliest === latest && earliest !== OPEN_START && latest !== OPEN_END;
  if (single) return { start: earliest, type: 'point', clippedStart: false, clippedEnd: false };
  const clippedStart = earliest < visible.start;
  const clippedEnd = latest > lastVisible;
  const start = clippedStart ? visible.start : earliest;
  const endDay = clippedEnd ? lastVisible : latest;
  const end = endDay < start ? nextDay(start) : nextDay(endDay);
  return { start, end, type: 'range', clippedStart, clippedEnd };
}

/** Classes of a placed span: clipped ends, approximate or uncertain dates. */
export function spanClasses(placement: Placement, span: Pick<Span, 'approximate' | 'uncertain'>): string[] {
  const classes: string[] = [];
  if (placement.clippedStart) classes.push('clipped-start');
  if (placement.clippedEnd) classes.push('clipped-end');
  if (span.approximate || span.uncertain) classes.push('approximate');
  return classes;
}

/** "◂ text ▸": the text of a placed span, its clipped ends marked. */
export function markClipped(text: string, placement: Placement): string {
  return `${placement.clippedStart ? '◂ ' : ''}${text}${placement.clippedEnd ? ' ▸' : ''}`;
}

/**
 * One item per entry: a point for a single day, else a range earliest → latest; open or out-of-window ends are
 * clipped to the visible window and marked (◂ / ▸ in the text, a class for a faded edge).
 */
export function toTimelineItems(entries: readonly TimelineEntry[], visible: { start: string; end: string }): TimelineItem[] {
  return entries.map((e) => {
    const placement = placeSpan(e.date, visible);
    const classes = [`kind-${e.kind.toLowerCase().replace(/_/g, '-')}`, ...spanClasses(placement, e.date)];
    return {
      id: e.id, subject: e.subject.id, actors: e.actors.map((a) => a.id),
      text: markClipped(`${e.title} · ${e.date.edtf}`, placement),
      title: `${e.kind.replace(/_/g, ' ').toLowerCase()}: ${e.title}\n${dateTitle(e.date)}`,
      group: groupOf(e.kind), weight: 0, className: classes.join(' '), ...placement,
    };
  });
}

/**
 * The last `years` calendar years up to today, as a window: where an actor's timeline looks when the actor has too
 * many entries to show them all (the oldest would otherwise fill it).
 */
export function recentWindow(today: string, years = 5): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return { from: String(year - years + 1), to: String(year) };
}
