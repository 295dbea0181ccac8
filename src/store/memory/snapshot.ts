// An immutable, fully indexed view of one Dataset; the memory store swaps whole snapshots.
import { validateDataset } from '../../domain/graph-model.js';
import type { Actor, AidCommitment, Dataset, Transfer, WeaponSystem } from '../../domain/model.js';
import { nameKeysOf, namesOf } from '../../domain/names.js';
import { bySpanThenId } from '../../domain/time.js';
import {
  appendTo, Hierarchy, NameIndex, routeCandidateOf, timelineEntries, TimelineIndex, type CheckContext, type Entity, type GraphStats, type RouteCandidate,
  type Searchable,
} from '../../query/index.js';

/** Everything the memory store answers from, built once per load. */
export interface Snapshot {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly systemsById: ReadonlyMap<string, WeaponSystem>;
  /** Transfers in time order (earliest, latest, id). */
  readonly transfers: readonly Transfer[];
  /** The timeline in order, indexed by actor and by system. */
  readonly timeline: TimelineIndex;
  /** Transfers by supplier and by recipient, each list in time order (the same order as `transfers`). */
  readonly outgoing: ReadonlyMap<string, readonly Transfer[]>;
  readonly incoming: ReadonlyMap<string, readonly Transfer[]>;
  readonly actorTree: Hierarchy;
  readonly systemTree: Hierarchy;
  /** Normalised name keys of every actor and system (`nameKeysOf`), for name filters. */
  readonly nameKeys: ReadonlyMap<string, readonly string[]>;
  /** Actors' and systems' ids and name keys, for resolving references. */
  readonly names: NameIndex;
  readonly searchables: readonly Searchable[];
  readonly checks: CheckContext;
  /** Aid commitments by id. */
  readonly aidCommitments: readonly AidCommitment[];
  /** Transfers that declare `backfills` links, by the id of each transfer they backfill. */
  readonly backfilledBy: ReadonlyMap<string, readonly Transfer[]>;
  /** A transfer as route search reads it (made once per transfer, on first use). */
  routeCandidate(t: Transfer): RouteCandidate;
  readonly stats: GraphStats;
}

/**
 * Builds a snapshot from a dataset, checking its integrity (unique ids, references that exist).
 * Throws without side effects, which is what makes loads atomic.
 */
export function buildSnapshot(dataset: Dataset): Snapshot {
  validateDataset(dataset);
  const entities = new Map<string, Entity>();
  for (const value of dataset.sources) entities.set(value.id, { type: 'Source', value });
  for (const value of dataset.actors) entities.set(value.id, { type: 'Actor', value });
  for (const value of dataset.systems) entities.set(value.id, { type: 'WeaponSystem', value });
  for (const value of dataset.events) entities.set(value.id, { type: 'Event', value });
  for (const value of dataset.restrictions) entities.set(value.id, { type: 'Restriction', value });
  for (const value of dataset.aidCommitments) entities.set(value.id, { type: 'AidCommitment', value });
  for (const value of dataset.transfers) entities.set(value.id, { type: 'Transfer', value });

  const transfers = [...dataset.transfers].sort(bySpanThenId);
  const backfilledBy = new Map<string, Transfer[]>();
  for (const t of [...dataset.transfers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const target of t.backfills) appendTo(backfilledBy, target, t);
  }
  // Adjacency in time order, so path enumeration walks hops in a stable order: filled from the sorted list.
  const outgoing = new Map<string, Transfer[]>();
  const incoming = new Map<string, Transfer[]>();
  for (const t of transfers) {
    appendTo(outgoing, t.supplier, t);
    appendTo(incoming, t.recipient, t);
  }
  const actors = [...dataset.actors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const systems = [...dataset.systems].sort((a, b) => (a.id < b.id ? -1 : 1));
  const actorTree = new Hierarchy(actors.map((a) => [a.id, a.partOf] as const));
  const systemTree = new Hierarchy(systems.map((s) => [s.id, s.family] as const));
  const names = new Map<string, string>();
  for (const x of actors) names.set(x.id, x.name);
  for (const x of systems) names.set(x.id, x.name);
  let citations = 0;
  for (const list of [dataset.transfers, dataset.events, dataset.restrictions, dataset.aidCommitments, dataset.systems]) {
    for (const x of list) citations += x.citations.length;
  }
  const timeline = timelineEntries(dataset);
  const nameKeys = new Map<string, readonly string[]>([...actors, ...systems].map((x) => [x.id, nameKeysOf(x)]));
  const systemsById = new Map(systems.map((x) => [x.id, x]));
  const candidates = new Map<Transfer, RouteCandidate>();
  return {
    entities,
    actors,
    systems,
    systemsById,
    transfers,
    timeline: new TimelineIndex(timeline, actorTree, systemTree),
    outgoing,
    incoming,
    actorTree,
    systemTree,
    nameKeys,
    names: new NameIndex(actors, systems, (x) => nameKeys.get(x.id)!),
    searchables: [
      ...actors.map((a): Searchable => ({ id: a.id, type: 'Actor', name: a.name, names: namesOf(a) })),
      ...systems.map((s): Searchable => ({ id: s.id, type: 'WeaponSystem', name: s.name, names: namesOf(s) })),
      ...dataset.events.map((e): Searchable => ({ id: e.id, type: 'Event', name: e.title, names: namesOf(e) })),
    ],
    checks: {
      restrictions: [...dataset.restrictions].sort((a, b) => (a.id < b.id ? -1 : 1)),
      wars: dataset.events.filter((e) => e.kind === 'WAR'),
      systems: systemTree,
      actors: actorTree,
      nameOf: (id) => names.get(id) ?? id,
    },
    aidCommitments: [...dataset.aidCommitments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    backfilledBy,
    routeCandidate: (t) => {
      let c = candidates.get(t);
      if (!c) candidates.set(t, (c = routeCandidateOf(t, systemsById.get(t.system)?.category)));
      return c;
    },
    stats: {
      actors: dataset.actors.length,
      systems: dataset.systems.length,
      transfers: dataset.transfers.length,
      events: dataset.events.length,
      restrictions: dataset.restrictions.length,
      aidCommitments: dataset.aidCommitments.length,
      sources: dataset.sources.length,
      citations,
    },
  };
}
