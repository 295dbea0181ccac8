// Fixed, seeded random query sets: the same questions for every store and peer of one size.
import type { Dataset, Transfer } from '../../src/domain/model.js';
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
