// The in-process projection of the graph (issue [13], "a GDS-style projection"): each Neo4j store instance keeps
// the TRANSFERRED relationships path and route questions and transfer pages read (ids, dates, statuses, kinds,
// known times, systems, categories, delivery rows), the timeline entries, and the nodes that name resolution,
// restriction checks and nested fields read (actors, systems, restrictions, events, and each transfer's JSON),
// stamped with the graph's version. Every load
// writes a new stamp in its own transaction; a question checks the stamp (in its one round trip) and the whole
// projection is read again only when it has changed. Filtering and adjacency are in-process, as in the memory store.
import { bySpanThenId } from '../../domain/time.js';
import type { Actor, Event, Restriction, Transfer, TransferKind, TransferStatus, WeaponSystem } from '../../domain/model.js';
import {
  appendTo, compareEntries, Hierarchy, matchingTransfers, NameIndex, paginate, spanKey, TimelineIndex, transferPredicate, type CheckContext, type Entity,
  type FilteredTransfer, type Page, type PageRequest, type PathGraph, type RouteCandidate, type TimelineEntry, type TimelineFilter,
  type TransferFilter, type TransferLists,
} from '../../query/index.js';

/** A TRANSFERRED relationship as the projection keeps it: what filters read, and the route candidate questions get. */
export interface ProjectedTransfer extends FilteredTransfer {
  readonly status: TransferStatus;
  readonly kind: TransferKind;
  readonly knownSince: string;
  /** Exactly what the memory store gives for the same transfer (`routeCandidateOf`). */
  readonly candidate: RouteCandidate;
}

/** Filtered graphs kept per projection (least recently used dropped first). */
const GRAPHS_PER_PROJECTION = 32;

/**
 * Transfers kept parsed per projection (least recently used dropped first): a route page checks a hundred witness
 * transfers, and the same hub pairs come back; a ×10 graph parsed whole would hold a gigabyte.
 */
const PARSED_TRANSFERS = 8_192;

/** The nodes a projection holds besides the relationships: parsed, except transfers (JSON, parsed when asked for). */
export interface ProjectedNodes {
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly restrictions: readonly Restriction[];
  readonly events: readonly Event[];
  readonly transferJson: ReadonlyMap<string, string>;
  /** Every timeline entry, in any order. */
  readonly entries: readonly TimelineEntry[];
}

/** One version of the graph's transfers, with adjacency in time order and filtered views made on demand. */
export class GraphProjection {
  private readonly outgoing = new Map<string, ProjectedTransfer[]>();
  private readonly incoming = new Map<string, ProjectedTransfer[]>();
  /** The transfers in time order, whole and by supplier and recipient, as transfer pages read them. */
  private readonly lists: TransferLists<ProjectedTransfer>;
  /** The timeline, as timeline pages read it (the memory store's index). */
  private readonly timeline: TimelineIndex;
  private readonly systems: Hierarchy;
  private readonly graphs = new Map<string, PathGraph<RouteCandidate>>();

  private readonly entities = new Map<string, Entity>();
  private readonly transferJson: ReadonlyMap<string, string>;
  private readonly parsed = new Map<string, Transfer>();
  /** Actors' and systems' ids and names, resolved as the memory store resolves them. */
  readonly names: NameIndex;
  /** What restriction checks read (every restriction and war; the checks pick those in force). */
  readonly checks: CheckContext;

