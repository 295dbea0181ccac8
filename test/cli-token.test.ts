// `armsgraph token new`, run as a user runs it: a token printed once with the configuration that accepts it, and
// `armsgraph serve` refusing to start on a bad token configuration.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN_PATTERN, authenticate, hashToken, loadAuthConfig } from '../src/auth/index.js';
import { BIN, ROOT, runCli as run } from './helpers/cli.js';

describe('armsgraph token new', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'armsgraph-token-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a bad name, role or expiry, naming the flag', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--name', 'two words', '--role', 'editor'], 2, /^armsgraph: --name must be 1 to 64 letters/],
      [['--name', 'ci', '--role', 'owner'], 1, /argument 'owner' is invalid. Allowed choices are reader, editor, admin/],
      [['--name', 'ci'], 1, /required option '--role <role>' not specified/],
      [['--role', 'reader'], 1, /required option '--name <name>' not specified/],
      [['--name', 'ci', '--role', 'reader', '--expires', '2020-01-01'], 2, /^armsgraph: --expires 2020-01-01 is not in the future/],
      [['--name', 'ci', '--role', 'reader', '--expires', 'next week'], 2, /^armsgraph: --expires must be a day \(2027-01-31\) or an ISO date-time/],
    ];
    for (const [args, code, stderr] of cases) {
      const r = await run('token', 'new', ...args);
      expect(r, args.join(' ')).toMatchObject({ code, stdout: '' });
      expect(r.stderr, args.join(' ')).toMatch(stderr);
    }
  });

  it('prints a new token once, with the variable and YAML entries that make the server accept it', async () => {
    const r = await run('--json', 'token', 'new', '--name', 'ci-bot', '--role', 'editor', '--expires', '2999-12-31');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(r.stdout) as { token: string; name: string; role: string; sha256: string; expires: string; env: string; yaml: string };
    expect(out.token).toMatch(TOKEN_PATTERN);
    expect(out).toMatchObject({ name: 'ci-bot', role: 'editor', sha256: hashToken(out.token), expires: '2999-12-31T00:00:00Z' });
    expect(out.env).toBe(`ci-bot:editor:${out.sha256}:2999-12-31T00:00:00Z`);
    const file = path.join(dir, 'tokens.yaml');
    writeFileSync(file, out.yaml);
    const headers = { authorization: `Bearer ${out.token}` };
    const principal = { anonymous: false, name: 'ci-bot', role: 'editor' };
    expect(authenticate(await loadAuthConfig({ ARMSGRAPH_TOKENS: out.env }), { headers })).toEqual({ ok: true, principal });
    expect(authenticate(await loadAuthConfig({ ARMSGRAPH_TOKENS_FILE: file }), { headers })).toEqual({ ok: true, principal });

    const text = await run('token', 'new', '--name', 'analyst', '--role', 'reader');
    const token = /ag_[A-Za-z0-9_-]{43}/.exec(text.stdout)![0];
    expect(text.stdout).toContain(`ARMSGRAPH_TOKENS=analyst:reader:${hashToken(token)}\n`);
    expect(text.stdout).toContain(`  - name: analyst\n    role: reader\n    sha256: ${hashToken(token)}\n`);
    expect(text.stdout.split(token)).toHaveLength(2); // printed once
  });
});

describe('armsgraph serve with a bad token configuration', () => {
  it('exits 1 before serving, naming the variable, the entry and the field', async () => {
    const env = { ...process.env, ARMSGRAPH_SIPRI: '', ARMSGRAPH_TOKENS: `ci:editor:${'0'.repeat(64)},bot:writer:${'1'.repeat(64)}` };
    const error = await promisify(execFile)(process.execPath, [BIN, '--store', 'memory', 'serve', '--port', '0'], { cwd: ROOT, env, timeout: 60_000 }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toBe('armsgraph: 1 validation error:\n  ARMSGRAPH_TOKENS: entry 2 (bot) role: must be one of reader, editor, admin\n');
  });
});
