// Fixed, seeded random query sets: the same questions for every store and peer of one size.
import type { Dataset, Transfer } from '../../src/domain/model.js';
import { OPEN_START } from '../../src/domain/time.js';
import { Hierarchy, defaultPathStatuses } from '../../src/query/index.js';
import { TRANSFER_STATUSES } from '../../src/domain/model.js';
import { prng } from '../generate/generate.js';

/** PRNG seed of every query set. */
export const QUERY_SEED = 20_251_124;

/** One path question: 4 hops, TIME_RESPECTING, within a system family. */
export interface PathQuestion {
  readonly from: string;
  readonly to: string;
  readonly system: string;
}

/** One timeline question: the first page (20 entries) for an actor, sometimes within a window. */
export interface TimelineQuestion {
  readonly actor: string;
  readonly between?: { readonly from: string; readonly to: string };
}

export interface QuerySet {
  readonly paths: readonly PathQuestion[];
  readonly timeline: readonly TimelineQuestion[];
  /** Recipients for the "transfers into X" question. */
  readonly recipients: readonly string[];
  /** Actors for the "timeline of X" question over HTTP (no parts, no window: what the @neo4j/graphql peer can ask). */
  readonly timelineActors: readonly string[];
  /** How the path questions were drawn, for the report. */
  readonly families: number;
  /** The actor in most transfers, for the neighbourhood export. */
  readonly hub: string;
}

