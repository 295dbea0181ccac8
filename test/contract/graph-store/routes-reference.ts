// The contract's reference for routes and backfills: the SIPRI excerpt read by hand from its CSV, and every route
// found by brute force over a dataset (each sequence of distinct actors, each chain of its transfers), ranked as the
// SDL words it. Nothing here comes from query/: the expected answers come from the data.
import { readFile } from 'node:fs/promises';
import type { Dataset, Transfer } from '../../../src/domain/model.js';
import { ask, type GraphPorts, type RouteOptionsInput, type RoutePage, type TransferRoute } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { SIPRI_EXCERPT } from './context.js';

/** The open end of a span (DESIGN §3). */
export const OPEN_END = '9999-12-31';
const EXCLUDED = ['CANCELLED', 'DENIED'];

/** A transfer as the reference reads it straight from the dataset: the SDL's words, nothing from query/. */
export interface RefTransfer {
  readonly id: string;
  readonly supplier: string;
  readonly recipient: string;
  readonly status: string;
  readonly knownSince: string;
  readonly earliest: string;
  readonly latest: string;
  readonly backfills: readonly string[];
  /** "SIPRI's categories, or a system's category". */
  readonly category: string;
  readonly deliveries: readonly { readonly year: number; readonly units: number | null; readonly tiv: number | null }[];
  /** A DELIVERED transfer without SIPRI rows: its exact quantity. */
  readonly exactUnits: number | null;
}

export const refTransfers = (d: Dataset): RefTransfer[] => {
  const categories = new Map(d.systems.map((s) => [s.id, s.category]));
  return d.transfers.map((t: Transfer) => ({
    id: t.id, supplier: t.supplier, recipient: t.recipient, status: t.status, knownSince: t.knownSince,
    earliest: t.date.earliest, latest: t.date.latest, backfills: t.backfills,
    category: t.sipri?.category ?? categories.get(t.system)!,
    deliveries: t.sipri?.deliveries ?? [],
    exactUnits: t.sipri === undefined && t.status === 'DELIVERED' ? (t.quantity?.exact ?? null) : null,
  }));
};

export interface RefOptions {
  readonly maxHops?: number;
  readonly order?: 'ANY' | 'TIME_RESPECTING' | 'STRICT';
  readonly viaBackfill?: boolean;
  readonly via?: readonly string[];
  readonly avoid?: readonly string[];
  readonly categories?: readonly string[];
  readonly minDeals?: number;
  readonly minTiv?: number;
  /** Whole years, as `between: { from: "YYYY", to: "YYYY" }` asks. */
  readonly years?: { readonly from: number; readonly to: number };
  readonly orderBy?: 'EVIDENCE' | 'RECENT' | 'EARLIEST_ARRIVAL' | 'FEWEST_HOPS';
}

export interface RefHop {
  readonly from: string;
  readonly to: string;
  readonly deals: number;
  readonly units: number | null;
  readonly tiv: number | null;
  readonly span: { readonly earliest: string; readonly latest: string };
  readonly transfers: readonly string[];
}

export interface RefRoute {
  readonly id: string;
  readonly hops: readonly RefHop[];
  readonly chains: readonly (readonly RefTransfer[])[];
}

