// API tokens: how they are made and hashed. Only the SHA-256 of a token is ever stored or configured.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What every token starts with, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'ag_';
/** Random bytes in a token: 256 bits, so an unsalted SHA-256 is enough (no dictionary can hold them). */
export const TOKEN_BYTES = 32;
/** A token as `newToken` writes it: the prefix and 43 base64url characters. */
export const TOKEN_PATTERN = /^ag_[A-Za-z0-9_-]{43}$/;
/** A SHA-256 digest in hex, as the configuration holds it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A new random token (`ag_` + 32 random bytes in base64url). Show it once; store only its hash. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The SHA-256 of a token, lower-case hex: what the configuration holds and what a presented token is looked up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time (false when their lengths differ). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
