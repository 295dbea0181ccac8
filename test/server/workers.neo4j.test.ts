// armsgraph serve --workers N on the Neo4j store: N processes on one port, each answering from its own projection,
// a worker that dies started again, SIGTERM stopping them all; and the cases it refuses.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_NODE_FLAGS } from '../../src/workers.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { alive } from '../helpers/process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts `armsgraph --store neo4j serve …`, collecting stderr; resolves when `ready` matches it. */
function serve(args: readonly string[], ready: RegExp): Promise<{ child: ChildProcess; err: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', 'neo4j', 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      if (ready.test(err)) resolve({ child, err: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready:\n${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

async function actorName(url: string, id: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ actor(id: "${id}") { name } }` }),
  });
  return ((await res.json()) as { data: { actor: { name: string } } }).data.actor.name;
}

describe.runIf(await neo4jAvailable())('armsgraph serve --workers on Neo4j', () => {
  it('serves from N processes on one port, starts a worker that dies again, and stops them all on SIGTERM', async () => {
    const seeded = spawn(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', 'neo4j', 'load'], { cwd: ROOT, stdio: 'ignore' });
    expect(await exited(seeded)).toBe(0);
    const { child, err } = await serve(['--no-load', '--workers', '2', '--port', '0'], /health\s+http:\S+\/health\/ready/);
    const url = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(err())![1]!;
    const pids = /from 2 workers \(pids (\d+), (\d+)\)/.exec(err())!.slice(1).map(Number);
    expect(pids).toHaveLength(2);
    // Each worker runs with the serving processes' V8 flags.
    for (const pid of pids) expect((await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')).toEqual(expect.arrayContaining([...SERVE_NODE_FLAGS]));
    for (let i = 0; i < 4; i += 1) expect(await actorName(url, 'JP')).toBe('Japan');
    process.kill(pids[0]!, 'SIGKILL');
    await expect.poll(() => err(), { timeout: 15_000 }).toMatch(new RegExp(`worker ${pids[0]} stopped \\(signal SIGKILL\\); starting another`));
    await expect.poll(() => err(), { timeout: 30_000 }).toMatch(/worker (\d+) listening, in place of the one that stopped/);
    const replacement = Number(/worker (\d+) listening, in place/.exec(err())![1]);
    expect(alive(replacement)).toBe(true);
    expect(replacement).not.toBe(pids[0]);
    for (let i = 0; i < 4; i += 1) expect(await actorName(url, 'UA')).toBe('Ukraine');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect([pids[1]!, replacement].filter(alive)).toEqual([]);
  }, 120_000);

  it('stops, with the worker’s error and code, when the workers cannot start', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', 'neo4j', 'serve', '--no-load', '--workers', '2', '--port', '0'], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' },
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exited(child)).toBe(2);
    expect(err).toMatch(/Neo4j is unavailable/);
    expect(err).toMatch(/stopped \(code 2\) before it listened; stopping the others/);
  }, 60_000);
});
