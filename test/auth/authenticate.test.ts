// authenticate and requireRole: every way a request is refused, with its code, and never with the token in the message.
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS, authConfig, authenticate, credentialParameter, hashToken, newToken, redactUrl, requireRole, type Principal,
} from '../../src/auth/index.js';
import { ArmsgraphError } from '../../src/domain/errors.js';

const reader = newToken();
const editor = newToken();
const expired = newToken();
const config = authConfig({
  tokens: [
    { name: 'analyst', role: 'reader', sha256: hashToken(reader) },
    { name: 'ci', role: 'editor', sha256: hashToken(editor), expires: '2030-01-01T00:00:00Z' },
    { name: 'old', role: 'admin', sha256: hashToken(expired), expires: '2025-01-01T00:00:00Z' },
  ],
});
const NOW = new Date('2026-06-01T00:00:00Z');
const auth = (authorization?: string, query?: Record<string, unknown>, c = config) =>
  authenticate(c, { headers: authorization === undefined ? {} : { authorization }, ...(query && { query }) }, NOW);

describe('authenticate', () => {
  it('refuses malformed headers, unknown and expired tokens as UNAUTHENTICATED, saying which, never echoing the token', () => {
    const cases: [string, RegExp][] = [
      ['Bearer', /holds no token/],
      [`Basic ${Buffer.from('u:p').toString('base64')}`, /Bearer scheme/],
      [`Bearer ${reader} ${editor}`, /more than one token/],
      [`Bearer ${'x'.repeat(600)}`, /too long/],
      [`Bearer ${newToken()}`, /^Unknown token/],
      [`Bearer ${expired}`, /^Expired token: the token "old" expired at 2025-01-01T00:00:00Z/],
    ];
    for (const [header, message] of cases) {
      const result = auth(header);
      expect(result, header).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });
      const token = header.split(' ')[1];
      if (token) expect(JSON.stringify(result)).not.toContain(token);
    }
  });

  it('refuses a token in the query string as BAD_REQUEST, whatever the parameter is called', () => {
    for (const query of [{ token: reader }, { access_token: reader }, { 'api-key': 'x' }, { apiKey: 'x' }, { X_Auth_Token: 'x' }, { q: reader }, { query: `{ me { name } } # ${reader}` }, { auth: ['a', 'b'] }, { h: 'Bearer abc' }]) {
      const result = auth(`Bearer ${editor}`, query);
      expect(result, JSON.stringify(query)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(JSON.stringify(result)).not.toContain(reader);
    }
  });

  it('refuses a request without a token when anonymous reading is off', () => {
    const closed = { ...config, anonymousRead: false };
    expect(auth(undefined, undefined, closed)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: expect.stringMatching(/anonymous/) });
    expect(auth('', undefined, closed)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(auth(`Bearer ${reader}`, undefined, closed)).toEqual({ ok: true, principal: { anonymous: false, name: 'analyst', role: 'reader' } });
  });

  it('gives the token principal, or the anonymous reader; the scheme is case-insensitive; ordinary parameters pass', () => {
    expect(auth()).toEqual({ ok: true, principal: ANONYMOUS });
    expect(auth(`bearer  ${editor} `, { query: '{ stats { actors } }', variables: '{}' })).toEqual({ ok: true, principal: { anonymous: false, name: 'ci', role: 'editor' } });
    // Expiry is exclusive of the instant itself.
    expect(authenticate(config, { headers: { authorization: `Bearer ${editor}` } }, new Date('2030-01-01T00:00:00Z'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('credentialParameter and redactUrl', () => {
  it('blank credentials in URLs for logs and leave other parameters alone', () => {
    expect(credentialParameter({ format: 'GRAPHML', around: 'JP' })).toBeUndefined();
    expect(redactUrl(`/export?format=CSV&access_token=secret&around=JP`)).toBe('/export?format=CSV&access_token=[REDACTED]&around=JP');
    expect(redactUrl(`/graphql?query=${encodeURIComponent('{ me { name } }')}&x=${reader}`)).toBe(`/graphql?query=${encodeURIComponent('{ me { name } }')}&x=[REDACTED]`);
    expect(redactUrl(`/a/${reader}`)).toBe('/a/[REDACTED]');
    expect(redactUrl('/export?h=Bearer%20abc&%E0=1')).toBe('/export?h=[REDACTED]&%E0=1');
    expect(redactUrl('/health/live')).toBe('/health/live');
  });
});

describe('requireRole', () => {
  const principal = (name: string, role: 'reader' | 'editor' | 'admin'): Principal => ({ anonymous: false, name, role });
  const codeOf = (run: () => unknown) => {
    try {
      run();
      return 'OK';
    } catch (error) {
      return error instanceof ArmsgraphError ? error.code : String(error);
    }
  };

  it('refuses the anonymous reader as UNAUTHENTICATED and a lower role as FORBIDDEN', () => {
    expect(codeOf(() => requireRole(ANONYMOUS, 'editor'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRole(ANONYMOUS, 'admin'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRole(principal('analyst', 'reader'), 'editor'))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(principal('ci', 'editor'), 'admin'))).toBe('FORBIDDEN');
    expect(() => requireRole(principal('ci', 'editor'), 'admin')).toThrow('The token "ci" has the editor role; this needs admin.');
  });

  it('returns the principal when its role is enough', () => {
    expect(requireRole(ANONYMOUS, 'reader')).toBe(ANONYMOUS);
    const admin = principal('root', 'admin');
    expect(requireRole(admin, 'editor')).toBe(admin);
    expect(requireRole(admin, 'admin').name).toBe('root');
  });
});
