// `armsgraph serve` as a process: prints its URLs, and on SIGTERM finishes in-flight requests, then exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
});

let logs = '';

/** Resolves when the server's log (pino JSON on stdout) has a line matching `pattern`. */
function logged(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern}: ${logs}`)), timeoutMs);
    const check = () => {
      if (pattern.test(logs)) {
        clearTimeout(timer);
        child!.stdout!.off('data', check);
        resolve();
      }
    };
    child!.stdout!.on('data', check);
    check();
  });
}

function serve(): Promise<{ port: number; stderr: () => string }> {
  child = spawn(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', 'memory', 'serve', '--port', '0'], {
    cwd: ROOT,
    // Its claim log in a directory of its own, not ./data.
    env: { ...process.env, LOG_LEVEL: 'info', ARMSGRAPH_DATA: mkdtempSync(path.join(os.tmpdir(), 'armsgraph-serve-')) },
  });
  let err = '';
  logs = '';
  child.stdout!.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child!.stderr!.on('data', () => {
      const m = /GraphQL\s+http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), stderr: () => err });
      }
    });
    child!.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

describe('armsgraph serve', () => {
  it('prints GraphQL, GraphiQL and health URLs', async () => {
    const { port, stderr } = await serve();
    expect(stderr()).toContain(`GraphiQL  http://127.0.0.1:${port}/graphiql`);
    expect(stderr()).toContain(`health    http://127.0.0.1:${port}/health/ready`);
    expect(stderr()).toMatch(/loaded 3 transfers, 8 events and \d+ claims? \(.*claims\.mdb\) into memory/);
  });

  it('on SIGTERM completes the request in flight, refuses new ones, and exits 0', async () => {
    const { port } = await serve();
    const body = JSON.stringify({ query: '{ stats { transfers } }' });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (d) => (response += d.toString()));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // Headers and half the body: the request is in flight when SIGTERM arrives.
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await logged(/"msg":"incoming request"/);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    await logged(/shutting down: finishing in-flight requests/);
    // New connections are refused once the server is closing (poll: the listener closes asynchronously).
    await expect
      .poll(() => fetch(`http://127.0.0.1:${port}/health/live`).then(() => 'accepted', () => 'refused'), { timeout: 10_000 })
      .toBe('refused');
    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('{"data":{"stats":{"transfers":3}}}');
    expect(await exited).toBe(0);
  });
});
