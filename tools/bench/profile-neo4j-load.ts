// Where a Neo4j load spends its time: runs the store's own load statements (loadStatements, into an emptied
// database, in one transaction as Neo4jStore.load does) and prints the time per statement kind.
//   --per-transaction N   commit every N statements (not atomic; for graphs too large for one transaction)
// Usage: tsx tools/bench/profile-neo4j-load.ts [--size sipri] [...]   (the bench Neo4j on port 7689)
import { parseArgs } from 'node:util';
import { loadStatements } from '../../src/store/index.js';
import { buildDataset } from './datasets.js';
import { benchDriver, clearDatabase, connectStore } from './neo4j.js';
import { runStatements } from './neo4j-bulk.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'sipri' }, 'per-transaction': { type: 'string' } },
});
const { dataset } = await buildDataset(values.size!);
const driver = benchDriver();
await clearDatabase(driver);
await (await connectStore()).close(); // applies the schema (constraints, indexes)
const started = performance.now();
const statements = loadStatements(dataset, { nodes: new Map(), entries: new Map() });
const buildMs = performance.now() - started;
const times = await runStatements(driver, statements, {
  ...(values['per-transaction'] !== undefined && { perTransaction: Number(values['per-transaction']) }),
});
await driver.close();
console.log(
  `${values.size}: ${statements.length} statements in ${times.transactions} transaction(s); ` +
    `building them ${Math.round(buildMs)} ms; running ${Math.round(times.runMs)} ms (commits ${Math.round(times.commitMs)} ms)`,
);
for (const [kind, e] of times.byKind) {
  console.log(`${String(Math.round(e.ms)).padStart(8)} ms ${String(e.statements).padStart(5)} stmts ${String(e.rows).padStart(8)} rows  ${kind}`);
}
process.exit(0);
