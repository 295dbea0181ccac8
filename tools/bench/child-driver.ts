// Child process: the ceiling of an indexed look-up on Neo4j from Node (issue [13]): `connections` loops, each
// running `MATCH (n:Entity {id: $id}) WHERE n:Actor RETURN n.json` as an auto-commit read in a session of its own
// (as the store's reads run), cycling through the ids, for `durationS` seconds after `warmupS`. Reads its job as
// JSON from argv[2] and prints one JSON line (HttpResult's figures), like child-http.ts.
import neo4j from 'neo4j-driver';
import type { HttpResult } from './child-http.js';
import { percentile } from './measure.js';

export interface DriverJob {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly ids: readonly string[];
  readonly connections: number;
  readonly durationS: number;
  readonly warmupS: number;
}

export const CEILING_CYPHER = 'MATCH (n:Entity {id: $id}) WHERE n:Actor RETURN n.json AS json';

const job = JSON.parse(process.argv[2]!) as DriverJob;
const driver = neo4j.driver(job.uri, neo4j.auth.basic(job.user, job.password), { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
let errors = 0;
async function run(seconds: number, samples: number[] | undefined): Promise<void> {
  const end = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(Array.from({ length: job.connections }, async () => {
    while (performance.now() < end) {
      const id = job.ids[next++ % job.ids.length]!;
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(CEILING_CYPHER, { id });
        if (result.records.length !== 1) errors += 1;
      } catch {
        errors += 1;
      } finally {
        await session.close();
      }
      samples?.push(performance.now() - started);
    }
  }));
}
try {
  await run(job.warmupS, undefined);
  errors = 0;
  const samples: number[] = [];
  const started = performance.now();
  await run(job.durationS, samples);
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const out: HttpResult = {
    requests: samples.length,
    rps: samples.length / seconds,
    p50: percentile(samples, 50),
    p975: percentile(samples, 97.5),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    errors,
    non2xx: 0,
    timeouts: 0,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  await driver.close();
}
