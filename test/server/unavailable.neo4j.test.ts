// With Neo4j gone, the API answers SERVICE_UNAVAILABLE and /health/ready 503; it recovers without a restart.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';

const available = await neo4jAvailable();

describe.runIf(available)('server with Neo4j down', () => {
  let proxy: net.Server;
  let up = true;
  const sockets = new Set<net.Socket>();
  let store: Neo4jStore;
  let server: RunningServer;

  beforeAll(async () => {
    const target = new URL(neo4jConfigFromEnv().uri.replace(/^(bolt|neo4j):/, 'http:'));
    proxy = net.createServer((client) => {
      if (!up) return client.destroy();
      const upstream = net.connect(Number(target.port || 7687), target.hostname);
      sockets.add(client).add(upstream);
      const drop = () => { client.destroy(); upstream.destroy(); };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    store = await Neo4jStore.connect({ ...neo4jConfigFromEnv(), uri: `bolt://127.0.0.1:${port}`, readRetryMs: 1_500, connectTimeoutMs: 1_000 });
    await store.load(await loadSeedDir(SEED_DIR));
    server = await startServer(store);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    proxy?.close();
  });

  it('answers SERVICE_UNAVAILABLE and 503, then recovers', async () => {
    const query = '{ transfers(filter: { recipient: "UA" }) { totalCount } }';
    expect((await server.gql(query)).body).toEqual({ data: { transfers: { totalCount: 2 } } });
    up = false;
    for (const s of sockets) s.destroy();
    const down = await server.gql(query);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.errors?.[0]?.message).toMatch(/Neo4j/);
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', store: 'neo4j' });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    up = true;
    expect((await server.gql(query)).body).toEqual({ data: { transfers: { totalCount: 2 } } });
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });
});