function mostFrequent(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Draws the query sets of a dataset. Path questions pick a system family weighted by its transfers, then
 * 40 % the two ends of one of its transfers (a path exists), 40 % a supplier and a recipient of it drawn apart
 * (some multi-hop paths, many none), 20 % any two actors and any family (mostly no path: the cheap case users
 * also ask). Timeline questions: actors weighted by how
 * often they appear in transfers, a third of them with a 10-year window.
 */
export function querySet(d: Dataset, count: { paths: number; timeline: number; http: number }): QuerySet {
  const random = prng(QUERY_SEED);
  const tree = new Hierarchy(d.systems.map((s) => [s.id, s.family] as const));
  const rootOf = new Map<string, string>();
  for (const s of d.systems) rootOf.set(s.id, tree.ancestorsOrSelf(s.id).at(-1)!);
  const statuses = new Set(defaultPathStatuses(TRANSFER_STATUSES));
  const byFamily = new Map<string, Transfer[]>();
  for (const t of d.transfers) {
    if (!statuses.has(t.status)) continue;
    const root = rootOf.get(t.system)!;
    const list = byFamily.get(root);
    if (list) list.push(t);
    else byFamily.set(root, [t]);
  }
  // Families: roots with members; weighted by transfers (a list with one slot per transfer).
  const hasMembers = new Set(d.systems.filter((s) => s.family !== undefined).map((s) => rootOf.get(s.id)!));
  const families = [...byFamily.keys()].filter((f) => hasMembers.has(f)).sort();
  const weighted = families.flatMap((f) => byFamily.get(f)!.map(() => f));
  const actorIds = d.actors.map((a) => a.id).sort();
  const paths: PathQuestion[] = [];
  while (paths.length < count.paths && weighted.length > 0) {
    const draw = random();
    if (draw < 0.4) {
      // The two ends of one transfer of the family: a direct path at least, often detours too.
      const system = pick(random, weighted);
      const t = pick(random, byFamily.get(system)!);
      paths.push({ from: t.supplier, to: t.recipient, system });
    } else if (draw < 0.8) {
      const system = pick(random, weighted);
      const ts = byFamily.get(system)!;
      const from = pick(random, ts).supplier;
      const to = pick(random, ts).recipient;
      if (from !== to) paths.push({ from, to, system });
    } else {
      const from = pick(random, actorIds);
      const to = pick(random, actorIds);
      if (from !== to) paths.push({ from, to, system: pick(random, families) });
    }
  }
  const withParts = new Set(d.actors.filter((a) => a.partOf !== undefined).map((a) => a.partOf!));
  const appearances = d.transfers.flatMap((t) => [t.supplier, t.recipient]);
  const timeline: TimelineQuestion[] = [];
  for (let i = 0; i < count.timeline; i += 1) {
    const actor = pick(random, appearances);
    if (random() < 1 / 3) {
      const year = 1960 + Math.floor(random() * 56);
      timeline.push({ actor, between: { from: `${year}-01-01`, to: `${year + 9}-12-31` } });
    } else {
      timeline.push({ actor });
    }
  }
  // Transfers into X match the recipient exactly; a timeline of X also covers X's parts (ministries of a state),
  // which the @neo4j/graphql peer cannot express, so its actors are ones without parts.
  const plain = appearances.filter((a) => !withParts.has(a));
  const timelinePool = plain.length > 0 ? plain : d.actors.map((a) => a.id).filter((a) => !withParts.has(a)).sort();
  const recipientsPool = d.transfers.map((t) => t.recipient);
  return {
    paths,
    timeline,
    recipients: Array.from({ length: count.http }, () => pick(random, recipientsPool)),
    timelineActors: Array.from({ length: count.http }, () => pick(random, timelinePool)),
    families: families.length,
    hub: mostFrequent(appearances),
  };
}

/** The orders and hop bounds every route pair is asked with. */
export const ROUTE_ORDERS_ASKED = ['ANY', 'TIME_RESPECTING', 'STRICT'] as const;
export const ROUTE_HOPS_ASKED = [2, 3, 4] as const;
export type RouteOrder = (typeof ROUTE_ORDERS_ASKED)[number];

/** One route question between two hubs: no system filter, default statuses, the first page (20) ranked by EVIDENCE. */
export interface RouteQuestion {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly order: RouteOrder;
}

export interface RouteSet {
  readonly questions: readonly RouteQuestion[];
  /** The hubs the pairs were drawn from (most transfers first). */
  readonly hubs: readonly string[];
  /** Ordered hub pairs with a route of at most 2 hops (the pool the pairs were drawn from). */
  readonly connectedPairs: number;
  readonly pairs: number;
}

/** Actors by the number of transfers they are in (as supplier or recipient), most first, ties by id. */
function byTransfers(d: Dataset, side: 'both' | 'recipient'): string[] {
  const counts = new Map<string, number>();
  for (const t of d.transfers) {
    for (const a of side === 'both' ? [t.supplier, t.recipient] : [t.recipient]) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([a]) => a);
}

/** Fisher–Yates with the given random source. */
function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Route questions between hubs (the `hubs` actors in most transfers): `pairs` ordered pairs drawn (seeded) among
 * those with a route of at most 2 hops over the default statuses (so every ANY question has a route), each asked
 * at every maxHops (2, 3, 4) and order (ANY, TIME_RESPECTING, STRICT); the questions shuffled (seeded), so that an
 * engine answering only the first ones within a budget gets a mix of hop bounds and orders.
 */
export function routeQuestions(d: Dataset, count: { hubs: number; pairs: number }): RouteSet {
  const random = prng(QUERY_SEED + 11);
  const hubs = byTransfers(d, 'both').slice(0, count.hubs);
  const statuses = new Set(defaultPathStatuses(TRANSFER_STATUSES));
  const out = new Map<string, Set<string>>();
  for (const t of d.transfers) {
    if (!statuses.has(t.status) || t.supplier === t.recipient) continue;
    const set = out.get(t.supplier);
    if (set) set.add(t.recipient);
    else out.set(t.supplier, new Set([t.recipient]));
  }
  const connected: [string, string][] = [];
  for (const a of hubs) {
    const next = out.get(a) ?? new Set<string>();
    for (const b of hubs) {
      if (a === b) continue;
      if (next.has(b) || [...next].some((x) => x !== b && out.get(x)?.has(b))) connected.push([a, b]);
    }
  }
  const drawn = shuffle(random, [...connected]).slice(0, count.pairs);
  const questions: RouteQuestion[] = [];
  for (const [from, to] of drawn) {
    for (const maxHops of ROUTE_HOPS_ASKED) for (const order of ROUTE_ORDERS_ASKED) questions.push({ from, to, maxHops, order });
  }
  return { questions: shuffle(random, questions), hubs, connectedPairs: connected.length, pairs: drawn.length };
}

/** One backfill question: candidates for a recipient over a window (default years around deliveries, first 20). */
export interface BackfillQuestion {
  readonly recipient: string;
  readonly between: { readonly from: string; readonly to: string };
}

/**
 * Backfill questions for the `count` biggest recipients (by transfers received), each over the last five years of
 * the data (the five calendar years ending with the latest year a transfer starts in).
 */
export function backfillQuestions(d: Dataset, count: number): BackfillQuestion[] {
  let last = 0;
  for (const t of d.transfers) {
    if (t.date.earliest === OPEN_START) continue;
    const year = Number(t.date.earliest.slice(0, 4));
    if (year > last) last = year;
  }
  const between = { from: `${String(last - 4).padStart(4, '0')}-01-01`, to: `${String(last).padStart(4, '0')}-12-31` };
  return byTransfers(d, 'recipient').slice(0, count).map((recipient) => ({ recipient, between }));
}
