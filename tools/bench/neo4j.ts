// The benchmark's own Neo4j (never the test suite's on 7687): start, connect, clear, stop.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';
import { ROOT } from './measure.js';

/** Port, data folder and files of the benchmark instance (each overridable by BENCH_NEO4J_*). */
export const BENCH_NEO4J = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
  dataDir: process.env.BENCH_NEO4J_DATA_DIR ?? '/tmp/armsgraph-bench-neo4j',
  pidFile: process.env.BENCH_NEO4J_PID_FILE ?? '/tmp/armsgraph-bench-neo4j.pid',
  logFile: process.env.BENCH_NEO4J_LOG_FILE ?? '/tmp/armsgraph-bench-neo4j.log',
  heap: process.env.BENCH_NEO4J_HEAP ?? '4g',
  /** Enough page cache for the ×10 store files, so its figures are not disk reads. */
  pageCacheMiB: process.env.BENCH_NEO4J_PAGECACHE_MB ?? '2048',
};

export const BENCH_NEO4J_URI = process.env.BENCH_NEO4J_URI ?? `bolt://127.0.0.1:${BENCH_NEO4J.port}`;

if (/:7687\b/.test(BENCH_NEO4J_URI)) {
  throw new Error('the benchmark clears its database: it must not use the test suite\'s Neo4j on port 7687');
}

function launcherEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_PORT: String(BENCH_NEO4J.port),
    NEO4J_DATA_DIR: BENCH_NEO4J.dataDir,
    NEO4J_PID_FILE: BENCH_NEO4J.pidFile,
    NEO4J_LOG_FILE: BENCH_NEO4J.logFile,
    NEO4J_HEAP: BENCH_NEO4J.heap,
    NEO4J_PAGECACHE_MB: BENCH_NEO4J.pageCacheMiB,
  };
}

/** True when the bench instance's pid file names a live process. */
function running(): boolean {
  if (!existsSync(BENCH_NEO4J.pidFile)) return false;
  const pid = Number(readFileSync(BENCH_NEO4J.pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the bench instance with tools/neo4j/start.mjs unless it already runs (or BENCH_NEO4J_URI points
 * elsewhere). Returns whether this call started it, so the caller stops only what it started.
 */
export function startNeo4j(log: (line: string) => void): boolean {
  if (process.env.BENCH_NEO4J_URI) return false;
  if (running()) {
    log(`neo4j: using the running bench instance on port ${BENCH_NEO4J.port}`);
    return false;
  }
  // The bench's database is scratch (every size clears it): start from an empty folder rather than clear what an
  // earlier run left, which after a ×10 run needs more transaction memory than a quick run's instance has.
  rmSync(BENCH_NEO4J.dataDir, { recursive: true, force: true });
  log(`neo4j: starting a bench instance on port ${BENCH_NEO4J.port} (heap ${BENCH_NEO4J.heap}, data ${BENCH_NEO4J.dataDir}, emptied)`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'neo4j', 'start.mjs')], { env: launcherEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not start Neo4j:\n${r.stdout}\n${r.stderr}`);
  log(`neo4j: ${r.stdout.trim().split('\n').pop()}`);
  return true;
}

export function stopNeo4j(log: (line: string) => void): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'neo4j', 'stop.mjs')], { env: launcherEnv(), encoding: 'utf8' });
  log(`neo4j: ${(r.stdout || r.stderr).trim().split('\n').pop()}`);
}

/** The pid of the bench instance's JVM, for its RSS. */
export function neo4jPid(): number | undefined {
  if (!existsSync(BENCH_NEO4J.pidFile)) return undefined;
  return Number(readFileSync(BENCH_NEO4J.pidFile, 'utf8').trim());
}

/** Resident and peak memory of the Neo4j JVM (MiB), from /proc. */
export function neo4jMemory(): { rssMiB: number; peakMiB: number } | undefined {
  const pid = neo4jPid();
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export function connectStore(): Promise<Neo4jStore> {
  return Neo4jStore.connect({ ...neo4jConfigFromEnv(), uri: BENCH_NEO4J_URI, readRetryMs: 30_000, writeRetryMs: 600_000 });
}

/** A plain driver on the bench instance, for the peers and for housekeeping. */
export function benchDriver(): Driver {
  const c = neo4jConfigFromEnv();
  return neo4j.driver(BENCH_NEO4J_URI, neo4j.auth.basic(c.user, c.password), {
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => {} },
  });
}

/**
 * Empties the database in batches (so a large graph does not need one huge transaction): relationships first, then
 * nodes. Detaching 5,000 nodes at a time put hubs with all their relationships in one transaction, past the memory a
 * transaction may use once the database held a ×10 graph or two.
 */
export async function clearDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** The server's version string, e.g. "5.26.0". */
export async function neo4jVersion(driver: Driver): Promise<string> {
  const session = driver.session();
  try {
    const r = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition');
    const row = r.records[0];
    return row ? `${row.get('version') as string} ${row.get('edition') as string}` : 'unknown';
  } finally {
    await session.close();
  }
}
