// Timeline items: points for days, ranges for imprecise dates, open ends clipped to the visible window.
import { describe, expect, it } from 'vitest';
import type { Span, TimelineEntry, TimelineKind } from '../../src/web/api/types.js';
import { groupOf, hopLane, nextDay, placeSpan, recentWindow, routeLanes, toTimelineItems, visibleWindow } from '../../src/web/timeline/timeline-items.js';

const span = (edtf: string, earliest: string, latest: string, precision: Span['precision'] = 'RANGE'): Span => ({ edtf, earliest, latest, precision, approximate: false, uncertain: false });
const entry = (id: string, kind: TimelineKind, date: Span, actors: string[] = ['JP']): TimelineEntry => ({
  id, kind, title: `title of ${id}`, date, subject: { id: id.split('#')[0]! }, actors: actors.map((a) => ({ id: a })), systems: [],
});

const POLICY = entry('event:jp-export-rules-2023-12-22', 'POLICY_CHANGE', span('2023-12-22', '2023-12-22', '2023-12-22', 'DAY'));
const BACKFILL = entry('transfer:jp-us', 'TRANSFER', span('2024-01/..', '2024-01-01', '9999-12-31'));
const WSJ = entry('event:wsj', 'REPORT', span('../2023-12-31', '0001-01-01', '2023-12-31'));
const MONTH = entry('transfer:ua-first#status-1', 'STATUS_CHANGE', span('2023-04', '2023-04-01', '2023-04-30', 'MONTH'));

describe('visibleWindow', () => {
  it('uses the controls window where set', () => {
    expect(visibleWindow([POLICY.date], { from: '2022', to: '2024' }, '2025-01-01')).toEqual({ start: '2022-01-01', end: '2025-01-01' });
  });
  it('covers the known days of the entries, padded, ignoring open ends', () => {
    const w = visibleWindow([POLICY, BACKFILL, WSJ, MONTH].map((e) => e.date), { from: '', to: '' }, '2025-01-01');
    expect(w.start < '2023-04-01').toBe(true);
    expect(w.end > '2024-01-01' && w.end < '2025-01-01').toBe(true);
  });
  it('falls back to the year before today, padded, with no known day', () => {
    expect(visibleWindow([], { from: '', to: '' }, '2025-06-30')).toEqual({ start: '2024-05-31', end: '2025-07-31' });
  });
});

describe('toTimelineItems', () => {
  const visible = { start: '2023-01-01', end: '2025-01-01' };
  const [policy, backfill, wsj, month] = toTimelineItems([POLICY, BACKFILL, WSJ, MONTH], visible);

  it('draws a single day as a point', () => {
    expect(policy).toMatchObject({ type: 'point', start: '2023-12-22', group: 'events', clippedStart: false, clippedEnd: false });
    expect(policy!.end).toBeUndefined();
    expect(policy!.text).toBe('title of event:jp-export-rules-2023-12-22 · 2023-12-22');
  });
  it('draws a month as a range to the day after its last day', () => {
    expect(month).toMatchObject({ type: 'range', start: '2023-04-01', end: '2023-05-01', subject: 'transfer:ua-first', group: 'transfers' });
  });
  it('clips an open end to the window and marks it', () => {
    expect(backfill).toMatchObject({ type: 'range', start: '2024-01-01', end: '2025-01-01', clippedEnd: true, clippedStart: false });
    expect(backfill!.text.endsWith(' ▸')).toBe(true);
    expect(backfill!.className).toContain('clipped-end');
    expect(backfill!.title).toContain('open end');
  });
  it('clips an open start to the window and marks it', () => {
    expect(wsj).toMatchObject({ type: 'range', start: '2023-01-01', end: '2024-01-01', clippedStart: true, clippedEnd: false });
    expect(wsj!.text.startsWith('◂ ')).toBe(true);
  });
});

describe('groupOf / nextDay', () => {
  it('puts entries in lanes and steps over month and year ends', () => {
    expect([groupOf('TRANSFER'), groupOf('STATUS_CHANGE'), groupOf('RESTRICTION'), groupOf('AID_COMMITMENT'), groupOf('WAR')]).toEqual([
      'transfers', 'transfers', 'rules', 'rules', 'events',
    ]);
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});

describe('placeSpan', () => {
  const visible = { start: '2022-01-01', end: '2025-01-01' };
  it('gives a span wholly outside the window a sliver at its edge', () => {
    expect(placeSpan({ earliest: '2010-01-01', latest: '2010-12-31' }, visible)).toEqual({ start: '2022-01-01', end: '2022-01-02', type: 'range', clippedStart: true, clippedEnd: false });
  });
  it('keeps a day a point, even outside the window', () => {
    expect(placeSpan({ earliest: '2020-05-01', latest: '2020-05-01' }, visible)).toEqual({ start: '2020-05-01', type: 'point', clippedStart: false, clippedEnd: false });
  });
});

describe('routeLanes / hopLane / recentWindow', () => {
  it('gives a route a lane per hop, named by its actors, then events and rules', () => {
    const hops = [{ from: { name: 'Germany' }, to: { name: 'Czechia' } }, { from: { name: 'Czechia' }, to: { name: 'Ukraine' } }];
    expect(routeLanes(hops)).toEqual([
      { id: 'hop-1', content: 'Germany → Czechia' }, { id: 'hop-2', content: 'Czechia → Ukraine' },
      { id: 'events', content: 'Events' }, { id: 'rules', content: 'Rules & aid' },
    ]);
    expect(hopLane(0)).toBe('hop-1');
  });
  it('looks at the last five years up to today when an actor has too many entries', () => {
    expect(recentWindow('2026-11-29')).toEqual({ from: '2022', to: '2026' });
  });
});
