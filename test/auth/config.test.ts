// Token configuration: a file (YAML or JSON) and ARMSGRAPH_TOKENS, checked at start with file, line, entry and field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT, authConfig, hashToken, loadAuthConfig, parseRateLimit, parseSwitch, parseTokensEnv, parseTokensFile,
} from '../../src/auth/index.js';
import { ValidationError, type ValidationIssue } from '../../src/domain/errors.js';

const H1 = hashToken('ag_first');
const H2 = hashToken('ag_second');

/** The issues a bad configuration is refused with (file, line, field, message). */
function issuesOf(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseTokensFile', () => {
  it('names the file, the line, the entry and the field of each bad entry, all of them at once', () => {
    const yaml = [
      `- name: analyst`, // 1
      `  role: reader`,
      `  sha256: ${H1}`,
      `- name: ci`, // 4
      `  role: writer`, // 5
      `  sha256: ${H2.slice(0, 20)}`, // 6
      `- name: late`, // 7
      `  role: editor`,
      `  sha256: ${H2}`,
      `  expires: 2027-01-01`, // 10
      `  expire: 2027-01-01T00:00:00Z`, // 11
    ].join('\n');
    const issues = issuesOf(() => parseTokensFile(yaml, '/etc/armsgraph/tokens.yaml'));
    expect(issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['/etc/armsgraph/tokens.yaml', 5, 'entry 2 (ci) role'],
      ['/etc/armsgraph/tokens.yaml', 6, 'entry 2 (ci) sha256'],
      ['/etc/armsgraph/tokens.yaml', 10, 'entry 3 (late) expires'],
      ['/etc/armsgraph/tokens.yaml', 11, 'entry 3 (late) expire'],
    ]);
    expect(issues[0]!.message).toBe('must be one of reader, editor, admin');
    expect(issues[2]!.message).toMatch(/ISO date-time with a time zone/);
    expect(issues[3]!.message).toMatch(/unknown field/);
  });

  it('says which field is missing', () => {
    const issues = issuesOf(() => parseTokensFile(`- name: ci\n  sha256: ${H1}\n`, 'tokens.yaml'));
    expect(issues).toEqual([{ file: 'tokens.yaml', line: 1, field: 'entry 1 (ci) role', message: 'is required' }]);
  });

  it('refuses a token where its hash belongs, without repeating it', () => {
    const token = `ag_${'A'.repeat(43)}`;
    const issues = issuesOf(() => parseTokensFile(JSON.stringify([{ name: 'ci', role: 'editor', sha256: token }]), 'tokens.json'));
    expect(issues.map((i) => i.field)).toContain('entry 1 (ci) sha256');
    expect(issues[0]!.message).toMatch(/holds a token, not its SHA-256/);
    expect(JSON.stringify(issues)).not.toContain(token);
  });

  it('refuses a name or a hash given twice', () => {
    const json = JSON.stringify([
      { name: 'ci', role: 'editor', sha256: H1 },
      { name: 'ci', role: 'reader', sha256: H2 },
      { name: 'other', role: 'reader', sha256: H1 },
    ]);
    const issues = issuesOf(() => parseTokensFile(json, 'tokens.json'));
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['entry 2 (ci) name', 'is also the name of entry 1: names must be unique'],
      ['entry 3 (other) sha256', 'is also the hash of entry 1: one token, one entry'],
    ]);
  });

  it('refuses a file that is not a list, or not YAML', () => {
    expect(issuesOf(() => parseTokensFile('tokens: []', 'tokens.yaml'))[0]!.message).toMatch(/must be a list of tokens/);
    expect(issuesOf(() => parseTokensFile('- name: [unclosed', 'tokens.yaml'))[0]).toMatchObject({ file: 'tokens.yaml', line: 1 });
    expect(issuesOf(() => parseTokensFile('- just a string', 'tokens.yaml'))[0]).toMatchObject({ field: 'entry 1', message: expect.stringMatching(/mapping/) });
  });

  it('reads YAML and JSON alike; hashes are kept lower-case; an expiry is kept as written', () => {
    const yaml = `- name: analyst\n  role: reader\n  sha256: ${H1.toUpperCase()}\n- name: ci\n  role: editor\n  sha256: ${H2}\n  expires: 2027-01-01T00:00:00+02:00\n`;
    const fromYaml = parseTokensFile(yaml, 'tokens.yaml');
    expect(fromYaml).toEqual([
      { name: 'analyst', role: 'reader', sha256: H1 },
      { name: 'ci', role: 'editor', sha256: H2, expires: '2027-01-01T00:00:00+02:00' },
    ]);
    expect(parseTokensFile(JSON.stringify(fromYaml), 'tokens.json')).toEqual(fromYaml);
    expect(parseTokensFile('[]', 'tokens.json')).toEqual([]);
  });
});

