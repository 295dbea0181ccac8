// Terminal rendering of routes and backfill candidates: evidence per hop, witness chains, rules, small bars.
import { OPEN_END, OPEN_START, type DayWindow } from '../domain/time.js';
import { hopEvidence, type BackfillCandidate, type HopEvidence, type Hop, type RouteCandidate, type TransferRoute } from '../query/index.js';
import { formatReason, type NameOf } from './format.js';

/** Systems named per hop before "+N more". */
const TOP_SYSTEMS = 4;
/** Transfers listed per backfill hop before "+N more". */
const TOP_TRANSFERS = 4;
/** Width of the widest score bar. */
const BAR_WIDTH = 10;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** A count or TIV as a reader reads it: `5,988`, `1,539.2`. */
export const formatNumber = (n: number): string => numberFormat.format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The SIPRI deal id of a transfer id (`transfer:sipri-65515` → `65515`), or undefined for other sources. */
export function sipriDealId(transferId: string): string | undefined {
  return /^transfer:sipri-(.+)$/.exec(transferId)?.[1];
}

/** A window as years or days: `2022/2024`, `2022-03-01/2022-06-30`, `../2024`. */
export function formatWindow(window: DayWindow): string {
  const side = (day: string, open: string, start: boolean) => {
    if (day === open) return '..';
    const y = day.slice(0, 4);
    return day === (start ? `${y}-01-01` : `${y}-12-31`) ? y : day;
  };
  const from = side(window.from, OPEN_START, true);
  const to = side(window.to, OPEN_END, false);
  return from === to ? from : `${from}/${to}`;
}

