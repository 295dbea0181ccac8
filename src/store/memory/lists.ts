// A helper of the memory store's path indexes: splitting an actor's time-ordered list by system.
import type { Transfer } from '../../domain/model.js';

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
