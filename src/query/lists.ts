// The time-ordered lists both stores answer transfer and timeline pages from: the memory store's snapshot and the
// Neo4j store's in-process projection build the same indexes, so a page has one semantics and one implementation.
import type { Page, PageRequest, TimelineEntry, TimelineFilter, TransferFilter } from './types.js';
import { transferPredicate, type FilteredTransfer } from './filters.js';
import type { Hierarchy } from './hierarchy.js';
import { paginate, spanKey } from './pagination.js';
import { compareEntries, timelinePredicate } from './timeline.js';

/** Appends `value` to the list under `key` in a map of lists. */
export function appendTo<K, T>(index: Map<K, T[]>, key: K, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * Merges lists that are each sorted by `compare` into one sorted list; an item that is in two lists (the same
 * object) is kept once. Pairwise, which is fine for the few lists a family or an actor's parts give.
 */
export function mergeSorted<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): readonly T[] {
  return lists.reduce<readonly T[]>((a, b) => {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x === y) {
        out.push(x);
        i += 1;
        j += 1;
      } else if (compare(x, y) < 0) {
        out.push(x);
        i += 1;
      } else {
        out.push(y);
        j += 1;
      }
    }
    for (; i < a.length; i += 1) out.push(a[i]!);
    for (; j < b.length; j += 1) out.push(b[j]!);
    return out;
  }, []);
}

/** Transfers (or their projections) in time order (earliest, latest, id), whole and by supplier and recipient. */
export interface TransferLists<T extends FilteredTransfer> {
  readonly all: readonly T[];
  /** Each actor's list keeps the order of `all`. */
  readonly outgoing: ReadonlyMap<string, readonly T[]>;
  readonly incoming: ReadonlyMap<string, readonly T[]>;
}

/**
 * The transfers matching a filter, in time order. A supplier or recipient narrows the scan to that actor's
 * adjacency list, which is in the same order as the whole list, so the answer is the same as a full scan.
 */
export function matchingTransfers<T extends FilteredTransfer>(lists: TransferLists<T>, filter: TransferFilter, systems: Hierarchy): T[] {
  let candidates = lists.all;
  if (filter.supplier !== undefined) candidates = lists.outgoing.get(filter.supplier) ?? [];
  if (filter.recipient !== undefined) {
    const received = lists.incoming.get(filter.recipient) ?? [];
    if (received.length < candidates.length) candidates = received;
  }
  return candidates.filter(transferPredicate(filter, systems));
}

/** Per-key lists of entries, keeping the (already sorted) order of `entries`; an entry is listed once per key. */
function indexEntries(entries: readonly TimelineEntry[], keysOf: (e: TimelineEntry) => readonly string[]): Map<string, TimelineEntry[]> {
  const index = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const keys = keysOf(e);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (keys.indexOf(key) === i) appendTo(index, key, e);
    }
  }
  return index;
}

/** The timeline in order (`compareEntries`), indexed by the actors and the systems its entries involve. */
export class TimelineIndex {
  private readonly byActor: ReadonlyMap<string, readonly TimelineEntry[]>;
  private readonly bySystem: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** Whether some entry's subject was retracted or corrected (then no index answers a filter alone). */
  private readonly hasEnded: boolean;

  /** `entries` in timeline order; the hierarchies give the parts of actors and the members of system families. */
  constructor(
    readonly entries: readonly TimelineEntry[],
    private readonly actors: Hierarchy,
    private readonly systems: Hierarchy,
  ) {
    this.byActor = indexEntries(entries, (e) => e.actors);
    this.bySystem = indexEntries(entries, (e) => e.systems);
    this.hasEnded = entries.some((e) => e.knownUntil !== undefined);
  }

  /** One page of the entries matching a filter. */
  page(filter: TimelineFilter, page: PageRequest): Page<TimelineEntry> {
    const { candidates, exact } = this.candidates(filter);
    let items = candidates;
    if (filter.between !== undefined) {
      // Entries are in `earliest` order, so none after the first that starts past the window can overlap it.
      const to = filter.between.to;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (items[mid]!.date.earliest <= to) lo = mid + 1;
        else hi = mid;
      }
      items = items.slice(0, lo);
    }
    return paginate(exact ? items : items.filter(timelinePredicate(filter, this.actors, this.systems)), spanKey, page);
  }

  /**
   * A superset of the entries a filter can match, in timeline order: the entries of the filter's actors (and their
   * parts) or of its systems (and their families) from the indexes, whichever is smaller; the whole timeline when
   * the filter names neither. `exact` when the filter asks nothing more than the index answers (then every
   * candidate matches); otherwise the predicate decides, as over the whole list.
   */
  private candidates(filter: TimelineFilter): { candidates: readonly TimelineEntry[]; exact: boolean } {
    const lists = (ids: readonly string[] | undefined, tree: Hierarchy, index: ReadonlyMap<string, readonly TimelineEntry[]>) => {
      if (!ids || ids.length === 0) return undefined;
      const keys = new Set(ids.flatMap((id) => [...tree.descendantsOrSelf(id)]));
      return [...keys].map((key) => index.get(key) ?? []).filter((list) => list.length > 0);
    };
    const size = (l: readonly (readonly TimelineEntry[])[]) => l.reduce((n, list) => n + list.length, 0);
    const byActor = lists(filter.actors, this.actors, this.byActor);
    const bySystem = lists(filter.systems, this.systems, this.bySystem);
    const chosen = byActor && bySystem ? (size(byActor) <= size(bySystem) ? byActor : bySystem) : (byActor ?? bySystem);
    const more = (filter.kinds?.length ?? 0) > 0 || (filter.sources?.length ?? 0) > 0 || filter.knownAt !== undefined || filter.between !== undefined || this.hasEnded;
    const exact = !more && (byActor === undefined || bySystem === undefined);
    return { candidates: chosen === undefined ? this.entries : mergeSorted(chosen, compareEntries), exact };
  }
}
