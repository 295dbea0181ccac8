// Child process: the HTTP load generator (autocannon), kept out of the server's process so the two do not share
// an event loop. Reads its job as JSON from argv[2]: {url, bodies, connections, durationS}; cycles through the
// bodies (one per request) and prints one JSON line (HttpResult).
import autocannon from 'autocannon';

export interface HttpJob {
  readonly url: string;
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly durationS: number;
}

export interface HttpResult {
  readonly requests: number;
  /** Mean requests per second over the run. */
  readonly rps: number;
  /** Latency percentiles in ms (autocannon reports p97.5, not p95). */
  readonly p50: number;
  readonly p975: number;
  readonly p99: number;
  readonly mean: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly timeouts: number;
}

const job = JSON.parse(process.argv[2]!) as HttpJob;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationS,
  requests: job.bodies.map((body) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body })),
});
const out: HttpResult = {
  requests: result.requests.total,
  rps: result.requests.average,
  p50: result.latency.p50,
  p975: result.latency.p97_5,
  p99: result.latency.p99,
  mean: result.latency.average,
  errors: result.errors,
  non2xx: result.non2xx,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
