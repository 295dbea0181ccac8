// Long searches next to cheap questions (issue [13], "heavy questions must not starve cheap ones"). Path, route and
// chain searches run in this process on both stores (the Neo4j store searches its in-process projection), and a
// search between hubs can take hundreds of milliseconds of CPU. Run in one go, it holds the event loop: every other
// request waits for it. So the searches are written as generators that yield every few thousand steps, and a
// question runs them in slices of a few milliseconds with the event loop free in between; and only a few searches
// run at once (the rest wait their turn in order), so twenty heavy questions do not share out the CPU and all
// finish late, nor hold twenty searches' memory. The answers are the same as in one go: a slice boundary never
// changes what a search finds.
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';

/** A search that yields now and then (nothing: it only offers a pause) and returns its answer at the end. */
export type Sliced<T> = Generator<void, T, void>;

/** Steps between the pauses a search offers (a step is one actor-to-actor or transfer expansion: well under 1 µs). */
export const STEPS_PER_PAUSE = 2_048;

/** Longest a search runs before it lets other work in (ms). */
export const SLICE_MS = 2;

/** Searches that may run at once; the others queue in arrival order. */
export const SEARCHES_AT_ONCE = 1;

const lane = pLimit(SEARCHES_AT_ONCE);

/** Runs a search to its end without pausing (tests, the benchmark's reference answers, the CLI). */
export function runToEnd<T>(search: Sliced<T>): T {
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a search in slices of at most about `SLICE_MS`, the event loop free between them, once its turn comes (at
 * most `SEARCHES_AT_ONCE` run at once). `start` makes the search when its turn comes, so a queued question holds
 * nothing but its arguments.
 */
export function runInSlices<T>(start: () => Sliced<T>): Promise<T> {
  return lane(async () => {
    // Each search begins on a turn of its own: searches that finish within one slice, queued back to back, would
    // otherwise run one after the other with nothing else let in.
    await nextTurn();
    const search = start();
    let began = performance.now();
    for (;;) {
      const step = search.next();
      if (step.done) return step.value;
      if (performance.now() - began >= SLICE_MS) {
        await nextTurn();
        began = performance.now();
      }
    }
  });
}
