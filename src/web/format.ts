// Text for dates, quantities, amounts and SIPRI TIV, shared by the panels (no DOM).
import type { Amount, Quantity, SipriDeal, Span } from './api/types.js';

/** The API's open start day. */
export const OPEN_START = '0001-01-01';
/** The API's open end day. */
export const OPEN_END = '9999-12-31';

/** "2024-01-01 → open" style bounds of a span. */
export function spanBounds(span: Span): string {
  const from = span.earliest === OPEN_START ? 'open' : span.earliest;
  const to = span.latest === OPEN_END ? 'open' : span.latest;
  return from === to ? from : `${from} → ${to}`;
}

/** A span as written plus its precision and bounds: "2024-01/.. (range: 2024-01-01 → open)". */
export function spanText(span: Span): string {
  const flags = [span.approximate ? 'approximate' : '', span.uncertain ? 'uncertain' : ''].filter(Boolean);
  const precision = span.precision.toLowerCase();
  const bounds = span.precision === 'DAY' ? '' : `: ${spanBounds(span)}`;
  return `${span.edtf} (${[precision + bounds, ...flags].join(', ')})`;
}

const num = (n: number) => n.toLocaleString('en-US');

/** "24–40", "at least 24 (dozens)", "500". */
export function quantityText(q: Quantity | null | undefined): string {
  if (q == null) return 'not stated';
  let n = '';
  if (q.exact != null) n = num(q.exact);
  else if (q.min != null && q.max != null) n = `${num(q.min)}–${num(q.max)}`;
  else if (q.min != null) n = `at least ${num(q.min)}`;
  else if (q.max != null) n = `up to ${num(q.max)}`;
  if (q.text) return n ? `${n} ("${q.text}")` : `"${q.text}"`;
  return n || 'not stated';
}

/** "$7,000,000,000", "$1–2 million" style amount. */
export function amountText(a: Amount | null | undefined): string {
  if (a == null) return 'not stated';
  const usd = (n: number) => `$${num(n)}`;
  let n = '';
  if (a.min != null && a.max != null) n = a.min === a.max ? usd(a.min) : `${usd(a.min)}–${usd(a.max)}`;
  else if (a.min != null) n = `at least ${usd(a.min)}`;
  else if (a.max != null) n = `up to ${usd(a.max)}`;
  if (a.text) return n ? `${n} ("${a.text}")` : `"${a.text}"`;
  return n || 'not stated';
}

/** Total TIV delivered (millions) over a SIPRI deal's deliveries, or undefined when none is known. */
export function tivDelivered(deal: SipriDeal): number | undefined {
  const known = deal.deliveries.filter((d) => d.tiv != null);
  return known.length === 0 ? undefined : known.reduce((sum, d) => sum + (d.tiv ?? 0), 0);
}

/** A TIV figure in millions: "16 million TIV". */
export function tivText(tiv: number | null | undefined): string {
  return tiv == null ? 'unknown' : `${tiv.toLocaleString('en-US', { maximumFractionDigits: 2 })} million TIV`;
}

/** A TIV figure in millions, as short as its size allows: 1,539 · 24.7 · 0.45. */
export function tivFigure(tiv: number): string {
  const digits = tiv >= 100 ? 0 : tiv >= 10 ? 1 : 2;
  return tiv.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** "1 deal", "33 deals". */
export function dealsText(n: number): string {
  return `${n.toLocaleString('en-US')} deal${n === 1 ? '' : 's'}`;
}

/** The evidence of a route hop in a few words: "33 deals · 1,539 m TIV", "1 deal · no TIV". */
export function hopEvidence(hop: { readonly deals: number; readonly tiv?: number | null }): string {
  return `${dealsText(hop.deals)} · ${hop.tiv == null ? 'no TIV' : `${tivFigure(hop.tiv)} m TIV`}`;
}

/**
 * The label of a route hop on the graph: its one transfer's hop label when it has a single deal (what the article
 * facts say), else its evidence.
 */
export function routeHopLabel(
  hop: { readonly deals: number; readonly tiv?: number | null },
  witness?: { readonly status: string; readonly system: { readonly name: string }; readonly date: { readonly edtf: string } },
): string {
  if (hop.deals === 1 && witness !== undefined) return hopLabel(witness.system.name, witness.status, witness.date.edtf);
  return hopEvidence(hop);
}

/** "Patriot missile · PLANNED · 2024-01/.." — the label of a hop on the graph. */
export function hopLabel(systemName: string, status: string, edtf: string): string {
  return `${systemName} · ${status} · ${edtf}`;
}

/** True for URLs safe to link to (http and https only). */
export function isSafeUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
