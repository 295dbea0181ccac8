// Ring exchanges and backfills (issue [11]): which items count as comparable, and how well two hops fit.
import type { Transfer } from '../domain/model.js';
import { OPEN_END, OPEN_START } from '../domain/time.js';

/** A class of items a backfill replaces like for like, and the group of classes that substitute for each other. */
export interface ItemClass {
  readonly name: string;
  readonly group: string;
}

/**
 * Classes read from SIPRI's item description (or a system's category), first match wins. Classes in one group
 * substitute for each other (an APC for an IFV; a towed gun for a self-propelled one); anything else is its
 * category. Kept small and explicit on purpose: it is what "comparable" means in a ring-exchange answer.
 */
const CLASSES: readonly { readonly pattern: RegExp; readonly cls: ItemClass }[] = [
  { pattern: /anti-?tank missile|\bATGM\b/i, cls: { name: 'anti-tank missile', group: 'anti-tank missile' } },
  { pattern: /\btank destroyer\b/i, cls: { name: 'tank destroyer', group: 'armoured fighting vehicle' } },
  { pattern: /(^|[^-\w])tank\b/i, cls: { name: 'tank', group: 'tank' } },
  { pattern: /\bIFV\b|infantry fighting vehicle/i, cls: { name: 'IFV', group: 'armoured fighting vehicle' } },
  { pattern: /\bAPC\b|\bAPV\b|armoured (car|personnel)/i, cls: { name: 'APC', group: 'armoured fighting vehicle' } },
  // Air defence before artillery: SIPRI's "self-propelled anti-aircraft gun" (a Gepard) is no howitzer.
  { pattern: /portable SAM|\bMANPADS\b/i, cls: { name: 'portable SAM', group: 'portable SAM' } },
  { pattern: /SAM system|air[- ]defen[cs]e system|\bSPAAG\b|anti-aircraft/i, cls: { name: 'SAM system', group: 'air defence system' } },
  { pattern: /\bMRL\b|rocket launcher/i, cls: { name: 'MRL', group: 'artillery' } },
  { pattern: /self-propelled (gun|howitzer|mortar)/i, cls: { name: 'self-propelled gun', group: 'artillery' } },
  { pattern: /towed gun|\bhowitzer\b|\bgun\b|\bmortar\b/i, cls: { name: 'towed gun', group: 'artillery' } },
  { pattern: /\bSAM\b|\bABM\b|interceptor/i, cls: { name: 'SAM', group: 'SAM' } },
  { pattern: /helicopter/i, cls: { name: 'helicopter', group: 'helicopter' } },
  { pattern: /fighter|\bFGA\b|ground attack|combat aircraft|\bbomber\b/i, cls: { name: 'combat aircraft', group: 'combat aircraft' } },
];

/** The class of a transfer's items: from SIPRI's description, else from its system's category. */
export function itemClassOf(t: Transfer, systemCategory: string | undefined): ItemClass {
  const text = t.sipri ? `${t.sipri.description}` : (systemCategory ?? '');
  for (const { pattern, cls } of CLASSES) if (pattern.test(text)) return cls;
  const category = t.sipri?.category ?? systemCategory ?? 'unknown';
  return { name: category, group: category };
}

/** The years in which a transfer delivered (SIPRI delivery rows), or its date's years. */
export function activeYears(t: Transfer): { from: number; to: number } {
  if (t.sipri && t.sipri.deliveries.length > 0) {
    const years = t.sipri.deliveries.map((d) => d.year);
    return { from: Math.min(...years), to: Math.max(...years) };
  }
  const from = t.date.earliest === OPEN_START ? -Infinity : Number(t.date.earliest.slice(0, 4));
  const to = t.date.latest === OPEN_END ? from : Number(t.date.latest.slice(0, 4));
  return { from, to: Math.max(from, to) };
}

/** Years between two spans of years (0 when they overlap). */
export function yearsApart(a: { from: number; to: number }, b: { from: number; to: number }): number {
  if (a.to < b.from) return b.from - a.to;
  if (b.to < a.from) return a.from - b.to;
  return 0;
}

/**
 * How well a replenishment fits a delivery: class (same 1, substitute 0.5) × time (1, 1/2, 1/3 … per year apart)
 * × stock (1 when the items delivered were second-hand, as a ring exchange's are; 0.6 when they were new, which
 * looks more like a producer's own sales than like stock passed on and replaced).
 */
export function backfillFit(sameClass: boolean, gapYears: number, secondHand: boolean): number {
  return ((sameClass ? 1 : 0.5) / (1 + gapYears)) * (secondHand ? 1 : 0.6);
}

/** True when SIPRI records the items as second-hand (modernised or not). */
export function isSecondHand(t: Transfer): boolean {
  return t.sipri !== undefined && t.sipri.condition !== 'NEW';
}
