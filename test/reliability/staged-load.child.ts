// Child process of staged-load-kill.neo4j.test.ts: a staged load of synthetic data into NEO4J_URI, printing each
// step as a JSON line so the parent can kill -9 it at a chosen point. Usage: staged-load.child.ts TRANSFERS SEED
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';
import { generateDataset } from '../../tools/generate/generate.js';

const [transfers, seed] = process.argv.slice(2).map(Number);
const dataset = generateDataset({ transfers: transfers!, seed: seed! });
const store = await Neo4jStore.connect({ ...neo4jConfigFromEnv(), stagedFrom: 0, generationGraceMs: 0, writeRetryMs: 120_000 });
store.stageProgress = (step) => console.log(JSON.stringify(step));
console.log(JSON.stringify({ phase: 'loading' }));
await store.load(dataset);
console.log(JSON.stringify({ phase: 'done' }));
await store.close();
