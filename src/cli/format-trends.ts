// Text, JSON rows and CSV for the trend commands: tables a reader of SIPRI's fact sheet recognises.
import { stringify } from 'csv-stringify/sync';
import type { DeliveryLags, Dependence, LagFigures, TransferTrends, TrendBy, TrendGroup } from '../query/index.js';

const GROUP_NOUN: Record<TrendBy, [string, string]> = {
  SUPPLIER: ['Supplier', 'suppliers'], RECIPIENT: ['Recipient', 'recipients'], SYSTEM_FAMILY: ['System family', 'families'], CATEGORY: ['Category', 'categories'],
};

const pct = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n) >= 100 ? Math.abs(n).toFixed(0) : Math.abs(n).toFixed(1)}`);
const tiv = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One flat row per group and period: `{ key, label, period, tiv, share, change, rank }` (per cent, unrounded). */
export function trendRows(groups: readonly TrendGroup[]) {
  return groups.flatMap((g) => g.cells.map((c) => ({ key: g.key, label: g.label, period: c.period, tiv: c.tiv, share: c.share, change: c.change, rank: c.rank })));
}

/** The same rows as CSV, with a header. */
export function trendCsv(groups: readonly TrendGroup[]): string {
  return stringify(trendRows(groups), { header: true, columns: ['key', 'label', 'period', 'tiv', 'share', 'change', 'rank'], cast: { number: (n) => String(n) } });
}

/** A table of groups: rank in the last and previous period, name, share per period, change of the last period. */
function groupTable(groups: readonly TrendGroup[], periods: readonly string[], noun: string): string[] {
  const last = periods.length - 1;
  const rankCols = last > 0 ? [periods[last]!, periods[last - 1]!] : [periods[last]!];
  const head = [
    ...rankCols.map((p) => `Rank ${p}`.padStart(16)),
    ` ${noun.padEnd(28)}`,
    ...periods.map((p) => `Share ${p}`.padStart(16)),
    ...(last > 0 ? [`Change vs ${periods[last - 1]} (%)`.padStart(26)] : []),
  ].join('');
  const lines = groups.map((g) => {
    const cells = g.cells;
    return [
      ...(last > 0 ? [cells[last]!, cells[last - 1]!] : [cells[last]!]).map((c) => String(c.rank ?? "—").padStart(16)),
      ` ${cut(g.label, 28).padEnd(28)}`,
      ...cells.map((c) => pct(c.share).padStart(16)),
      ...(last > 0 ? [signed(cells[last]!.change).padStart(26)] : []),
    ].join('');
  });
  return [head, ...lines];
}

/** transferTrends as a table with the periods' totals underneath. */
export function formatTrends(t: TransferTrends): string[] {
  const [noun, plural] = GROUP_NOUN[t.by];
  const periods = t.periods.map((p) => p.period);
  const whose = t.universe === 'WORLD' ? 'world total' : 'total of the filtered deliveries';
  if (t.periods.every((p) => p.tiv === 0)) return [`No SIPRI TIV delivered in ${periods.join(', ')}: nothing to share (the seed's articles carry no TIV; load a SIPRI export with --sipri).`];
  return [
    `${plural[0]!.toUpperCase()}${plural.slice(1)} of major arms ranked by ${periods[periods.length - 1]}: share of the ${whose} (per cent, SIPRI TIV)`,
    ...groupTable(t.groups, periods, noun),
    ...t.periods.map((p) => `-- ${p.period}: ${tiv(p.tiv)} M TIV${p.change === null ? '' : ` (${signed(p.change)} % on the period before)`}, ${p.groups} ${plural} with deliveries`),
    `-- ${t.groups.length} of ${t.groupCount} ${plural} shown; shares and changes are of TIV, SIPRI's measure of volume, not of money.`,
  ];
}

/** dependence as per-period lines (total, main partner, HHI) and a partner table. */
export function formatDependence(d: Dependence, actorName: string): string[] {
  const partner = d.role === 'RECIPIENT' ? 'Supplier' : 'Recipient';
  const verb = d.role === 'RECIPIENT' ? 'imports' : 'exports';
  const periods = d.periods.map((p) => p.period);
  if (d.periods.every((p) => p.tiv === 0)) return [`No SIPRI TIV ${d.role === 'RECIPIENT' ? 'delivered to' : 'delivered by'} ${actorName} in ${periods.join(', ')}.`];
  return [
    `${actorName}: ${verb} of major arms by ${partner.toLowerCase()} (share of its ${verb}, per cent, SIPRI TIV)`,
    ...d.periods.map((p) => {
      const main = p.main ? `main ${partner.toLowerCase()} ${p.main.label} ${pct(p.main.share)} %${p.mainChanged ? ' (changed)' : ''}` : 'no deliveries';
      return `  ${p.period}: ${tiv(p.tiv)} M TIV${p.change === null ? '' : ` (${signed(p.change)} %)`}; ${main}; HHI ${p.hhi === null ? '—' : p.hhi.toFixed(0)}`;
    }),
    ...groupTable(d.partners, periods, partner),
    `-- ${d.partners.length} of ${d.partnerCount} ${partner.toLowerCase()}s shown; HHI: 10,000 = one ${partner.toLowerCase()}, below 1,500 = unconcentrated.`,
  ];
}

const lag = (f: LagFigures) => `${pct(f.median)} / ${pct(f.p90)}`;

/** deliveryLags as a table: deals, median / p90 years to first and to last delivery. */
export function formatLags(l: DeliveryLags): string[] {
  const [noun, plural] = GROUP_NOUN[l.by];
  if (l.all.deals === 0) return ['No SIPRI deal with an order year and a delivery matches.'];
  const ordered = `ordered ${l.orderedFrom ?? '…'}–${l.orderedTo ?? ''}`.replace(/–$/, ' on');
  return [
    `Years from order to delivery, SIPRI deals ${ordered} (median / 90th percentile)`,
    `${noun.padEnd(30)}${'deals'.padStart(8)}${'to first'.padStart(16)}${'to last'.padStart(16)}`,
    ...l.groups.map((g) => `${cut(g.label, 30).padEnd(30)}${String(g.deals).padStart(8)}${lag(g.toFirst).padStart(16)}${lag(g.toLast).padStart(16)}`),
    `${'all'.padEnd(30)}${String(l.all.deals).padStart(8)}${lag(l.all.toFirst).padStart(16)}${lag(l.all.toLast).padStart(16)}`,
    `-- ${l.groups.length} of ${l.groupCount} ${plural} shown; "to last" is the last delivery on record, a lower bound for deals still delivering.`,
  ];
}