describe('parseTokensEnv', () => {
  it('names the variable, the entry and the field', () => {
    const issues = issuesOf(() => parseTokensEnv(`analyst:reader:${H1}, ci:editer:${H2}, x:admin`));
    expect(issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['ARMSGRAPH_TOKENS', null, 'entry 2 (ci) role'],
      ['ARMSGRAPH_TOKENS', null, 'entry 3 (x) sha256'],
    ]);
    expect(issues[1]!.message).toBe('is required');
  });

  it('reads name:role:sha256[:expires], the expiry keeping its colons', () => {
    expect(parseTokensEnv(`analyst:reader:${H1},ci:editor:${H2}:2027-01-01T12:30:00Z,`)).toEqual([
      { name: 'analyst', role: 'reader', sha256: H1 },
      { name: 'ci', role: 'editor', sha256: H2, expires: '2027-01-01T12:30:00Z' },
    ]);
  });
});

describe('parseRateLimit', () => {
  it('refuses what is not off or one or two whole numbers, naming the variable', () => {
    for (const bad of ['-5', '1.5', 'fast', '600,300,100', '600;300']) {
      expect(issuesOf(() => parseRateLimit(bad))[0]).toMatchObject({ file: 'ARMSGRAPH_RATE_LIMIT' });
    }
  });

  it('reads off, one limit for all, or per token and per anonymous address; unset gives the defaults', () => {
    expect(parseRateLimit(undefined)).toEqual(DEFAULT_RATE_LIMIT);
    expect(DEFAULT_RATE_LIMIT).toEqual({ perToken: 600, perAnonymous: 300 });
    expect(parseRateLimit('off')).toBe(false);
    expect(parseRateLimit('0')).toBe(false);
    expect(parseRateLimit('120')).toEqual({ perToken: 120, perAnonymous: 120 });
    expect(parseRateLimit('1200, 60')).toEqual({ perToken: 1200, perAnonymous: 60 });
  });
});

describe('parseSwitch', () => {
  it('refuses what is not a boolean, and reads the usual spellings', () => {
    expect(issuesOf(() => parseSwitch('nope', 'ARMSGRAPH_ANONYMOUS_READ', true))[0]).toMatchObject({ file: 'ARMSGRAPH_ANONYMOUS_READ', message: 'must be true or false' });
    expect(parseSwitch(undefined, 'X', true)).toBe(true);
    expect(parseSwitch('false', 'X', true)).toBe(false);
    expect(parseSwitch('OFF', 'X', true)).toBe(false);
    expect(parseSwitch('1', 'X', false)).toBe(true);
  });
});

describe('authConfig', () => {
  it('refuses the same token name from the file and the environment', () => {
    const issues = issuesOf(() => authConfig({ tokens: [{ name: 'ci', role: 'editor', sha256: H1 }, { name: 'ci', role: 'reader', sha256: H2 }] }));
    expect(issues[0]).toMatchObject({ field: 'token ci' });
  });
});

describe('loadAuthConfig', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'armsgraph-tokens-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a missing token file, naming it and the variable', async () => {
    const file = path.join(dir, 'missing.yaml');
    await expect(loadAuthConfig({ ARMSGRAPH_TOKENS_FILE: file })).rejects.toThrow(`${file}: cannot read the token file (ARMSGRAPH_TOKENS_FILE): no such file`);
  });

  it('fails on a bad entry with the file, line, entry and field in its message', async () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, `- name: ci\n  role: editor\n  sha256: nothex\n`);
    await expect(loadAuthConfig({ ARMSGRAPH_TOKENS_FILE: file })).rejects.toThrow(`${file}:3: entry 1 (ci) sha256: must be the SHA-256`);
  });

  it('joins the file and the variable; anonymous reading and the rate limit from their variables', async () => {
    const file = path.join(dir, 'tokens.yaml');
    writeFileSync(file, `- name: analyst\n  role: reader\n  sha256: ${H1}\n`);
    const config = await loadAuthConfig({ ARMSGRAPH_TOKENS_FILE: file, ARMSGRAPH_TOKENS: `ci:editor:${H2}`, ARMSGRAPH_ANONYMOUS_READ: 'false', ARMSGRAPH_RATE_LIMIT: 'off' });
    expect([...config.tokens.values()].map((t) => t.name)).toEqual(['analyst', 'ci']);
    expect(config.tokens.get(H2)).toEqual({ name: 'ci', role: 'editor', sha256: H2 });
    expect(config.anonymousRead).toBe(false);
    expect(config.rateLimit).toBe(false);
    const defaults = await loadAuthConfig({});
    expect(defaults).toEqual({ tokens: new Map(), anonymousRead: true, rateLimit: DEFAULT_RATE_LIMIT });
  });
});
