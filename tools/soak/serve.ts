// Child process: the armsgraph API on one store, for load, soak and hostile-input runs from another process.
// Prints `{"port": N}` once listening. Over IPC it answers `{type: 'probe'}` with its memory and the number of
// store calls by method (a counting proxy sits between the API and the store), and `{type: 'reset'}` zeroes the
// counts. Stops on SIGTERM (requests in flight finish), exiting 0.
//   --store memory|neo4j   (neo4j: NEO4J_URI, loads the data unless --no-load)
//   --data seed|excerpt|sipri|FILE   seed alone, or seed + the SIPRI excerpt fixture, the full SIPRI export, a CSV
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { buildDataset, DEFAULT_SEED_DIR } from '../../src/cli/options.js';
import { loadAuthConfig } from '../../src/auth/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStore, Neo4jStore, type GraphStore } from '../../src/store/index.js';
import { dataFile, type ServeProbe } from './processes.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'memory' },
    data: { type: 'string', default: 'seed' },
    port: { type: 'string', default: '0' },
    'no-load': { type: 'boolean', default: false },
  },
});

const calls: Record<string, number> = {};
/** Counts every method call on the store, so a test can tell whether a request reached it. */
function counting(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls[prop] = (calls[prop] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const kind = values.store === 'neo4j' ? 'neo4j' : 'memory';
const sipri = dataFile(values.data!);
const store: GraphStore = kind === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
if (kind === 'memory' || !values['no-load']) {
  const dataset = await buildDataset({ seeds: DEFAULT_SEED_DIR, json: false, store: kind, ...(sipri && { sipri: path.resolve(sipri) }) });
  await store.load(dataset);
}
// Load and hostile runs send thousands of requests a minute from one address: no rate limit unless ARMSGRAPH_RATE_LIMIT
// asks for one (it would measure the limiter, not the server).
const auth = await loadAuthConfig({ ...process.env, ARMSGRAPH_RATE_LIMIT: process.env.ARMSGRAPH_RATE_LIMIT ?? 'off' });
const { app, shutdown } = await createServer({ store: counting(store), logger: pino({ level: 'silent' }), introspection: false, auth });
await app.listen({ host: '127.0.0.1', port: Number(values.port) });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : Number(values.port) })}\n`);

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'reset') for (const k of Object.keys(calls)) delete calls[k];
  if (message?.type === 'probe' || message?.type === 'reset') {
    const m = process.memoryUsage();
    const probe: ServeProbe = { type: 'probe', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, calls: { ...calls } };
    process.send?.(probe);
  }
});
process.once('SIGTERM', () => {
  shutdown(5_000).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
