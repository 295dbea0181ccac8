// An immutable, fully indexed view of one Dataset in graphology; the memory store swaps whole snapshots.
import { MultiDirectedGraph } from 'graphology';
import { datasetLinks, validateDataset } from '../../domain/graph-model.js';
import type { Actor, Dataset, Transfer, WeaponSystem } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { Hierarchy, timelineEntries, type CheckContext, type Searchable } from '../../query/index.js';
import type { Entity, GraphStats, TimelineEntry } from '../types.js';

/** Node attributes in the graphology graph: the entity type and the entity itself. */
export interface NodeAttributes {
  readonly type: Entity['type'];
  readonly entity: Entity['value'];
}

/** Edge attributes: the relationship type (TRANSFERRED, SUPPLIER, …) and the transfer for TRANSFERRED. */
export interface EdgeAttributes {
  readonly type: string;
  readonly transfer?: Transfer;
  readonly quote?: string;
  readonly note?: string;
}

/** Everything the memory store answers from, built once per load. */
export interface Snapshot {
  readonly graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  /** Transfers in time order (earliest, latest, id). */
  readonly transfers: readonly Transfer[];
  readonly timeline: readonly TimelineEntry[];
  readonly outgoing: ReadonlyMap<string, readonly Transfer[]>;
  readonly incoming: ReadonlyMap<string, readonly Transfer[]>;
  readonly actorTree: Hierarchy;
  readonly systemTree: Hierarchy;
  readonly actorAliases: ReadonlyMap<string, string>;
  readonly systemAliases: ReadonlyMap<string, string>;
  readonly searchables: readonly Searchable[];
  readonly checks: CheckContext;
  readonly stats: GraphStats;
}

const bySpanThenId = (a: Transfer, b: Transfer) =>
  a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1
    : a.date.latest < b.date.latest ? -1 : a.date.latest > b.date.latest ? 1
      : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function aliasIndex(items: readonly { id: string; name: string; aliases: readonly string[] }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of items) {
    for (const n of [item.id, item.name, ...item.aliases]) {
      const key = normalizeName(n);
      if (key !== '' && !index.has(key)) index.set(key, item.id);
    }
  }
  return index;
}

/**
 * Builds a snapshot from a dataset, checking its integrity (unique ids, references that exist).
 * Throws without side effects, which is what makes loads atomic.
 */
export function buildSnapshot(dataset: Dataset): Snapshot {
  validateDataset(dataset);
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  const entities = new Map<string, Entity>();
  const add = (entity: Entity): void => {
    entities.set(entity.value.id, entity);
    graph.addNode(entity.value.id, { type: entity.type, entity: entity.value });
  };
  for (const value of dataset.sources) add({ type: 'Source', value });
  for (const value of dataset.actors) add({ type: 'Actor', value });
  for (const value of dataset.systems) add({ type: 'WeaponSystem', value });
  for (const value of dataset.events) add({ type: 'Event', value });
  for (const value of dataset.restrictions) add({ type: 'Restriction', value });
  for (const value of dataset.aidCommitments) add({ type: 'AidCommitment', value });
  for (const value of dataset.transfers) add({ type: 'Transfer', value });
  for (const link of datasetLinks(dataset)) {
    graph.addDirectedEdge(link.from, link.to, {
      type: link.type,
      ...(link.quote !== undefined && { quote: link.quote }),
      ...(link.note !== undefined && { note: link.note }),
    });
  }
  const outgoing = new Map<string, Transfer[]>();
  const incoming = new Map<string, Transfer[]>();
  for (const t of dataset.transfers) {
    graph.addDirectedEdgeWithKey(`transferred:${t.id}`, t.supplier, t.recipient, { type: 'TRANSFERRED', transfer: t });
    (outgoing.get(t.supplier) ?? outgoing.set(t.supplier, []).get(t.supplier)!).push(t);
    (incoming.get(t.recipient) ?? incoming.set(t.recipient, []).get(t.recipient)!).push(t);
  }
  // Adjacency pre-sorted by time, so path enumeration walks hops in a stable order.
  for (const list of [...outgoing.values(), ...incoming.values()]) list.sort(bySpanThenId);

  const actors = [...dataset.actors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const systems = [...dataset.systems].sort((a, b) => (a.id < b.id ? -1 : 1));
  const actorTree = new Hierarchy(actors.map((a) => [a.id, a.partOf] as const));
  const systemTree = new Hierarchy(systems.map((s) => [s.id, s.family] as const));
  const names = new Map<string, string>([...actors, ...systems].map((x) => [x.id, x.name]));
  const citations = [dataset.transfers, dataset.events, dataset.restrictions, dataset.aidCommitments, dataset.systems]
    .flat()
    .reduce((n, x) => n + x.citations.length, 0);
  return {
    graph,
    entities,
    actors,
    systems,
    transfers: [...dataset.transfers].sort(bySpanThenId),
    timeline: timelineEntries(dataset),
    outgoing,
    incoming,
    actorTree,
    systemTree,
    actorAliases: aliasIndex(actors),
    systemAliases: aliasIndex(systems),
    searchables: [
      ...actors.map((a) => ({ id: a.id, type: 'Actor' as const, name: a.name, names: [a.name, ...a.aliases, a.id] })),
      ...systems.map((s) => ({
        id: s.id, type: 'WeaponSystem' as const, name: s.name,
        names: [s.name, ...s.aliases, ...(s.designation ? [s.designation] : []), s.id],
      })),
      ...dataset.events.map((e) => ({ id: e.id, type: 'Event' as const, name: e.title, names: [e.title, e.id] })),
    ],
    checks: {
      restrictions: [...dataset.restrictions].sort((a, b) => (a.id < b.id ? -1 : 1)),
      wars: dataset.events.filter((e) => e.kind === 'WAR'),
      systems: systemTree,
      actors: actorTree,
      nameOf: (id) => names.get(id) ?? id,
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
