// Tokens and roles: random tokens, their SHA-256, constant-time comparison, and the order of roles.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROLES, TOKEN_PATTERN, hashToken, newToken, roleAtLeast, sameDigest } from '../../src/auth/index.js';

describe('newToken', () => {
  it('makes distinct ag_ tokens of 32 random bytes in base64url', () => {
    const tokens = Array.from({ length: 50 }, () => newToken());
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(TOKEN_PATTERN);
      expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    }
  });
});

describe('hashToken', () => {
  it('is the lower-case hex SHA-256 of the token', () => {
    expect(hashToken('ag_example')).toBe(createHash('sha256').update('ag_example').digest('hex'));
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sameDigest', () => {
  it('is false for different or malformed digests, true for equal ones', () => {
    const h = hashToken('x');
    expect(sameDigest(h, hashToken('y'))).toBe(false);
    expect(sameDigest(h, h.slice(0, 62))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
    expect(sameDigest(h, h)).toBe(true);
  });
});

describe('roleAtLeast', () => {
  it('orders reader < editor < admin', () => {
    expect(ROLES).toEqual(['reader', 'editor', 'admin']);
    const table = ROLES.map((role) => ROLES.map((needed) => roleAtLeast(role, needed)));
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});
