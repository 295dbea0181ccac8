// Shared settings and helpers for tools/neo4j/start.mjs and stop.mjs (node: builtins only).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const HOST = '127.0.0.1';
export const PORT = Number(process.env.NEO4J_PORT || 7687);
export const DATA_DIR = resolve(process.env.NEO4J_DATA_DIR || join(HERE, 'data'));
// Overridable so a second instance (e.g. the benchmark's, on another port and data dir) keeps its own files.
export const PID_FILE = resolve(process.env.NEO4J_PID_FILE || join(HERE, 'neo4j.pid'));
export const LOG_FILE = resolve(process.env.NEO4J_LOG_FILE || join(HERE, 'neo4j.log'));
export const BOLT_URL = `bolt://${HOST}:${PORT}`;
export const MAIN_CLASS = 'armsgraph.neo4j.Launcher';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The pid recorded in neo4j.pid, or null. */
export function readPid() {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function removePidFile() {
  rmSync(PID_FILE, { force: true });
}

/** True if `pid` is alive and (where /proc can tell) is our Launcher, not a recycled pid. */
export function isOurProcess(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true; // no /proc (non-Linux): trust the pid file
  }
}

/** The Bolt port a running Launcher was given (from /proc/PID/environ); falls back to PORT. */
export function portOf(pid) {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const entry = env.find((e) => e.startsWith('NEO4J_PORT='));
    if (entry) return Number(entry.slice('NEO4J_PORT='.length));
  } catch {
    // no /proc: assume the current setting
  }
  return PORT;
}

/** Resolves true if something accepts a TCP connection on HOST:port. */
export function tcpOpen(port = PORT, timeoutMs = 1000) {
  return new Promise((done) => {
    const sock = net.connect({ host: HOST, port });
    const finish = (ok) => {
      sock.destroy();
      done(ok);
    };
    sock.setTimeout(timeoutMs, () => finish(false));
    sock.once('connect', () => finish(true));
    sock.once('error', () => finish(false));
  });
}

/**
 * Bolt handshake: magic 0x6060B017 + 4 version proposals; the server answers with the 4-byte
 * version it picked (all zero = none). Resolves "5.x"/"4.4" on success, null otherwise.
 */
export function boltHandshake(port = PORT, timeoutMs = 2000) {
  const hello = Buffer.from([
    0x60, 0x60, 0xb0, 0x17,
    0x00, 0x08, 0x08, 0x05, // 5.8 down to 5.0
    0x00, 0x00, 0x04, 0x04, // 4.4
    0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ]);
  return new Promise((done) => {
    let reply = Buffer.alloc(0);
    const sock = net.connect({ host: HOST, port });
    const finish = (v) => {
      sock.destroy();
      done(v);
    };
    sock.setTimeout(timeoutMs, () => finish(null));
    sock.once('error', () => finish(null));
    sock.once('close', () => finish(null));
    sock.once('connect', () => sock.write(hello));
    sock.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length < 4) return;
      const [, , minor, major] = reply;
      finish(major === 0 ? null : `${major}.${minor}`);
    });
  });
}

/** Last `lines` lines of the launcher log (for error reports). */
export function logTail(lines = 40) {
  if (!existsSync(LOG_FILE)) return '(no log file)';
  return readFileSync(LOG_FILE, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
