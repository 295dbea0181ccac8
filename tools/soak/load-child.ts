// Child process: autocannon against one API, kept out of the server's process so the two do not share an event
// loop. Reads {url, bodies, connections, durationS} from argv[2], cycles through the bodies, counts answers whose
// body holds GraphQL errors (autocannon only sees the status), and prints one JSON line (LoadResult).
import autocannon from 'autocannon';
import type { LoadResult } from './processes.js';

interface Job {
  readonly url: string;
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly durationS: number;
  readonly timeoutS: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
let graphqlErrors = 0;
const onResponse = (status: number, body: string) => {
  if (status === 200 && body.includes('"errors":')) graphqlErrors += 1;
};
// `timeout` (seconds before a request counts as a timeout) and `onResponse` are not in tools/bench/autocannon.d.ts.
const options = {
  url: job.url,
  connections: job.connections,
  duration: job.durationS,
  timeout: job.timeoutS,
  requests: job.bodies.map((body) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body, onResponse })),
};
const result = await autocannon(options);
const out: LoadResult = {
  connections: job.connections,
  durationS: job.durationS,
  timeoutS: job.timeoutS,
  requests: result.requests.total,
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: (result.latency as { max?: number }).max ?? Number.NaN,
  errors: result.errors,
  non2xx: result.non2xx,
  timeouts: result.timeouts,
  graphqlErrors,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
