// Query plans of the Neo4j store's reads (the statements of src/store/neo4j/cypher/reads/) and of the
// analyst's path Cypher, with PROFILE: time, database hits and the operators that do the work.
// Usage: tsx tools/bench/profile-neo4j-reads.ts [--size sipri]  (the bench Neo4j must hold that size: run the bench
// or tools/bench/child-load.ts --size sipri --store neo4j first)
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { TRANSFER_STATUSES } from '../../src/domain/model.js';
import { defaultPathStatuses, hopFilter, resolvePathOptions } from '../../src/query/index.js';
import * as reads from '../../src/store/neo4j/cypher/reads/index.js';
import type { Statement } from '../../src/store/index.js';
import { PATH_OPTIONS } from './bench-store.js';
import { buildDataset } from './datasets.js';
import { benchDriver } from './neo4j.js';
import { ANALYST_PATH_CYPHER } from './peers/cypher.js';
import { querySet } from './queries.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'sipri' } } });
const { dataset } = await buildDataset(values.size!);
const qs = querySet(dataset, { paths: 40, timeline: 40, http: 20 });
const driver = benchDriver();

interface PlanNode { operatorType: string; arguments: Record<string, unknown>; dbHits: number; rows: number; children: PlanNode[] }

async function profile(label: string, s: Statement): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // The live generation, as the store passes it to every read.
    const live = (await session.run("OPTIONAL MATCH (m:ArmsgraphMeta {key: 'graph'}) RETURN coalesce(m.current, 0) AS live")).records[0]!.get('live') as number;
    const params = { gen: live, ...s.params };
    await session.run(s.cypher, params); // plan cached, pages warm
    const started = performance.now();
    const r = await session.run(`PROFILE ${s.cypher}`, params);
    const ms = performance.now() - started;
    const lines: string[] = [];
    let hits = 0;
    const walk = (p: PlanNode, depth: number) => {
      hits += p.dbHits;
      lines.push(`${'  '.repeat(depth)}${p.operatorType.replace(/@neo4j$/, '')} rows=${p.rows} hits=${p.dbHits} ${String(p.arguments.Details ?? '').replace(/\s+/g, ' ').slice(0, 110)}`);
      for (const c of p.children) walk(c, depth + 1);
    };
    walk(r.summary.profile as unknown as PlanNode, 0);
    console.log(`\n### ${label}: ${ms.toFixed(1)} ms, ${hits} db hits, ${r.records.length} rows`);
    console.log(lines.join('\n'));
  } finally {
    await session.close();
  }
}

// The slowest-looking path question of the set for the store: a hub supplier with a multi-hop answer.
const q = qs.paths.find((p) => p.from === 'US') ?? qs.paths[0]!;
const o = resolvePathOptions({ ...PATH_OPTIONS, system: q.system });
await profile(`store path query ${q.from}→${q.to} (${q.system}): the reverse pass`, reads.pathLevels(q.from, q.to, o.maxHops, hopFilter(o)));
await profile(`analyst path query ${q.from}→${q.to}`, {
  cypher: ANALYST_PATH_CYPHER,
  params: { from: q.from, to: q.to, system: q.system, statuses: defaultPathStatuses(TRANSFER_STATUSES), cap: neo4j.int(21) },
});
// Transfer and timeline pages are answered from the in-process projection: what matters on Neo4j is its read.
await profile('projection read: every TRANSFERRED relationship', reads.projectedTransfers());
await profile('projection read: every timeline entry', reads.projectedEntries());
const to = qs.recipients[0]!;
await profile(`store transfers list (recipient ${to})`, reads.transfersMatching({ recipient: to }));
await driver.close();
