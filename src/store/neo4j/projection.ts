// The in-process projection of the TRANSFERRED graph (issue [13], "a GDS-style projection"): each Neo4j store
// instance keeps the relationships path and route questions read (ids, dates, statuses, kinds, known times,
// systems, categories, delivery rows) in memory, stamped with the graph's version. Every load writes a new
// stamp in its own transaction; a question reads the stamp (one small round trip) and the whole projection again
// only when it has changed. Filtering and adjacency are in-process, as in the memory store.
import { bySpanThenId } from '../../domain/time.js';
import type { TransferKind, TransferStatus } from '../../domain/model.js';
import { Hierarchy, transferPredicate, type FilteredTransfer, type PathGraph, type RouteCandidate, type TransferFilter } from '../../query/index.js';

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

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** One version of the graph's transfers, with adjacency in time order and filtered views made on demand. */
export class TransferProjection {
  private readonly outgoing = new Map<string, ProjectedTransfer[]>();
  private readonly incoming = new Map<string, ProjectedTransfer[]>();
  private readonly systems: Hierarchy;
  private readonly graphs = new Map<string, PathGraph<RouteCandidate>>();

  constructor(
    readonly version: string | null,
    transfers: readonly ProjectedTransfer[],
    systemFamilies: Iterable<readonly [string, string | undefined]>,
  ) {
    for (const t of transfers) {
      push(this.outgoing, t.supplier, t);
      push(this.incoming, t.recipient, t);
    }
    const order = (a: ProjectedTransfer, b: ProjectedTransfer) => bySpanThenId(a.candidate, b.candidate);
    for (const list of this.outgoing.values()) list.sort(order);
    for (const list of this.incoming.values()) list.sort(order);
    this.systems = new Hierarchy(systemFamilies);
    this.size = transfers.length;
  }

  /** How many relationships the projection holds. */
  readonly size: number;

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
