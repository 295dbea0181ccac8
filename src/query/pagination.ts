// Keyset pagination shared by every store: opaque cursors over a total order of sort keys.
import { InvalidArgumentError } from '../domain/errors.js';
import type { Page, PageRequest } from './types.js';

/** Largest page size a caller may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

/** A sort key: compared element by element as strings. */
export type SortKey = readonly string[];

/** Compares two sort keys element by element (code-unit order, as Neo4j compares strings). */
export function compareKeys(a: SortKey, b: SortKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor; throws InvalidArgumentError naming the `after` argument when it is not ours. */
export function decodeCursor(cursor: string): SortKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // fall through to the error below
  }
  throw new InvalidArgumentError(`after: "${cursor.slice(0, 40)}" is not a cursor returned by this API`, { argument: 'after' });
}

/** Checks `first` and returns the page size to use. */
export function pageSize(first: number | undefined): number {
  if (first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  return first;
}

/** Cuts one page out of items already sorted by `keyOf` (ascending). */
export function paginate<T>(sorted: readonly T[], keyOf: (item: T) => SortKey, request: PageRequest): Page<T> {
  const size = pageSize(request.first);
  let start = 0;
  if (request.after !== undefined) {
    const after = decodeCursor(request.after);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(keyOf(sorted[mid]!), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + size);
  return {
    items,
    cursors: items.map((item) => encodeCursor(keyOf(item))),
    totalCount: sorted.length,
    hasNextPage: start + size < sorted.length,
    hasPreviousPage: start > 0,
  };
}

/** The sort key of anything ordered by time span then id (DESIGN §3). */
export function spanKey(item: { readonly id: string; readonly date: { readonly earliest: string; readonly latest: string } }): SortKey {
  return [item.date.earliest, item.date.latest, item.id];
}

/** The sort key of anything ordered by id. */
export function idKey(item: { readonly id: string }): SortKey {
  return [item.id];
}
