// Starts the local embedded Neo4j 5 in the background (building it with Maven if needed) and waits for Bolt.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  BOLT_URL, DATA_DIR, HERE, LOG_FILE, MAIN_CLASS, PID_FILE, PORT,
  boltHandshake, isOurProcess, logTail, portOf, readPid, removePidFile, sleep, tcpOpen,
} from './common.mjs';

const TIMEOUT_S = Number(process.env.NEO4J_START_TIMEOUT || 180);
const HEAP = process.env.NEO4J_HEAP || '1g';
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const CLASSES = join(HERE, 'target', 'classes');
const CP_FILE = join(HERE, 'target', 'classpath.txt');
const SOURCES = [join(HERE, 'pom.xml'), join(HERE, 'src/main/java/armsgraph/neo4j/Launcher.java')];

const fail = (msg) => {
  console.error(msg);
  process.exit(1);
};
const mtime = (f) => statSync(f).mtimeMs;

/** True when target/ is missing, older than the sources, or points at jars no longer in ~/.m2. */
function needsBuild() {
  if (!existsSync(CP_FILE) || !existsSync(join(CLASSES, 'armsgraph/neo4j/Launcher.class'))) return true;
  if (SOURCES.some((f) => mtime(f) > mtime(CP_FILE))) return true;
  return readFileSync(CP_FILE, 'utf8').trim().split(delimiter).some((jar) => !existsSync(jar));
}

/** Runs `mvn package`, printing a status line every 5 s and the full output if it fails. */
async function build() {
  const mvn = process.env.MVN || 'mvn';
  const args = ['-B', '-f', join(HERE, 'pom.xml'), 'package'];
  console.log(`Building Neo4j launcher: ${mvn} ${args.join(' ')}`);
  console.log('(first run downloads ~190 MB of jars into ~/.m2; later builds work offline)');
  const t0 = Date.now();
  let out = '';
  const downloads = () => (out.match(/Downloaded from /g) || []).length;
  const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk) => {
    out += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timer = setInterval(() => {
    console.log(`  maven: ${Math.round((Date.now() - t0) / 1000)} s, ${downloads()} files downloaded`);
  }, 5000);
  const code = await new Promise((done) => {
    child.once('error', (err) => done(`could not run ${mvn}: ${err.message}`));
    child.once('exit', (c) => done(c));
  });
  clearInterval(timer);
  if (code !== 0) {
    console.error(out.trimEnd().split('\n').slice(-60).join('\n'));
    fail(`Maven build failed (${code}). Is Maven installed and Maven Central reachable?`);
  }
  console.log(`Build done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${downloads()} files downloaded)`);
}

async function main() {
  // Already running?
  const oldPid = readPid();
  if (oldPid && isOurProcess(oldPid)) {
    const oldPort = portOf(oldPid);
    if (oldPort !== PORT) {
      fail(`Neo4j is already running (pid ${oldPid}) on bolt://127.0.0.1:${oldPort}, not on port ${PORT}. ` +
        'Stop it first (node tools/neo4j/stop.mjs) or use the same NEO4J_PORT.');
    }
    if (await tcpOpen()) {
      console.log(`Neo4j already running (pid ${oldPid}) on ${BOLT_URL}`);
      return;
    }
    // Alive but Bolt not up yet: most likely another start.mjs is still booting it, so wait too.
    console.log(`Neo4j (pid ${oldPid}) is starting; waiting for ${BOLT_URL}`);
    await waitForBolt(oldPid, Date.now(), () => (isOurProcess(oldPid) ? null : 'process exited'));
    return;
  }
  if (oldPid) removePidFile(); // stale pid file

  if (await tcpOpen()) {
    const bolt = await boltHandshake();
    fail(`Port ${PORT} on 127.0.0.1 is already in use by another process` +
      (bolt ? ` that speaks Bolt ${bolt} (another Neo4j?)` : '') +
      `. Stop it, or set NEO4J_PORT to a free port.`);
  }

  if (needsBuild()) await build();

  const classpath = [CLASSES, readFileSync(CP_FILE, 'utf8').trim()].join(delimiter);
  const log = openSync(LOG_FILE, 'w');
  const t0 = Date.now();
  const child = spawn(JAVA, [`-Xmx${HEAP}`, '-XX:+ExitOnOutOfMemoryError', '-cp', classpath, MAIN_CLASS], {
    cwd: HERE,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, NEO4J_PORT: String(PORT), NEO4J_DATA_DIR: DATA_DIR },
  });
  closeSync(log);
  let exited = null;
  child.once('error', (err) => { exited = `could not run ${JAVA}: ${err.message}`; });
  child.once('exit', (code, signal) => { exited = `exit code ${code}${signal ? `, signal ${signal}` : ''}`; });
  if (!child.pid) {
    await sleep(100);
    fail(exited || `could not start ${JAVA}`);
  }
  child.unref();
  writeFileSync(PID_FILE, `${child.pid}\n`);
  console.log(`Starting Neo4j (pid ${child.pid}, heap ${HEAP}, data ${DATA_DIR}, log ${LOG_FILE})`);

  await waitForBolt(child.pid, t0, () => exited);
}

const launcherReady = () => existsSync(LOG_FILE) && readFileSync(LOG_FILE, 'utf8').includes('ready on bolt://');

/** Polls until the Launcher says ready and Bolt answers a handshake; on process death or timeout prints the log tail and exits 1. */
async function waitForBolt(pid, t0, deathReason) {
  let lastNote = Date.now();
  while (true) {
    const died = deathReason();
    if (died) {
      removePidFile();
      fail(`Neo4j exited while starting (${died}). Last lines of ${LOG_FILE}:\n${logTail()}`);
    }
    // Bolt can answer a moment before the harness finishes starting; also wait for the Launcher's line.
    const version = launcherReady() ? await boltHandshake() : null;
    const secs = (Date.now() - t0) / 1000;
    if (version) {
      console.log(`Neo4j ready on ${BOLT_URL} (pid ${pid}, Bolt ${version}) after ${secs.toFixed(1)} s`);
      return;
    }
    if (secs > TIMEOUT_S) {
      process.kill(pid, 'SIGKILL');
      removePidFile();
      fail(`Neo4j did not accept Bolt within ${TIMEOUT_S} s; killed it. Last lines of ${LOG_FILE}:\n${logTail()}`);
    }
    if (Date.now() - lastNote >= 5000) {
      console.log(`  waiting for Bolt on ${BOLT_URL}... ${Math.round(secs)} s`);
      lastNote = Date.now();
    }
    await sleep(500);
  }
}

await main();
process.exit(0); // don't linger on the detached child's handles
