// Turns timeline entries into timeline items: day points, ranges for imprecise dates, open ends clipped.
import type { Path, Span, TimelineEntry } from '../api/types.js';
import { boundDay, type DateWindow } from '../state/date-window.js';
import { OPEN_END, OPEN_START } from '../format.js';

/** Lanes of the timeline. */
export const TIMELINE_GROUPS = [
  { id: 'transfers', content: 'Transfers' },
  { id: 'events', content: 'Events' },
  { id: 'rules', content: 'Rules & aid' },
] as const;

/** A lane id. */
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number]['id'];

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

/** The visible window: the controls' window where set, else the entries' known days, padded a little. */
export function visibleWindow(entries: readonly TimelineEntry[], window: DateWindow, today: string): { start: string; end: string } {
  const days: string[] = [];
  for (const e of entries) {
    if (e.date.earliest !== OPEN_START) days.push(e.date.earliest);
    if (e.date.latest !== OPEN_END) days.push(e.date.latest);
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

function dateTitle(span: Span): string {
  const from = span.earliest === OPEN_START ? 'open start' : span.earliest;
  const to = span.latest === OPEN_END ? 'open end' : span.latest;
  return `${span.edtf} (${span.precision.toLowerCase()}: ${from === to ? from : `${from} → ${to}`})`;
}

/**
 * One item per entry: a point for a single day, else a range earliest → latest; open or out-of-window ends are
 * clipped to the visible window and marked (◂ / ▸ in the text, a class for a faded edge).
 */
export function toTimelineItems(entries: readonly TimelineEntry[], visible: { start: string; end: string }): TimelineItem[] {
  const lastVisible = addDays(visible.end, -1);
  return entries.map((e) => {
    const { earliest, latest } = e.date;
    const single = earliest === latest && earliest !== OPEN_START && latest !== OPEN_END;
    const clippedStart = !single && earliest < visible.start;
    const clippedEnd = !single && latest > lastVisible;
    const start = clippedStart ? visible.start : earliest;
    const endDay = clippedEnd ? lastVisible : latest;
    const text = `${clippedStart ? '◂ ' : ''}${e.title} · ${e.date.edtf}${clippedEnd ? ' ▸' : ''}`;
    const classes = [`kind-${e.kind.toLowerCase().replace(/_/g, '-')}`];
    if (clippedStart) classes.push('clipped-start');
    if (clippedEnd) classes.push('clipped-end');
    if (e.date.approximate || e.date.uncertain) classes.push('approximate');
    const base = {
      id: e.id, subject: e.subject.id, actors: e.actors.map((a) => a.id), text,
      title: `${e.kind.replace(/_/g, ' ').toLowerCase()}: ${e.title}\n${dateTitle(e.date)}`,
      group: groupOf(e.kind), clippedStart, clippedEnd,
    };
    if (single) return { ...base, start: earliest, type: 'point' as const, className: classes.join(' ') };
    // A span reaching past both ends of the window, or wholly outside it, still gets a sliver so it can be found.
    const end = endDay < start ? nextDay(start) : nextDay(endDay);
    return { ...base, start, end, type: 'range' as const, className: classes.join(' ') };
  });
}

/**
 * The years around a path (its hops' known days, `pad` years either side), as a window: where the timeline
 * looks when the actors have too many entries to show them all. Undefined when no hop has a known day.
 */
export function pathWindow(path: Path | undefined, pad = 2): { from: string; to: string } | undefined {
  if (path === undefined) return undefined;
  const days: string[] = [];
  for (const hop of path.hops) {
    if (hop.transfer.date.earliest !== OPEN_START) days.push(hop.transfer.date.earliest);
    if (hop.transfer.date.latest !== OPEN_END) days.push(hop.transfer.date.latest);
  }
  if (days.length === 0) return undefined;
  days.sort();
  const year = (day: string) => Number(day.slice(0, 4));
  return { from: String(year(days[0]!) - pad).padStart(4, '0'), to: String(year(days[days.length - 1]!) + pad).padStart(4, '0') };
}