  constructor(readonly version: string | null, transfers: readonly ProjectedTransfer[], nodes: ProjectedNodes) {
    for (const t of transfers) {
      appendTo(this.outgoing, t.supplier, t);
      appendTo(this.incoming, t.recipient, t);
    }
    const order = (a: ProjectedTransfer, b: ProjectedTransfer) => bySpanThenId(a.candidate, b.candidate);
    for (const list of this.outgoing.values()) list.sort(order);
    for (const list of this.incoming.values()) list.sort(order);
    this.lists = { all: [...transfers].sort(order), outgoing: this.outgoing, incoming: this.incoming };
    this.systems = new Hierarchy(nodes.systems.map((x) => [x.id, x.family] as const));
    this.size = transfers.length;
    for (const value of nodes.actors) this.entities.set(value.id, { type: 'Actor', value });
    for (const value of nodes.systems) this.entities.set(value.id, { type: 'WeaponSystem', value });
    for (const value of nodes.restrictions) this.entities.set(value.id, { type: 'Restriction', value });
    for (const value of nodes.events) this.entities.set(value.id, { type: 'Event', value });
    this.transferJson = nodes.transferJson;
    this.names = new NameIndex(nodes.actors, nodes.systems);
    const names = new Map<string, string>();
    for (const x of [...nodes.actors, ...nodes.systems]) names.set(x.id, x.name);
    this.checks = {
      restrictions: [...nodes.restrictions].sort((a, b) => (a.id < b.id ? -1 : 1)),
      wars: nodes.events.filter((e) => e.kind === 'WAR'),
      systems: this.systems,
      actors: new Hierarchy(nodes.actors.map((a) => [a.id, a.partOf] as const)),
      nameOf: (id) => names.get(id) ?? id,
    };
    this.timeline = new TimelineIndex([...nodes.entries].sort(compareEntries), this.checks.actors, this.systems);
  }

  /** One page of the transfers matching a filter, in time order (as the memory store pages them). */
  transferPage(filter: TransferFilter, page: PageRequest): Page<Transfer> {
    const found = paginate(matchingTransfers(this.lists, filter, this.systems), (t) => spanKey(t.candidate), page);
    return { ...found, items: found.items.map((t) => JSON.parse(this.transferJson.get(t.candidate.id)!) as Transfer) };
  }

  /** One page of the timeline entries matching a filter (as the memory store pages them). */
  timelinePage(filter: TimelineFilter, page: PageRequest): Page<TimelineEntry> {
    return this.timeline.page(filter, page);
  }

  /** How many relationships the projection holds. */
  readonly size: number;

  /** An actor, system, restriction, event or transfer by id (other kinds of node are not held). */
  node(id: string): Entity | undefined {
    const held = this.entities.get(id);
    if (held !== undefined) return held;
    let value = this.parsed.get(id);
    if (value !== undefined) {
      this.parsed.delete(id);
    } else {
      const json = this.transferJson.get(id);
      if (json === undefined) return undefined;
      value = JSON.parse(json) as Transfer;
      if (this.parsed.size >= PARSED_TRANSFERS) this.parsed.delete(this.parsed.keys().next().value!);
    }
    this.parsed.set(id, value);
    return { type: 'Transfer', value };
  }

  /** The adjacency of the transfers matching `filter`, each actor's list filtered on first use and kept. */
  graph(filter: TransferFilter): PathGraph<RouteCandidate> {
    const key = JSON.stringify([filter.system, [...(filter.statuses ?? [])].sort(), filter.between, filter.knownAt, filter.supplier, filter.recipient, filter.kinds, filter.sources]);
    let graph = this.graphs.get(key);
    if (graph) {
      this.graphs.delete(key);
    } else {
      const keep = transferPredicate(filter, this.systems);
      const view = (source: ReadonlyMap<string, readonly ProjectedTransfer[]>) => {
        const lists = new Map<string, readonly RouteCandidate[]>();
        return (actor: string) => {
          let list = lists.get(actor);
          if (!list) {
            const out: RouteCandidate[] = [];
            for (const t of source.get(actor) ?? []) if (keep(t)) out.push(t.candidate);
            lists.set(actor, (list = out));
          }
          return list;
        };
      };
      graph = { outgoing: view(this.outgoing), incoming: view(this.incoming) };
      if (this.graphs.size >= GRAPHS_PER_PROJECTION) this.graphs.delete(this.graphs.keys().next().value!);
    }
    this.graphs.set(key, graph);
    return graph;
  }
}
