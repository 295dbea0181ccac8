// Transfer filter semantics (DESIGN §3, §5) as predicates both stores apply identically.
import { EXCLUDED_BY_DEFAULT, type Transfer, type TransferStatus } from '../domain/model.js';
import { believedAt, type FactSource } from '../domain/provenance.js';
import { mayOverlap } from '../domain/time.js';
import type { TransferFilter } from './types.js';
import type { Hierarchy } from './hierarchy.js';

/** Statuses a path query considers when none are given: all but CANCELLED and DENIED. */
export function defaultPathStatuses(all: readonly TransferStatus[]): TransferStatus[] {
  return all.filter((s) => !EXCLUDED_BY_DEFAULT.includes(s));
}

/** Compiles a transfer filter into a predicate; `systems` expands the system filter to its family. */
/** What a transfer filter reads of a transfer (a whole Transfer, or a projected `TRANSFERRED` relationship). */
export type FilteredTransfer = Pick<Transfer, 'supplier' | 'recipient' | 'system' | 'status' | 'kind' | 'knownSince' | 'knownUntil' | 'claim'> & {
  readonly date: { readonly earliest: string; readonly latest: string };
  /** Whole transfers carry their SIPRI record, which says their source; projected ones say it (`source`). */
  readonly sipri?: unknown;
  readonly source?: FactSource;
};

export function transferPredicate(filter: TransferFilter, systems: Hierarchy): (t: FilteredTransfer) => boolean {
  const family = filter.system === undefined ? undefined : systems.descendantsOrSelf(filter.system);
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : undefined;
  const sources = filter.sources && filter.sources.length > 0 ? new Set(filter.sources) : undefined;
  return (t) =>
    (sources === undefined || sources.has(t.source ?? (t.claim !== undefined ? 'CLAIM' : t.sipri !== undefined ? 'SIPRI' : 'SEED'))) &&
    (filter.supplier === undefined || t.supplier === filter.supplier) &&
    (filter.recipient === undefined || t.recipient === filter.recipient) &&
    (family === undefined || family.has(t.system)) &&
    (statuses === undefined || statuses.has(t.status)) &&
    (kinds === undefined || kinds.has(t.kind)) &&
    (filter.between === undefined || mayOverlap(t.date, filter.between)) &&
    believedAt(t, filter.knownAt);
}
