// Load: autocannon with 100 connections for 60 s on a mix of paths, timeline and transfers queries, from its own
// process against a server in another, for one store. Zero errors, non-2xx, timeouts or GraphQL errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkload, formatLoad, runLoad, startServeProcess, workloadBodies, type ServeProcess } from '../../tools/soak/processes.js';

/** Connections and seconds of the run (LOAD_SECONDS shortens it for a quick local try; the suite uses 60). */
export const LOAD_CONNECTIONS = 100;
export const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/**
 * Seconds before autocannon counts a request as a timeout: 30, not its default 10. On this shared 2-core machine
 * Neo4j saturates a core at ~10–70 req/s for this mix, so 100 connections queue for 100 / throughput ≈ 1.5–10 s
 * each, and even the memory store had one answer take 9.9 s (p99 0.34 s) while other work ran. The latency is
 * queueing; the test asserts that every request is answered, correctly, not that the queue is short.
 */
export const LOAD_TIMEOUT_S = { memory: 30, neo4j: 30 } as const;
/** Seed + the SIPRI excerpt (79 real deals): every workload query has a non-trivial answer, on both stores. */
export const LOAD_DATA = process.env.LOAD_DATA ?? 'excerpt';

/** Registers the load suite for one store. */
export function describeLoad(store: 'memory' | 'neo4j'): void {
  describe(`load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s, ${store} store (${LOAD_DATA})`, () => {
    let server: ServeProcess;
    let answers: Record<string, unknown>;

    beforeAll(async () => {
      server = await startServeProcess({ store, data: LOAD_DATA });
      answers = await checkWorkload(server.url);
    }, 180_000);
    afterAll(async () => {
      expect(await server?.stop()).toBe(0);
    });

    it('the workload has real answers before the run', () => {
      const paths = answers['paths JP→UA Patriot'] as any;
      expect(paths.transferPaths.paths[0].hops.map((h: any) => `${h.from.id}>${h.to.id}`)).toEqual(['JP>US', 'US>UA']);
      expect((answers['paths DE→UA 2 hops'] as any).transferPaths.paths.length).toBeGreaterThan(1);
      expect((answers['transfers to UA'] as any).transfers.totalCount).toBeGreaterThan(10);
      expect((answers['timeline UA'] as any).timeline.totalCount).toBeGreaterThan(10);
    });

    it('holds the load: no errors, no non-2xx, no timeouts, no GraphQL errors', async () => {
      const before = await server.probe();
      const result = await runLoad(server.url, workloadBodies(), LOAD_CONNECTIONS, LOAD_SECONDS, LOAD_TIMEOUT_S[store]);
      const after = await server.probe();
      console.log(formatLoad(`load ${store}`, result));
      console.log(`load ${store}: server RSS ${Math.round(before.rss / 2 ** 20)} → ${Math.round(after.rss / 2 ** 20)} MiB`);
      expect({ errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts, graphqlErrors: result.graphqlErrors }).toEqual({
        errors: 0, non2xx: 0, timeouts: 0, graphqlErrors: 0,
      });
      // Every connection was kept busy: at least 5 answers a second over the run (a stalled server fails this).
      expect(result.requests).toBeGreaterThan(5 * LOAD_SECONDS);
      expect(after.calls.pathCandidates ?? 0).toBeGreaterThan(0);
    }, (LOAD_SECONDS + LOAD_TIMEOUT_S[store] + 120) * 1000);

    it('answers the same afterwards, and is ready', async () => {
      expect(await checkWorkload(server.url)).toEqual(answers);
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    });
  });
}
