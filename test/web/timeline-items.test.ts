// Timeline items: points for days, ranges for imprecise dates, open ends clipped to the visible window.
import { describe, expect, it } from 'vitest';
import type { Path, Span, TimelineEntry, TimelineKind } from '../../src/web/api/types.js';
import { groupOf, nextDay, pathWindow, toTimelineItems, visibleWindow } from '../../src/web/timeline/timeline-items.js';

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
    expect(visibleWindow([POLICY], { from: '2022', to: '2024' }, '2025-01-01')).toEqual({ start: '2022-01-01', end: '2025-01-01' });
  });
  it('covers the known days of the entries, padded, ignoring open ends', () => {
    const w = visibleWindow([POLICY, BACKFILL, WSJ, MONTH], { from: '', to: '' }, '2025-01-01');
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

describe('pathWindow', () => {
  it('is undefined without a path or a known day', () => {
    expect(pathWindow(undefined)).toBeUndefined();
    const open = { hops: [{ transfer: { date: span('..', '0001-01-01', '9999-12-31') } }] } as unknown as Path;
    expect(pathWindow(open)).toBeUndefined();
  });
  it('spans the known years of the hops, padded', () => {
    const path = { hops: [{ transfer: { date: BACKFILL.date } }, { transfer: { date: span('2022', '2022-01-01', '2022-12-31', 'YEAR') } }] } as unknown as Path;
    expect(pathWindow(path)).toEqual({ from: '2020', to: '2026' });
  });
});
