// Sorted-list helpers of the memory store's indexes: merging time-ordered lists, splitting an actor's list by system.
import type { Transfer } from '../../domain/model.js';

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

/** An actor's transfers split by system, each list keeping the time order of the actor's list. */
export function bySystem(list: readonly Transfer[]): Map<string, Transfer[]> {
  const index = new Map<string, Transfer[]>();
  for (const t of list) {
    const l = index.get(t.system);
    if (l) l.push(t);
    else index.set(t.system, [t]);
  }
  return index;
}
