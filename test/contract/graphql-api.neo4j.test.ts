// Runs the GraphQL API suite over HTTP against Neo4j (skipped when unreachable, failing with REQUIRE_NEO4J=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { Neo4jStore } from '../../src/store/index.js';
import { neo4jConfigFromEnv } from '../../src/store/neo4j/config.js';
import { Executor } from '../../src/store/neo4j/Executor.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { SEED_DIR } from './graph-store.contract.js';
import { describeGraphqlApi } from './graphql-api.contract.js';

if (await neo4jAvailable()) {
  describeGraphqlApi('neo4j', () => Neo4jStore.connect());

  describe('GraphQL API over HTTP: neo4j round trips', () => {
    let store: Neo4jStore;
    let server: RunningServer;
    /** Every statement sent to Neo4j (reads one by one, read transactions as one), by what it was for. */
    const trips: string[] = [];
    const restore: (() => void)[] = [];

    beforeAll(async () => {
      store = await Neo4jStore.connect();
      await store.load(await loadSeedDir(SEED_DIR));
      for (const method of ['read', 'readWith'] as const) {
        const original = Executor.prototype[method];
        Executor.prototype[method] = function (this: Executor, ...args: unknown[]) {
          trips.push(String(args[1] ?? method));
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        } as never;
        restore.push(() => (Executor.prototype[method] = original as never));
      }
      server = await startServer(store);
      await server.gql('{ actor(id: "JP") { name } }'); // the projection read once
    });
    afterAll(async () => {
      restore.forEach((undo) => undo());
      await server?.close();
      await store?.close();
    });

    /** Asks `query` and returns what went to Neo4j for it. */
    async function tripsOf(query: string): Promise<string[]> {
      trips.length = 0;
      const { body } = await server.gql(query);
      expect(body.errors).toBeUndefined();
      return [...trips];
    }

    it('each question is one round trip, names and nested fields included', async () => {
      // Names given as aliases, nested names, checks: answered from the projection; the stamp is the one read.
      expect(await tripsOf('{ actor(id: "Japan") { id name } }')).toEqual(['version']);
      expect(await tripsOf(`{ transferPaths(from: "Japan", to: "Ukraine", options: { system: "Patriot" }) {
        paths { hops { from { name } to { name } transfer { id status system { name } } } checks { effect restriction { id } } } } }`)).toEqual(['version']);
      expect(await tripsOf(`{ transferRoutes(from: "JP", to: "UA", first: 5) {
        edges { node { hops { from { name } to { name } deals } checks { effect } } } } }`)).toEqual(['version']);
      // Transfer and timeline pages too: from the projection, checked by the same stamp read.
      expect(await tripsOf('{ transfers(filter: { recipient: "Ukraine" }, first: 5) { edges { node { id supplier { name } system { name } } } } }')).toEqual(['version']);
      expect(await tripsOf('{ timeline(filter: { actors: ["Japan"] }, first: 5) { edges { node { id actors { name } systems { name } } } } }')).toEqual(['version']);
      expect(await tripsOf('{ transfers(first: 5) { edges { node { id supplier { name } system { name } } } } }')).toEqual(['version']);
      // Actor and system lists are pages in Cypher: the page's own statement brings the stamp, which checks the names.
      expect(await tripsOf('{ actors(filter: { text: "jap" }, first: 5) { edges { node { id name } } } }')).toEqual(['page']);
    });

    it('questions asked at once share a stamp read that starts after they asked', async () => {
      trips.length = 0;
      const names = await Promise.all(['JP', 'US', 'UA', 'Japan', 'Ukraine'].map(async (ref) => (await store.lookupActor(ref)).value.id));
      expect(names).toEqual(['JP', 'US', 'UA', 'JP', 'UA']);
      // The first starts one; the four asked while it was under way share the next.
      expect(trips).toEqual(['version', 'version']);
    });

    it('with a stamp max age, questions share a recent stamp read; after its own load, or with bookmarks, an instance reads its own', async () => {
      const shared = await Neo4jStore.connect({ ...neo4jConfigFromEnv(), stampMaxAgeMs: 60_000 });
      try {
        const lookup = async (ref: string) => (await shared.lookupActor(ref)).value.id;
        trips.length = 0;
        expect(await lookup('JP')).toBe('JP');
        expect(trips).toEqual(['version', 'projection']);
        trips.length = 0;
        // Within the minute: at once or one after another, no read.
        expect(await Promise.all(['JP', 'US', 'UA', 'Japan', 'Ukraine'].map(lookup))).toEqual(['JP', 'US', 'UA', 'JP', 'UA']);
        expect(await lookup('Ukraine')).toBe('UA');
        expect(trips).toEqual([]);
        // This instance's own load is seen by its next question, well within the minute.
        const seed = await loadSeedDir(SEED_DIR);
        await shared.load({ ...seed, actors: [...seed.actors, { ...seed.actors.find((a) => a.id === 'JP')!, id: 'XX', name: 'Newland', aliases: [] }] });
        try {
          expect(await lookup('Newland')).toBe('XX');
        } finally {
          await shared.load(seed);
        }
        await expect(lookup('Newland')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        // A request with bookmarks (read-your-writes across instances) reads its own too.
        trips.length = 0;
        const bookmarks = await shared.readYourWrites.latest();
        expect(await shared.readYourWrites.within(bookmarks, () => lookup('US'))).toBe('US');
        expect(trips).toEqual(['version']);
      } finally {
        await shared.close();
      }
    });

    it('a load by this instance is seen by its next question, with one more read of the projection', async () => {
      const before = await server.gql<{ transfers: { totalCount: number } }>('{ transfers(filter: { recipient: "Ukraine" }) { totalCount } }');
      const dataset = await loadSeedDir(SEED_DIR);
      await store.load({ ...dataset, transfers: dataset.transfers.filter((t) => t.recipient !== "UA" && t.backfills.length === 0) });
      try {
        trips.length = 0;
        const after = await server.gql<{ transfers: { totalCount: number } }>('{ transfers(filter: { recipient: "Ukraine" }) { totalCount } }');
        expect(before.body.data!.transfers.totalCount).toBe(2);
        expect(after.body.data!.transfers.totalCount).toBe(0);
        // The stamp differs from the projection this instance holds: the projection is read again.
        expect(trips).toEqual(['version', 'projection']);
      } finally {
        await store.load(dataset);
      }
    });
  });
}
