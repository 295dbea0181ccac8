// Several serving processes on one port (node:cluster): docs/deploy.md's many stateless instances on one machine,
// for `armsgraph serve --workers N` on the Neo4j store. Each worker is the same command run again: it connects to
// Neo4j, keeps its own projection and answers the requests the primary hands it. The primary only supervises.
import cluster, { type Worker } from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 flags for serving processes: a young generation of 64 MiB a half (the default is 16). A question between hubs
 * makes about half a megabyte of short-lived objects; with ten in flight, 16 MiB filled every few questions and each
 * scavenge copied what the questions in flight still held. Measured on the ×10 route questions over HTTP: about 15 %
 * more requests a second and a third of the p99. `npm start`, the Docker image and `serve --workers` use them, and
 * so does the bench for every API it serves (a unit test holds them equal).
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * A full garbage collection, once the graph is loaded or projected and before the server listens. Reading a ×10
 * projection leaves about 580 MB of garbage in the old generation (this collection: 1.26 GB → 680 MB); left alone,
 * V8 marked it during the first seconds of serving, in incremental steps of up to 45 ms between requests.
 * `--expose-gc` is set for a new context only, whose `gc` this calls: the serving context gets no `gc` global.
 */
export function collectGarbageBeforeServing(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Whether this process is a worker of `serve --workers`. */
export const isServeWorker = (): boolean => cluster.isWorker;

/** Wait before a worker that stopped unexpectedly is started again. */
const RESTART_DELAY_MS = 1_000;

export interface Supervision {
  /** The port every worker listens on. */
  readonly port: number;
  readonly pids: readonly number[];
}

/**
 * In the primary: starts `count` workers (this same command, with `SERVE_NODE_FLAGS`) and resolves once all of them
 * listen. A worker that stops after it listened is started again; one that stops before (Neo4j unreachable, a bad
 * setting) stops them all, and the primary exits with its code, since its siblings would fail alike. SIGTERM and
 * SIGINT are passed to the workers, which finish their requests; the primary exits when they have.
 */
export function superviseWorkers(count: number, log: (line: string) => void): Promise<Supervision> {
  const missing = SERVE_NODE_FLAGS.filter((f) => !process.execArgv.some((a) => a.split('=')[0] === f.split('=')[0]));
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...missing] });
  return new Promise((resolve) => {
    let stopping = false;
    let started = false;
    let port = 0;
    const listening = new Set<number>();
    const stopAll = (code: number) => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (workers.length === 0) process.exit(code);
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
      });
      for (const w of workers) w.process.kill('SIGTERM');
    };
    cluster.on('listening', (worker, address) => {
      port = address.port;
      listening.add(worker.id);
      if (started) log(`armsgraph: worker ${worker.process.pid} listening, in place of the one that stopped`);
      if (!started && listening.size === count) {
        started = true;
        resolve({ port, pids: Object.values(cluster.workers ?? {}).map((w) => w!.process.pid!) });
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!listening.has(worker.id)) {
        // Its error is above (a worker prints it as a single server would); the primary exits with its code.
        log(`armsgraph: worker ${worker.process.pid} stopped (${how}) before it listened; stopping the others`);
        stopAll(code || 1);
        return;
      }
      listening.delete(worker.id);
      log(`armsgraph: worker ${worker.process.pid} stopped (${how}); starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (!stopping) cluster.fork();
      }, RESTART_DELAY_MS).unref();
    });
    process.once('SIGTERM', () => stopAll(0));
    process.once('SIGINT', () => stopAll(0));
    for (let i = 0; i < count; i += 1) cluster.fork();
  });
}
