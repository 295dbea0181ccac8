// The processes of a reliability run: the API server (serve.ts) and the load generator (load-child.ts), each in its
// own Node process, plus the mixed GraphQL workload both the load tests and the soak send.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The SIPRI excerpt fixture (79 real deals) and the full export, when present. */
export const SIPRI_EXCERPT = path.join(ROOT, 'test/fixtures/sipri/excerpt.csv');
export const SIPRI_FULL = path.resolve(ROOT, '..', 'shared', 'data', 'sipri-trade-register-1995-2025.csv');

/** The SIPRI file a `--data` name stands for (undefined: the seed alone). */
export function dataFile(data: string): string | undefined {
  if (data === 'seed') return undefined;
  if (data === 'excerpt') return SIPRI_EXCERPT;
  if (data === 'sipri') return SIPRI_FULL;
  if (!existsSync(data)) throw new Error(`--data must be seed, excerpt, sipri or an existing CSV file, got ${data}`);
  return data;
}

/** What serve.ts answers over IPC. */
export interface ServeProbe {
  readonly type: 'probe';
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Store calls by method since start (or the last reset). */
  readonly calls: Readonly<Record<string, number>>;
}

/** A running API server process. */
export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Memory and store calls, from inside the server process. */
  probe(): Promise<ServeProbe>;
  /** Zeroes the store-call counts. */
  reset(): Promise<ServeProbe>;
  /** SIGTERM, then SIGKILL after 15 s; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** The server's stderr so far. */
  stderr(): string;
}

/** Starts tools/soak/serve.ts and resolves once it listens. */
export function startServeProcess(options: { store: 'memory' | 'neo4j'; data: string; env?: NodeJS.ProcessEnv; noLoad?: boolean }): Promise<ServeProcess> {
  const args = ['--import', 'tsx', path.join(ROOT, 'tools/soak/serve.ts'), '--store', options.store, '--data', options.data];
  if (options.noLoad) args.push('--no-load');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const ask = (type: 'probe' | 'reset') =>
    new Promise<ServeProbe>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not answer ${type} within 10 s`)), 10_000);
      child.once('message', (m: ServeProbe) => {
        clearTimeout(timer);
        resolve(m);
      });
      child.send({ type });
    });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server exited (${code}) before listening:\n${err.slice(-3000)}`));
    child.once('exit', onExit);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line || out === '') return;
      out = '';
      child.off('exit', onExit);
      const { port } = JSON.parse(line) as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        child,
        probe: () => ask('probe'),
        reset: () => ask('reset'),
        stderr: () => err,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', (code) => {
              clearTimeout(timer);
              done(code);
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** One kind of request of the mixed workload. */
export interface Workload {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const PATHS = `query Paths($from: ID!, $to: ID!, $options: PathOptions) {
  transferPaths(from: $from, to: $to, options: $options) {
    truncated
    paths { length hops { via from { id } to { id } transfer { id status date { edtf } } } checks { effect hop restriction { id } } }
  }
}`;
const TIMELINE = `query Timeline($filter: TimelineFilter, $first: Int) {
  timeline(filter: $filter, first: $first) { totalCount edges { cursor node { id kind title date { edtf earliest latest } knownSince } } pageInfo { hasNextPage endCursor } }
}`;
const TRANSFERS = `query Transfers($filter: TransferFilter, $first: Int) {
  transfers(filter: $filter, first: $first) {
    totalCount nodes { id supplier { id name } recipient { id } system { id name family { id } } status kind date { edtf precision } citations { quote } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * The mix of the load tests and the soak: paths (two-hop Patriot and Leopard/T-72 chains, and a wide search),
 * timeline pages and transfer lists, in equal parts. Every one has an answer in the seed + SIPRI excerpt and in
 * the full SIPRI data.
 */
export const WORKLOAD: readonly Workload[] = [
  { name: 'paths JP→UA Patriot', query: PATHS, variables: { from: 'Japan', to: 'Ukraine', options: { system: 'Patriot', order: 'TIME_RESPECTING' } } },
  { name: 'paths DE→UA 2 hops', query: PATHS, variables: { from: 'DE', to: 'UA', options: { maxHops: 2, limit: 10 } } },
  { name: 'paths US→UA any', query: PATHS, variables: { from: 'US', to: 'UA', options: { maxHops: 3, limit: 5, order: 'ANY' } } },
  { name: 'timeline UA', query: TIMELINE, variables: { filter: { actors: ['Ukraine'] }, first: 20 } },
  { name: 'timeline JP known 2023-12-01', query: TIMELINE, variables: { filter: { actors: ['JP'], knownAt: '2023-12-01' }, first: 20 } },
  { name: 'timeline Patriot 2022–2024', query: TIMELINE, variables: { filter: { systems: ['Patriot'], between: { from: '2022', to: '2024' } }, first: 50 } },
  { name: 'transfers to UA', query: TRANSFERS, variables: { filter: { recipient: 'Ukraine' }, first: 20 } },
  { name: 'transfers from DE delivered', query: TRANSFERS, variables: { filter: { supplier: 'Germany', statuses: ['DELIVERED'] }, first: 50 } },
  { name: 'transfers Patriot', query: TRANSFERS, variables: { filter: { system: 'Patriot' }, first: 20 } },
];

/** The request bodies of the workload, in the order the load generator cycles through them. */
export function workloadBodies(workload: readonly Workload[] = WORKLOAD): string[] {
  return workload.map((w) => JSON.stringify({ query: w.query, variables: w.variables }));
}

/** Posts each workload request once; throws unless every one answers 200 with data and no errors. */
export async function checkWorkload(url: string, workload: readonly Workload[] = WORKLOAD): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const w of workload) {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: w.query, variables: w.variables }) });
    const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (res.status !== 200 || json.errors) throw new Error(`${w.name}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
    answers[w.name] = json.data;
  }
  return answers;
}

/** What a load run measured. */
export interface LoadResult {
  readonly connections: number;
  readonly durationS: number;
  /** Seconds after which autocannon counts a request as a timeout. */
  readonly timeoutS: number;
  readonly requests: number;
  /** Mean requests per second. */
  readonly rps: number;
  /** Latency percentiles in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Socket errors, non-2xx answers, timeouts, and 2xx answers whose body holds GraphQL errors. */
  readonly errors: number;
  readonly non2xx: number;
  readonly timeouts: number;
  readonly graphqlErrors: number;
}

/** Runs autocannon (tools/soak/load-child.ts) in its own process against `url`, cycling through `bodies`. */
export function runLoad(url: string, bodies: readonly string[], connections: number, durationS: number, timeoutS = 10): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/soak/load-child.ts'), JSON.stringify({ url, bodies, connections, durationS, timeoutS })], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (durationS + timeoutS + 60) * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`load generator exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}

/** A load result as one line: p50/p99/req/s and the failure counts. */
export function formatLoad(label: string, r: LoadResult): string {
  return `${label}: ${r.requests} requests in ${r.durationS} s with ${r.connections} connections (timeout ${r.timeoutS} s): ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; errors ${r.errors}, non-2xx ${r.non2xx}, timeouts ${r.timeouts}, GraphQL errors ${r.graphqlErrors}`;
}
