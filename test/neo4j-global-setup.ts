// Global setup of the Neo4j test project: gives the *.neo4j.test.ts suites a Neo4j without the newcomer starting one.
// - NEO4J_URI set: that Neo4j is used, nothing is started.
// - A Neo4j already answers on the default port (npm run neo4j:start, CI): it is used.
// - Else, with Java here, the local Neo4j of tools/neo4j/ is started on its own port and data folder (built with
//   Maven the first time) and stopped when the tests end. Without Java, one line says how to run these suites;
//   they then skip (or fail, with REQUIRE_NEO4J=1).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** The test instance's port and files: apart from `npm run neo4j:start` (7687) and the benchmark's (7689). */
const PORT = 7688;
const DIR = path.join(os.tmpdir(), 'armsgraph-test-neo4j');
const ENV = {
  ...process.env,
  NEO4J_PORT: String(PORT),
  NEO4J_DATA_DIR: path.join(DIR, 'data'),
  NEO4J_PID_FILE: path.join(DIR, 'neo4j.pid'),
  NEO4J_LOG_FILE: path.join(DIR, 'neo4j.log'),
};
const TOOLS = path.resolve(import.meta.dirname, '..', 'tools', 'neo4j');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI of the Neo4j this run started, if it started one. */
    neo4jUri: string | undefined;
  }
}

/** Whether something listens on a local port (a Neo4j started by hand or by CI). */
const boltAnswers = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const end = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(1_000);
    socket.once('connect', () => end(true));
    socket.once('error', () => end(false));
    socket.once('timeout', () => end(false));
  });

const say = (line: string) => process.stdout.write(`[neo4j] ${line}\n`);

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  project.provide('neo4jUri', undefined);
  if (process.env.NEO4J_URI) return undefined;
  if (await boltAnswers(7687)) return undefined;
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) {
    say('no Java here, so the Neo4j suites skip. Install Java 17 and Maven (npm test then starts Neo4j itself), or start a Neo4j and set NEO4J_URI.');
    return undefined;
  }
  mkdirSync(DIR, { recursive: true });
  say(`starting the tests' own Neo4j on port ${PORT} (data in ${DIR}); stopped when the tests end`);
  const started = spawnSync(process.execPath, [path.join(TOOLS, 'start.mjs')], { env: ENV, stdio: 'inherit' });
  if (started.status !== 0) {
    say('could not start it (see above), so the Neo4j suites skip. Is Maven installed and Maven Central reachable?');
    return undefined;
  }
  project.provide('neo4jUri', `bolt://127.0.0.1:${PORT}`);
  return () => {
    spawnSync(process.execPath, [path.join(TOOLS, 'stop.mjs')], { env: ENV, stdio: 'inherit' });
  };
}