/** A span as years: `2022–2024`, `2021–open`, `2022`. */
function spanYears(span: { readonly earliest: string; readonly latest: string }): string {
  const from = span.earliest === OPEN_START ? 'open' : span.earliest.slice(0, 4);
  const to = span.latest === OPEN_END ? 'open' : span.latest.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/** The figures of a hop: deals, units, TIV delivered in the window, years active. */
function hopFigures(hop: HopEvidence): string {
  return [
    plural(hop.deals, 'deal'),
    hop.units === null ? 'units unknown' : plural(hop.units, 'unit'),
    hop.tiv === null ? 'TIV unknown' : `TIV ${formatNumber(hop.tiv)}`,
    spanYears(hop.span),
  ].join(' · ');
}

/** A hop's systems, the most delivered (TIV in the window, then deals) first, each with its share. */
function topSystems(hop: HopEvidence, name: NameOf, window: DayWindow | undefined): string {
  const bySystem = new Map<string, RouteCandidate[]>();
  for (const t of hop.transfers) {
    const l = bySystem.get(t.system);
    if (l) l.push(t);
    else bySystem.set(t.system, [t]);
  }
  // The hop's own sums, per system: the same evidence rule as the route's.
  const ranked = [...bySystem].map(([system, list]) => ({ system, e: hopEvidence(hop.from, hop.to, list, window) }))
    .sort((a, b) => (b.e.tiv ?? 0) - (a.e.tiv ?? 0) || b.e.deals - a.e.deals || name(a.system).localeCompare(name(b.system)));
  const shown = ranked.slice(0, TOP_SYSTEMS).map(({ system, e }) =>
    `${name(system)} (${e.tiv ? `TIV ${formatNumber(e.tiv)}` : plural(e.deals, 'deal')})`);
  const more = ranked.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** A small bar of a value relative to the largest on the page: `▇▇▇▇`, at least one block for any evidence. */
export function bar(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '';
  return '▇'.repeat(Math.max(1, Math.round((value / max) * BAR_WIDTH)));
}

/** One witness hop: the transfer's designation (SIPRI) or system name, the deal, the ends and the date. */
function witnessHop(h: Hop, name: NameOf): string {
  const t = h.transfer;
  const what = t.sipri ? `${t.sipri.designation} (SIPRI deal ${t.sipri.dealId})` : `${name(t.system)} (${t.status.toLowerCase()})`;
  const link = h.via === 'BACKFILL' ? '  (linked by backfill)' : '';
  return `${name(h.from)} → ${name(h.to)}  ${what}  ${t.date.edtf}  [${t.id}]${link}`;
}

const ORDER_WORDS: Readonly<Record<string, string>> = { ANY: 'any order', TIME_RESPECTING: 'time-respecting', STRICT: 'strictly ordered' };

/** What the routes question was asked, for the header of its answer. */
export interface RoutesAsked {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly order: string;
  readonly orderBy: string;
  readonly between?: DayWindow;
  readonly filters: readonly string[];
  /** True when this page follows a cursor. */
  readonly after: boolean;
}

/** Formats a page of routes: a header with the count, each route's hops with evidence, witness and rules, a footer. */
export function formatRoutes(
  page: { readonly items: readonly TransferRoute[]; readonly cursors: readonly string[]; readonly totalCount: number; readonly hasNextPage: boolean; readonly complete: boolean; readonly hopsCovered: number },
  asked: RoutesAsked,
  name: NameOf,
): string[] {
  const order = ORDER_WORDS[asked.order] ?? asked.order.toLowerCase();
  const what = [
    `${plural(asked.maxHops, 'hop')} at most`, order, ...(asked.between ? [formatWindow(asked.between)] : []), ...asked.filters,
  ].join(', ');
  const count = page.complete
    ? `${plural(page.totalCount, 'route')} (complete)`
    : `at least ${plural(page.totalCount, 'route')} found; the search stopped after covering every route of up to ${plural(page.hopsCovered, 'hop')}`;
  const lines = [`Routes from ${name(asked.from)} (${asked.from}) to ${name(asked.to)} (${asked.to}), ${what}: ${count}`];
  const tivIn = asked.between ? `delivered in ${formatWindow(asked.between)}` : 'delivered';
  lines.push(
    `Ranked by ${asked.orderBy.toLowerCase().replace(/_/g, ' ')}; score: the weakest hop's SIPRI TIV ${tivIn} (millions); ` +
      `witness: the chain of transfers that arrives first${asked.after ? '. This page follows --after, numbered from 1' : ''}.`,
  );
  lines.push('');
  if (page.items.length === 0) {
    lines.push(page.totalCount === 0 ? 'No route connects them under these filters.' : asked.after ? 'No more routes after this cursor.' : 'None shown (--first 0).');
    return lines;
  }
  const max = Math.max(...page.items.map((r) => r.score));
  const width = String(page.items.length).length;
  page.items.forEach((r, i) => {
    const rank = `${String(i + 1).padStart(width)}.`;
    const indent = ' '.repeat(rank.length + 1);
    const unknown = r.score === 0 && r.hops.some((h) => h.tiv === null) ? ' (a hop without SIPRI TIV)' : '';
    lines.push(`${rank} ${r.actors.map(name).join(' → ')}   score ${formatNumber(r.score)}${unknown} ${bar(r.score, max)}`.trimEnd());
    r.hops.forEach((h, j) => {
      lines.push(`${indent}hop ${j + 1}  ${name(h.from)} → ${name(h.to)}: ${hopFigures(h)} · ${h.categories.join(', ')}`);
      lines.push(`${indent}       systems: ${topSystems(h, name, asked.between)}`);
    });
    r.witness.hops.forEach((h, j) => {
      lines.push(`${indent}${j === 0 ? 'witness' : '       '} ${j + 1}. ${witnessHop(h, name)}`);
    });
    if (r.checks.length > 0) {
      lines.push(`${indent}rules:`);
      for (const c of r.checks) lines.push(...formatReason(c, `${indent}  `).filter((_, k) => k === 0));
    }
  });
  lines.push('');
  const shown = `${plural(page.items.length, 'route')} shown of ${formatNumber(page.totalCount)}${page.complete ? '' : '+'}`;
  lines.push(page.hasNextPage ? `-- ${shown}; the next page: the same command with --after ${page.cursors[page.cursors.length - 1]}` : `-- ${shown}; no more pages`);
  return lines;
}

/** One hop of a backfill: its figures, then its transfers by designation (SIPRI deal ids) or system name. */
function backfillHop(label: string, hop: HopEvidence, name: NameOf, indent: string): string[] {
  const transfers = hop.transfers.slice(0, TOP_TRANSFERS).map((t) => {
    const deal = sipriDealId(t.id);
    return `${name(t.system)} (${deal ? `deal ${deal}` : t.id}, ${spanYears(t.date)})`;
  });
  const more = hop.transfers.length - transfers.length;
  return [
    `${indent}${label.padEnd(12)} ${name(hop.from)} → ${name(hop.to)}: ${hopFigures(hop)}`,
    `${indent}${' '.repeat(13)}${transfers.join(', ')}${more > 0 ? ` +${more} more` : ''}`,
  ];
}

/** Formats backfill candidates: declared links marked, Y → X → recipient, class, fit, gap, both hops' evidence. */
export function formatBackfills(
  candidates: readonly BackfillCandidate[],
  asked: { readonly recipient: string; readonly between?: DayWindow; readonly years: number; readonly first: number },
  name: NameOf,
): string[] {
  const window = asked.between ? `deliveries in ${formatWindow(asked.between)}` : 'deliveries at any time';
  const lines = [
    `Backfill candidates for ${name(asked.recipient)} (${asked.recipient}): ${window}, replenished within ${plural(asked.years, 'year')}: ` +
      `${plural(candidates.length, 'candidate')}${candidates.length === asked.first ? ` (the first ${asked.first}; more with --first)` : ''}`,
    'Each: Y → X → recipient, where X delivered to the recipient while Y replenished X with comparable items; declared links first.',
    `Units and SIPRI TIV (millions): ${asked.between ? `delivered in ${formatWindow(asked.between)}` : 'delivered'}; deals: SIPRI deal ids.`,
    '',
  ];
  if (candidates.length === 0) {
    lines.push('No supplier was replenished in kind around its deliveries.');
    return lines;
  }
  const width = String(candidates.length).length;
  candidates.forEach((c, i) => {
    const rank = `${String(i + 1).padStart(width)}.`;
    const indent = ' '.repeat(rank.length + 1);
    const gap = c.gapYears === 0 ? 'overlapping in time' : `${plural(c.gapYears, 'year')} apart`;
    lines.push(
      `${rank} ${c.declared ? 'declared  ' : ''}${name(c.from)} → ${name(c.via)} → ${name(c.to)}   ${c.itemClass} · fit ${c.fit.toFixed(2)} · ${gap}`,
    );
    lines.push(...backfillHop('replenished', c.replenished, name, indent));
    lines.push(...backfillHop('delivered', c.delivered, name, indent));
  });
  return lines;
}
