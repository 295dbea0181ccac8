// Finds a cycle in a chain of links (an actor's partOf, a system's family), which must end.

/** The chain from `start` along `next` up to the first id seen twice, or undefined when the chain ends. */
export function cycleFrom(start: string, next: ReadonlyMap<string, string>): string[] | undefined {
  const seen = new Set<string>([start]);
  let current = next.get(start);
  while (current !== undefined) {
    if (seen.has(current)) return [...seen, current];
    seen.add(current);
    current = next.get(current);
  }
  return undefined;
}
