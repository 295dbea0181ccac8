// A route's deals on the timeline: a SIPRI deal as one item per delivery year, an article fact as its span.
import { describe, expect, it } from 'vitest';
import type { HopDeal, Span } from '../../src/web/api/types.js';
import { dealItems, deliveryCounts, type HopDeals } from '../../src/web/timeline/deal-items.js';

const span = (edtf: string, earliest: string, latest: string, precision: Span['precision'] = 'RANGE'): Span => ({ edtf, earliest, latest, precision, approximate: false, uncertain: false });
const delivery = (year: number, units: number | null, tiv: number | null, estimated = false) => ({ year, yearEstimated: false, units, unitsEstimated: estimated, tiv });
const sipriDeal = (id: string, deliveries: ReturnType<typeof delivery>[], date = span('2022/2023', '2022-01-01', '2023-12-31')): HopDeal => ({
  id, status: 'DELIVERED', kind: 'UNKNOWN', date, quantity: { exact: 15, min: null, max: null, text: null },
  system: { id: 'system:leopard-2a4', name: 'Leopard-2A4' }, statusHistory: [],
  sipri: { dealId: id.replace('transfer:sipri-', ''), designation: 'Leopard-2A4', orderYear: 2022, orderYearEstimated: false, deliveries },
});
const hop = (deals: HopDeal[]): HopDeals => ({ index: 0, from: { id: 'DE', name: 'Germany' }, to: { id: 'CZ', name: 'Czechia' }, deals });
const visible = { start: '2022-01-01', end: '2025-01-01' };

describe('dealItems', () => {
  it('draws a SIPRI deal as one item per delivery year, with its units and TIV, in the hop lane', () => {
    const items = dealItems(hop([sipriDeal('transfer:sipri-65515', [delivery(2022, 1, 1.6), delivery(2023, 13, 20.8, true)])]), visible);
    expect(items.map((i) => [i.id, i.subject, i.start, i.end, i.type, i.group])).toEqual([
      ['transfer:sipri-65515@2022', 'transfer:sipri-65515', '2022-01-01', '2022-12-31', 'range', 'hop-1'],
      ['transfer:sipri-65515@2023', 'transfer:sipri-65515', '2023-01-01', '2023-12-31', 'range', 'hop-1'],
    ]);
    expect(items[0]!.text).toBe('Leopard-2A4 ×1 · TIV 1.6');
    expect(items[1]!.text).toBe('Leopard-2A4 ×13~ · TIV 20.8');
    expect(items[1]!.className).toBe('kind-delivery approximate');
    expect(items[1]!.weight).toBe(20.8);
    expect(items[0]!.title).toContain('Germany → Czechia: Leopard-2A4 (SIPRI deal 65515)\ndelivered in 2022: 1 unit, 1.6 m TIV\nordered 2022');
    expect(items[0]!.actors).toEqual(['DE', 'CZ']);
  });

  it('draws a SIPRI deal with no delivery over its date, saying so', () => {
    const [item] = dealItems(hop([sipriDeal('transfer:sipri-1', [], span('2024', '2024-01-01', '2024-12-31', 'YEAR'))]), visible);
    expect(item).toMatchObject({ id: 'transfer:sipri-1', type: 'range', start: '2024-01-01', end: '2025-01-01', className: 'kind-transfer' });
    expect(item!.text).toBe('Leopard-2A4 · delivered, no delivery recorded · 2024');
  });

  it('draws an article fact over its date, clipped and marked, and each status change', () => {
    const fact: HopDeal = {
      id: 'transfer:jp-us', status: 'PLANNED', kind: 'BACKFILL', date: span('2024-01/..', '2024-01-01', '9999-12-31'), quantity: null,
      system: { id: 'system:patriot-missile', name: 'Patriot missile' }, sipri: null,
      statusHistory: [{ status: 'PLANNED', date: span('2023-12-22', '2023-12-22', '2023-12-22', 'DAY') }],
    };
    const [transfer, change] = dealItems(hop([fact]), visible);
    expect(transfer).toMatchObject({ start: '2024-01-01', end: '2025-01-01', clippedEnd: true, text: 'Patriot missile (planned, backfill) · 2024-01/.. ▸' });
    expect(transfer!.className).toBe('kind-transfer clipped-end');
    expect(change).toMatchObject({ id: 'transfer:jp-us#status-1', subject: 'transfer:jp-us', type: 'point', start: '2023-12-22', text: 'Patriot missile: status PLANNED · 2023-12-22' });
  });
});

describe('deliveryCounts', () => {
  it('counts delivery years and those in view', () => {
    const items = dealItems(hop([sipriDeal('transfer:sipri-2', [delivery(2010, 2, 3), delivery(2022, 1, 1)])]), visible);
    expect(deliveryCounts(items, visible)).toEqual({ deliveries: 2, inWindow: 1 });
  });
});
