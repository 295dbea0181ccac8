// Stops the local Neo4j started by tools/neo4j/start.mjs: SIGTERM, then SIGKILL after a timeout.
import { PORT, isOurProcess, portOf, readPid, removePidFile, sleep, tcpOpen } from './common.mjs';

const TIMEOUT_S = Number(process.env.NEO4J_STOP_TIMEOUT || 60);

const pid = readPid();
if (!pid || !isOurProcess(pid)) {
  removePidFile();
  const busy = await tcpOpen();
  console.log('Neo4j is not running' +
    (busy ? ` (but something else listens on port ${PORT}; not started by start.mjs, left alone)` : ''));
  process.exit(0);
}

const t0 = Date.now();
console.log(`Stopping Neo4j (pid ${pid}) on bolt://127.0.0.1:${portOf(pid)}...`);
process.kill(pid, 'SIGTERM');
let last = t0;
while (isOurProcess(pid)) {
  if (Date.now() - t0 > TIMEOUT_S * 1000) {
    console.log(`Still running after ${TIMEOUT_S} s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    while (isOurProcess(pid)) await sleep(100);
    break;
  }
  if (Date.now() - last >= 5000) {
    console.log(`  waiting for shutdown... ${Math.round((Date.now() - t0) / 1000)} s`);
    last = Date.now();
  }
  await sleep(200);
}
removePidFile();
console.log(`Neo4j stopped after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
