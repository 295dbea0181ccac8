// Child process: serves one API over HTTP for the load generator, and prints `{"port": N}` once listening.
//   --api memory  our API (createServer) on a MemoryStore loaded with --size
//   --api neo4j   our API on the bench Neo4j (which must already hold --size)
//   --api peer    the @neo4j/graphql peer on the same Neo4j, served by Apollo on Fastify like ours
//   --workers N   with --api neo4j: N processes on one port (src/workers.ts, as `serve --workers N`), each its own
//                 store and projection; the primary prints the port once all listen
// Logging is off for all three, so the figures compare the engines, not log volume; http.ts starts it with
// NODE_ENV=production, as a deployment runs. Stops on SIGTERM.
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { pino } from 'pino';
import { loadAuthConfig } from '../../src/auth/index.js';
import { createServer } from '../../src/server.js';
import { collectGarbageBeforeServing, isServeWorker, superviseWorkers } from '../../src/workers.js';
import { MemoryStore, type GraphStore } from '../../src/store/index.js';
import { buildDataset } from './datasets.js';
import { benchDriver, connectStore } from './neo4j.js';

const { values } = parseArgs({
  options: { api: { type: 'string' }, size: { type: 'string' }, port: { type: 'string', default: '0' }, workers: { type: 'string', default: '1' } },
});
const port = Number(values.port);
const workers = Number(values.workers);
if (workers > 1 && values.api !== 'neo4j') throw new Error('--workers needs --api neo4j');
if (workers > 1 && !isServeWorker()) {
  // The primary: it serves nothing itself, and passes SIGTERM on to the workers (superviseWorkers).
  const { port: shared } = await superviseWorkers(workers, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify({ port: shared })}\n`);
  await new Promise(() => {});
}

async function serveOurs(store: GraphStore): Promise<{ port: number; close: () => Promise<void> }> {
  collectGarbageBeforeServing(); // as `serve` does before it listens
  // The load generator sends thousands of requests a minute from one address: no rate limit (the peer has none either).
  const auth = await loadAuthConfig({ ...process.env, ARMSGRAPH_RATE_LIMIT: 'off' });
  const { app, shutdown } = await createServer({ store, logger: pino({ level: 'silent' }), introspection: false, auth });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  return { port: typeof address === 'object' && address ? address.port : port, close: () => shutdown(1_000) };
}

async function servePeer(): Promise<{ port: number; close: () => Promise<void> }> {
  const { peerSchema } = await import('./peers/neo4j-graphql.js'); // only this API loads @neo4j/graphql
  const driver = benchDriver();
  const apollo = new ApolloServer({ schema: await peerSchema(driver), introspection: false, csrfPrevention: true });
  await apollo.start();
  const app = Fastify({ logger: false });
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo, { context: async () => ({}) }) });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: async () => {
      await app.close();
      await apollo.stop();
      await driver.close();
    },
  };
}

let server: { port: number; close: () => Promise<void> };
if (values.api === 'memory') {
  const store = new MemoryStore();
  await store.load((await buildDataset(values.size!)).dataset);
  server = await serveOurs(store);
} else if (values.api === 'neo4j') {
  const store = await connectStore();
  await store.warm(); // as `serve` does before it listens
  server = await serveOurs(store);
} else if (values.api === 'peer') {
  server = await servePeer();
} else {
  throw new Error(`--api must be memory, neo4j or peer, got ${values.api}`);
}
// A worker's port is the primary's to print.
if (!isServeWorker()) process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.once('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
