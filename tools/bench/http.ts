// GraphQL over HTTP: start an API in its own process, check its answers, then load it with autocannon
// from another process.
import { spawn, type ChildProcess } from 'node:child_process';
import type { DriverJob } from './child-driver.js';
import type { HttpJob, HttpResult } from './child-http.js';
import { SERVE_NODE_FLAGS } from '../../src/workers.js';
import { ROOT, runChild, tsxArgs } from './measure.js';

/** `neo4j-workers`: our API on Neo4j served by `NEO4J_WORKERS` processes on one port, as `serve --workers` runs it. */
export type Api = 'memory' | 'neo4j' | 'neo4j-workers' | 'peer';

/** Serving processes of the `neo4j-workers` API: one per core of the bench machine (2 on CI). */
export const NEO4J_WORKERS = 2;

export interface RunningApi {
  readonly api: Api;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts child-serve.ts (with the serving processes' V8 flags, as `npm start` runs) and resolves once it listens. */
export function startApi(api: Api, size: string): Promise<RunningApi> {
  const args = api === 'neo4j-workers' ? ['--api', 'neo4j', '--workers', String(NEO4J_WORKERS)] : ['--api', api];
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, tsxArgs('child-serve.ts', [...args, '--size', size], SERVE_NODE_FLAGS), {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const onExit = (code: number | null) => reject(new Error(`${api} API exited (${code}) before listening:\n${err.slice(-3000)}`));
    child.once('exit', onExit);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      child.off('exit', onExit);
      const { port } = JSON.parse(line) as { port: number };
      resolve({
        api,
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Posts one GraphQL request; throws on HTTP or GraphQL errors. */
export async function post(url: string, body: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (!res.ok || json.errors) throw new Error(`GraphQL ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data!;
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** Runs autocannon in a child process against `url` with the given request bodies (cycled). */
export async function load(url: string, bodies: readonly string[], connections: number, durationS: number): Promise<HttpResult> {
  const job: HttpJob = { url, bodies, connections, durationS };
  return runChild<HttpResult>('child-http.ts', [JSON.stringify(job)], { timeoutMs: (durationS + 60) * 1000 });
}

/** Runs the bare neo4j-driver look-up loop (child-driver.ts) in a child process: the ceiling next to `actor(id)`. */
export async function driverLoop(job: DriverJob): Promise<HttpResult> {
  return runChild<HttpResult>('child-driver.ts', [JSON.stringify(job)], { timeoutMs: (job.durationS + job.warmupS + 60) * 1000 });
}
