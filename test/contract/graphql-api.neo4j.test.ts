// Runs the GraphQL API suite over HTTP against Neo4j (skipped when unreachable, failing with REQUIRE_NEO4J=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { Neo4jStore, type GraphStore } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { SEED_DIR } from './graph-store.contract.js';
import { describeGraphqlApi } from './graphql-api.contract.js';

if (await neo4jAvailable()) {
  describeGraphqlApi('neo4j', () => Neo4jStore.connect());

  describe('GraphQL API over HTTP: neo4j round trips', () => {
    let store: GraphStore;
    let server: RunningServer;
    const calls: string[] = [];

    beforeAll(async () => {
      const real = await Neo4jStore.connect();
      await real.load(await loadSeedDir(SEED_DIR));
      store = new Proxy(real, {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && typeof Reflect.get(target, prop) === 'function') calls.push(prop);
          return Reflect.get(target, prop, receiver);
        },
      });
      server = await startServer(store);
    });
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    it('a transfers page brings the nodes its items refer to: nested supplier and system need no other read', async () => {
      calls.length = 0;
      const { body } = await server.gql<{ transfers: { edges: { node: { id: string; supplier: { name: string }; recipient: { name: string }; system: { name: string } } }[] } }>(
        '{ transfers(filter: { recipient: "Ukraine" }, first: 5) { edges { node { id supplier { name } recipient { name } system { name } } } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.transfers.edges.map(({ node: n }) => `${n.supplier.name} → ${n.recipient.name}: ${n.system.name}`)).toEqual([
        'Unknown supplier → Ukraine: Patriot',
        'United States → Ukraine: Patriot missile',
      ]);
      expect(calls).toContain('transferPage');
      expect(calls.filter((c) => c === 'nodes' || c === 'node')).toEqual([]);
    });
  });
}
