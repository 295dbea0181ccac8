// The serving processes' V8 flags (src/workers.ts) are the ones `npm start` and the Docker image run with, and
// `serve --workers` refuses what it cannot do.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SERVE_NODE_FLAGS } from '../../src/workers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('serving processes', () => {
  it('npm start and the Docker image run with SERVE_NODE_FLAGS', async () => {
    const start = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
    const served = start.split('&&').map((c) => c.trim()).find((c) => c.includes('src/cli.ts serve'))!;
    expect(served.split(' ')).toEqual(expect.arrayContaining([...SERVE_NODE_FLAGS]));
    const cmd = /^CMD (\[.*\])$/m.exec(await readFile(path.join(ROOT, 'Dockerfile'), 'utf8'))![1]!;
    expect(JSON.parse(cmd)).toEqual(['node', ...SERVE_NODE_FLAGS, 'bin/armsgraph.js', 'serve', '--no-load']);
  });

  it('serve --workers refuses the memory store, a loading server and a count under 1, naming the option', async () => {
    const run = async (...args: string[]) => {
      try {
        await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), ...args], { cwd: ROOT, env: { ...process.env, NEO4J_URI: '' } });
        return { code: 0, stderr: '' };
      } catch (error) {
        return error as { code: number; stderr: string };
      }
    };
    for (const args of [['serve', '--workers', '2'], ['--store', 'neo4j', 'serve', '--workers', '2']]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('armsgraph: --workers needs --store neo4j and --no-load');
    }
    const zero = await run('serve', '--workers', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--workers must be a whole number of at least 1, got 0');
  }, 60_000);
});
