// An immutable, fully indexed view of one Dataset; the memory store swaps whole snapshots.
import { MultiDirectedGraph } from 'graphology';
import { datasetLinks, validateDataset, type Link } from '../../domain/graph-model.js';
import { EMPTY_DATASET, type Actor, type Dataset, type Transfer, type WeaponSystem } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { Hierarchy, timelineEntries, type CheckContext, type Searchable } from '../../query/index.js';
import type { Entity, GraphStats, TimelineEntry } from '../types.js';

/** Node attributes in the graphology graph: the entity type and the entity itself. */
export interface NodeAttributes {
  readonly type: Entity['type'];
  readonly entity: Entity['value'];
}

/** Edge attributes: the relationship type (TRANSFERRED) and its transfer. */
export interface EdgeAttributes {
  readonly type: string;
  readonly transfer?: Transfer;
  readonly quote?: string;
  readonly note?: string;
}

/** Everything the memory store answers from, built once per load. */
export interface Snapshot {
  /**
   * The DESIGN §2 views in graphology: every entity as a node with its typed links (SUPPLIER, OF_SYSTEM, CITES, …)
   * and one `TRANSFERRED` edge per transfer between actors (keyed `transferred:<id>`). Built on first use: the
   * queries answer from the indexes below, and a million graphology edges took most of a large load.
   */
  readonly graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly systemsById: ReadonlyMap<string, WeaponSystem>;
  /** Transfers in time order (earliest, latest, id). */
  readonly transfers: readonly Transfer[];
  readonly timeline: readonly TimelineEntry[];
  /** Timeline entries by actor and by system they involve, each list in timeline order. */
  readonly timelineByActor: ReadonlyMap<string, readonly TimelineEntry[]>;
  readonly timelineBySystem: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** Transfers by supplier and by recipient, each list in time order (the same order as `transfers`). */
  readonly outgoing: ReadonlyMap<string, readonly Transfer[]>;
  readonly incoming: ReadonlyMap<string, readonly Transfer[]>;
  readonly actorTree: Hierarchy;
  readonly systemTree: Hierarchy;
  readonly actorAliases: ReadonlyMap<string, string>;
  readonly systemAliases: ReadonlyMap<string, string>;
  readonly searchables: readonly Searchable[];
  readonly checks: CheckContext;
  readonly stats: GraphStats;
  /** The typed links (SUPPLIER, OF_SYSTEM, CITES, …) going out of a node, derived from the entity on demand. */
  linksFrom(id: string): readonly Link[];
}

/** Time order of transfers (earliest, latest, id): the order of `transfers`, `outgoing` and `incoming`. */
type Spanned = { readonly id: string; readonly date: { readonly earliest: string; readonly latest: string } };
export const bySpanThenId = (a: Spanned, b: Spanned): number =>
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

/** Appends `value` to the list under `key`. */
function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** Per-key lists of entries, keeping the (already sorted) order of `entries`; an entry is listed once per key. */
function indexEntries(entries: readonly TimelineEntry[], keysOf: (e: TimelineEntry) => readonly string[]): Map<string, TimelineEntry[]> {
  const index = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const keys = keysOf(e);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (keys.indexOf(key) === i) push(index, key, e);
    }
  }
  return index;
}

/** The outgoing typed links of one entity: `datasetLinks` over a dataset holding only that entity. */
function linksOfEntity(entity: Entity | undefined): readonly Link[] {
  if (entity === undefined) return [];
  const one: Record<Entity['type'], keyof Dataset> = {
    Source: 'sources', Actor: 'actors', WeaponSystem: 'systems', Event: 'events', Restriction: 'restrictions',
    AidCommitment: 'aidCommitments', Transfer: 'transfers',
  };
  return datasetLinks({ ...EMPTY_DATASET, [one[entity.type]]: [entity.value] }).map(({ toType: _, ...link }) => link);
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
  // Adjacency in time order, so path enumeration walks hops in a stable order: filled from the sorted list.
  const outgoing = new Map<string, Transfer[]>();
  const incoming = new Map<string, Transfer[]>();
  for (const t of transfers) {
    push(outgoing, t.supplier, t);
    push(incoming, t.recipient, t);
  }
  let graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes> | undefined;
  // Both DESIGN §2 views in graphology, built on first use: queries answer from the plain indexes below, so a
  // load does not pay for a million graphology edges it would not read.
  const projection = () => {
    if (graph === undefined) {
      const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
      for (const entity of entities.values()) g.addNode(entity.value.id, { type: entity.type, entity: entity.value });
      for (const link of datasetLinks(dataset)) {
        g.addDirectedEdge(link.from, link.to, {
          type: link.type,
          ...(link.quote !== undefined && { quote: link.quote }),
          ...(link.note !== undefined && { note: link.note }),
        });
      }
      for (const t of transfers) {
        g.addDirectedEdgeWithKey(`transferred:${t.id}`, t.supplier, t.recipient, { type: 'TRANSFERRED', transfer: t });
      }
      graph = g;
    }
    return graph;
  };

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
  return {
    get graph() {
      return projection();
    },
    entities,
    actors,
    systems,
    systemsById: new Map(systems.map((x) => [x.id, x])),
    transfers,
    timeline,
    timelineByActor: indexEntries(timeline, (e) => e.actors),
    timelineBySystem: indexEntries(timeline, (e) => e.systems),
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
    linksFrom: (id) => linksOfEntity(entities.get(id)),
  };
}