export const byTime = (a: RefTransfer, b: RefTransfer) =>
  a.earliest !== b.earliest ? (a.earliest < b.earliest ? -1 : 1) : a.latest !== b.latest ? (a.latest < b.latest ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
export const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A hop's evidence, by the SDL: deals; units and TIV delivered in the window's years; from earliest start to latest end. */
export function refHop(from: string, to: string, list: readonly RefTransfer[], years: RefOptions['years']): RefHop {
  let units: number | null = null;
  let tiv: number | null = null;
  for (const t of list) {
    for (const d of t.deliveries) {
      if (years && (d.year < years.from || d.year > years.to)) continue;
      if (d.units !== null) units = (units ?? 0) + d.units;
      if (d.tiv !== null) tiv = (tiv ?? 0) + d.tiv;
    }
    if (t.deliveries.length === 0 && t.exactUnits !== null) units = (units ?? 0) + t.exactUnits;
  }
  return {
    from, to, deals: list.length, units, tiv: tiv === null ? null : round(tiv),
    span: { earliest: list.map((t) => t.earliest).sort()[0]!, latest: list.map((t) => t.latest).sort().at(-1)! },
    transfers: list.map((t) => t.id),
  };
}

/** Every route by brute force: each sequence of distinct actors, each chain of its transfers checked against the order rule. */
export function refRoutes(all: readonly RefTransfer[], from: string, to: string, o: RefOptions): RefRoute[] {
  const years = o.years;
  const usable = all.filter(
    (t) => !EXCLUDED.includes(t.status) && (!o.categories || o.categories.includes(t.category)) &&
      (!years || (t.earliest <= `${years.to}-12-31` && t.latest >= `${years.from}-01-01`)),
  );
  const pairs = new Map<string, RefTransfer[]>();
  for (const t of [...usable].sort(byTime)) pairs.set(`${t.supplier}>${t.recipient}`, [...(pairs.get(`${t.supplier}>${t.recipient}`) ?? []), t]);
  const follows = (p: RefTransfer, n: RefTransfer) =>
    (o.viaBackfill === true && p.backfills.includes(n.id)) ||
    (o.order ?? 'ANY') === 'ANY' || (o.order === 'TIME_RESPECTING' ? n.latest >= p.earliest : n.earliest >= p.latest);
  const chainsOf = (lists: readonly (readonly RefTransfer[])[]): RefTransfer[][] =>
    lists.reduce<RefTransfer[][]>((acc, list) => acc.flatMap((c) => list.filter((t) => c.length === 0 || follows(c.at(-1)!, t)).map((t) => [...c, t])), [[]]);
  const out: RefRoute[] = [];
  const walk = (seq: string[], hops: RefHop[], lists: RefTransfer[][]) => {
    const a = seq.at(-1)!;
    for (const [key, list] of pairs) {
      const [s, b] = key.split('>') as [string, string];
      if (s !== a || seq.includes(b) || o.avoid?.includes(b)) continue;
      const hop = refHop(a, b, list, years);
      if (hop.deals < (o.minDeals ?? 1) || (hop.tiv ?? 0) < (o.minTiv ?? 0)) continue;
      if (b === to) {
        const chains = chainsOf([...lists, list]);
        if (chains.length > 0 && (o.via ?? []).every((v) => seq.includes(v))) out.push({ id: [...seq, b].join('>'), hops: [...hops, hop], chains });
      } else if (seq.length < (o.maxHops ?? 3)) {
        walk([...seq, b], [...hops, hop], [...lists, list]);
      }
    }
  };
  walk([from], [], []);
  return rank(out, o.orderBy ?? 'EVIDENCE');
}

/** The rankings as the SDL words them; ties go to fewer hops, then the actors' ids. */
function rank(routes: RefRoute[], orderBy: NonNullable<RefOptions['orderBy']>): RefRoute[] {
  const weakest = (r: RefRoute) => [...r.hops].sort((x, y) => (x.tiv ?? 0) - (y.tiv ?? 0) || x.deals - y.deals)[0]!;
  const evidence = (a: RefRoute, b: RefRoute) => (weakest(b).tiv ?? 0) - (weakest(a).tiv ?? 0) || weakest(b).deals - weakest(a).deals;
  // "The earliest of its hops' last days"; a hop with an open end was last seen when it began.
  const active = (r: RefRoute) => r.hops.map((h) => (h.span.latest === OPEN_END ? h.span.earliest : h.span.latest)).sort()[0]!;
  const arrival = (r: RefRoute) => r.chains.map((c) => c.at(-1)!).sort(byTime)[0]!;
  const tie = (a: RefRoute, b: RefRoute) => a.hops.length - b.hops.length || cmp(a.id, b.id);
  const order = {
    EVIDENCE: (a: RefRoute, b: RefRoute) => evidence(a, b) || tie(a, b),
    RECENT: (a: RefRoute, b: RefRoute) => cmp(active(b), active(a)) || evidence(a, b) || tie(a, b),
    EARLIEST_ARRIVAL: (a: RefRoute, b: RefRoute) => cmp(arrival(a).earliest, arrival(b).earliest) || cmp(arrival(a).latest, arrival(b).latest) || tie(a, b),
    FEWEST_HOPS: (a: RefRoute, b: RefRoute) => a.hops.length - b.hops.length || evidence(a, b) || cmp(a.id, b.id),
  };
  return [...routes].sort(order[orderBy]);
}

/** Route options as the question takes them, from the reference's. */
export const asked = ({ years, ...o }: RefOptions): RouteOptionsInput => ({
  ...o, ...(years && { between: { from: String(years.from), to: String(years.to) } }),
});

/** A route's answer in the reference's shape. */
export const hopsOf = (r: TransferRoute): RefHop[] =>
  r.hops.map((h) => ({ from: h.from, to: h.to, deals: h.deals, units: h.units, tiv: h.tiv, span: h.span, transfers: h.transfers.map((t) => t.id) }));
export const chainIds = (c: readonly { id: string }[]) => c.map((t) => t.id).join(',');

/** One deal of the SIPRI excerpt read from the CSV (a row per delivery year). */
export interface CsvDeal {
  readonly supplier: string;
  readonly recipient: string;
  readonly description: string;
  readonly orderYear: number;
  readonly rows: { year: number; units: number; tiv: number }[];
}

export async function csvDeals(): Promise<Map<string, CsvDeal>> {
  const lines = (await readFile(SIPRI_EXCERPT, 'latin1')).split(/\r?\n/).slice(12).filter((l) => l.trim() !== '');
  const deals = new Map<string, CsvDeal>();
  for (const line of lines) {
    const c = line.replace(/;$/, '').split(',');
    const deal = deals.get(c[0]!) ?? { supplier: c[1]!, recipient: c[2]!, description: c[4]!, orderYear: Number(c[6]), rows: [] };
    deal.rows.push({ year: Number(c[10]), units: Number(c[8]), tiv: Number(c[15]) });
    deals.set(c[0]!, deal);
  }
  return deals;
}

/** A hop's evidence summed by hand from the CSV rows of the deals between two countries (SIPRI names). */
export function csvHop(deals: Map<string, CsvDeal>, supplier: string, recipient: string, keep: (d: CsvDeal) => boolean = () => true) {
  const mine = [...deals].filter(([, d]) => d.supplier === supplier && d.recipient === recipient && keep(d));
  const yearsOf = (d: CsvDeal) => [d.orderYear, ...d.rows.map((r) => r.year)];
  return {
    deals: mine.length,
    units: mine.reduce((n, [, d]) => n + d.rows.reduce((m, r) => m + r.units, 0), 0),
    tiv: round(mine.reduce((n, [, d]) => n + d.rows.reduce((m, r) => m + r.tiv, 0), 0)),
    span: { earliest: `${Math.min(...mine.flatMap(([, d]) => yearsOf(d)))}-01-01`, latest: `${Math.max(...mine.flatMap(([, d]) => yearsOf(d)))}-12-31` },
    transfers: mine.map(([id]) => `transfer:sipri-${id}`),
  };
}

/** Every page of a route question, `first` at a time. */
export async function allPages(ports: GraphPorts, from: string, to: string, options: RouteOptionsInput, first: number): Promise<RoutePage[]> {
  const pages: RoutePage[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ask(ports).transferRoutes(from, to, options, { first, ...(after !== undefined && { after }) });
    pages.push(page);
    if (!page.hasNextPage) return pages;
    after = page.cursors.at(-1)!;
  }
}

/** The store with every method call counted (what a rejected question may have asked). */
export function counting(store: GraphStore): { ports: GraphStore; calls: string[] } {
  const calls: string[] = [];
  const ports = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { ports, calls };
}
