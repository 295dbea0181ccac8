// Turns a route's deals into timeline items: a SIPRI deal as its deliveries by year, an article fact as its span.
import type { HopDeal } from '../api/types.js';
import { quantityText, tivFigure } from '../format.js';
import { dateTitle, hopLane, markClipped, placeSpan, spanClasses, type TimelineItem } from './timeline-items.js';

/** One hop of a route with the deals loaded for it. */
export interface HopDeals {
  /** 0-based index of the hop in its route. */
  readonly index: number;
  readonly from: { readonly id: string; readonly name: string };
  readonly to: { readonly id: string; readonly name: string };
  readonly deals: readonly HopDeal[];
}

const num = (n: number) => n.toLocaleString('en-US');

/** "14 units", "14~ units" (estimate), "units unknown". */
function unitsText(units: number | null, estimated: boolean): string {
  return units == null ? 'units unknown' : `${num(units)}${estimated ? '~' : ''} unit${units === 1 ? '' : 's'}`;
}

/** "24.7 m TIV", "TIV unknown". */
function tivText(tiv: number | null): string {
  return tiv == null ? 'TIV unknown' : `${tivFigure(tiv)} m TIV`;
}

/** "Germany → Czechia: Leopard-2A4 (SIPRI deal 65515)". */
function dealTitle(hop: HopDeals, deal: HopDeal): string {
  const what = `${hop.from.name} → ${hop.to.name}: ${deal.system.name}`;
  return deal.sipri ? `${what} (SIPRI deal ${deal.sipri.dealId})` : what;
}

/**
 * Timeline items of one hop's deals, in the hop's lane (whose label names supplier and recipient; tooltips too). A SIPRI deal is one item per delivery year (the whole year,
 * with its units and TIV; estimated years and units dotted), or, with no delivery recorded, one item over its date.
 * An article fact is one item over its date (clipped and marked like any entry) plus one per status change.
 */
export function dealItems(hop: HopDeals, visible: { start: string; end: string }): TimelineItem[] {
  const items: TimelineItem[] = [];
  const group = hopLane(hop.index);
  const actors = [hop.from.id, hop.to.id];
  for (const deal of hop.deals) {
    const title = dealTitle(hop, deal);
    const sipri = deal.sipri;
    if (sipri && sipri.deliveries.length > 0) {
      const ordered = sipri.orderYear == null ? 'order year unknown' : `ordered ${sipri.orderYear}${sipri.orderYearEstimated ? ' (estimate)' : ''}`;
      for (const d of sipri.deliveries) {
        const start = `${String(d.year).padStart(4, '0')}-01-01`;
        const classes = ['kind-delivery'];
        if (d.yearEstimated || d.unitsEstimated) classes.push('approximate');
        items.push({
          id: `${deal.id}@${d.year}`,
          subject: deal.id,
          actors,
          text: `${deal.system.name} ×${d.units == null ? '?' : `${num(d.units)}${d.unitsEstimated ? '~' : ''}`} · TIV ${d.tiv == null ? '?' : tivFigure(d.tiv)}`,
          title:
            `${title}\ndelivered in ${d.year}${d.yearEstimated ? ' (estimated year)' : ''}: ${unitsText(d.units, d.unitsEstimated)}, ${tivText(d.tiv)}\n` +
            `${ordered}; deal ${deal.status.toLowerCase()} ${deal.date.edtf}`,
          start,
          // To Dec 31, not past it: a day short, so the next year's bar of the same deal fits in the same row.
          end: `${String(d.year).padStart(4, '0')}-12-31`,
          type: 'range',
          group,
          weight: d.tiv ?? 0,
          clippedStart: false,
          clippedEnd: false,
          className: classes.join(' '),
        });
      }
      continue;
    }
    const placement = placeSpan(deal.date, visible);
    const status = deal.status.toLowerCase();
    const text = sipri
      ? `${deal.system.name} · ${status}, no delivery recorded · ${deal.date.edtf}`
      : `${deal.system.name} (${status}, ${deal.kind.toLowerCase()}) · ${deal.date.edtf}`;
    items.push({
      id: deal.id,
      subject: deal.id,
      actors,
      text: markClipped(text, placement),
      title: `${title} (${status})\nquantity: ${quantityText(deal.quantity)}\n${dateTitle(deal.date)}`,
      group,
      weight: 0,
      className: ['kind-transfer', ...spanClasses(placement, deal.date)].join(' '),
      ...placement,
    });
    deal.statusHistory.forEach((change, i) => {
      const at = placeSpan(change.date, visible);
      items.push({
        id: `${deal.id}#status-${i + 1}`,
        subject: deal.id,
        actors,
        text: markClipped(`${deal.system.name}: status ${change.status} · ${change.date.edtf}`, at),
        title: `${title}: status ${change.status}\n${dateTitle(change.date)}`,
        group,
        weight: 0,
        className: ['kind-status-change', ...spanClasses(at, change.date)].join(' '),
        ...at,
      });
    });
  }
  return items;
}

/** Deliveries of a route's deals, in numbers: how many delivery-year items, and how many fall in the window. */
export function deliveryCounts(items: readonly TimelineItem[], visible: { start: string; end: string }): { deliveries: number; inWindow: number } {
  const deliveries = items.filter((i) => i.className.includes('kind-delivery'));
  return { deliveries: deliveries.length, inWindow: deliveries.filter((i) => i.start < visible.end && (i.end ?? i.start) > visible.start).length };
}
