// Who is asking, from a request's headers and query string: a token's principal, the anonymous reader, or a refusal.
import type { AuthConfig } from './config.js';
import { credentialParameter } from './credentials-in-url.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { hashToken, sameDigest } from './tokens.js';

/** What a request carries that authentication reads. */
export interface Credentials {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query?: Readonly<Record<string, unknown>>;
}

/**
 * The outcome: a principal, or why the request is refused. UNAUTHENTICATED (HTTP 401): no token where one is
 * needed, or a token that is malformed, unknown or expired; BAD_REQUEST (HTTP 400): a token in the URL.
 * Messages never repeat the token.
 */
export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly code: 'UNAUTHENTICATED' | 'BAD_REQUEST'; readonly message: string };

/** Longest token accepted (ours are 46 characters); longer is malformed, not hashed. */
const MAX_TOKEN_LENGTH = 512;

const refuse = (code: 'UNAUTHENTICATED' | 'BAD_REQUEST', message: string): Authentication => ({ ok: false, code, message });
const USAGE = 'send it as the header `Authorization: Bearer <token>`';

/** Authenticates a request against the configuration at `now`. */
export function authenticate(config: AuthConfig, request: Credentials, now: Date = new Date()): Authentication {
  const inUrl = credentialParameter(request.query);
  if (inUrl !== undefined) {
    return refuse(
      'BAD_REQUEST',
      `Tokens are not accepted in the URL (query parameter "${inUrl}"): URLs end up in logs and browser histories. ` +
        `Remove it and ${USAGE}; if it was a real token, have it replaced.`,
    );
  }
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    if (config.anonymousRead) return { ok: true, principal: ANONYMOUS };
    return refuse('UNAUTHENTICATED', `This server does not allow anonymous requests: ${USAGE}.`);
  }
  if (typeof header !== 'string') return refuse('UNAUTHENTICATED', 'Malformed Authorization header: send exactly one.');
  const parts = header.trim().split(/\s+/);
  if (parts[0]!.toLowerCase() !== 'bearer') return refuse('UNAUTHENTICATED', `Malformed Authorization header: it must use the Bearer scheme; ${USAGE}.`);
  if (parts.length === 1) return refuse('UNAUTHENTICATED', `Malformed Authorization header: it holds no token; ${USAGE}.`);
  if (parts.length > 2) return refuse('UNAUTHENTICATED', 'Malformed Authorization header: it holds more than one token; send exactly one.');
  const token = parts[1]!;
  if (token.length > MAX_TOKEN_LENGTH) return refuse('UNAUTHENTICATED', 'Malformed Authorization header: the token is too long.');
  const hash = hashToken(token);
  const entry = config.tokens.get(hash);
  if (entry === undefined || !sameDigest(entry.sha256, hash)) {
    return refuse('UNAUTHENTICATED', 'Unknown token: no token with that value is configured on this server (was it revoked or mistyped?).');
  }
  if (entry.expires !== undefined && Date.parse(entry.expires) <= now.getTime()) {
    return refuse('UNAUTHENTICATED', `Expired token: the token "${entry.name}" expired at ${entry.expires}; ask an admin for a new one.`);
  }
  return { ok: true, principal: { anonymous: false, name: entry.name, role: entry.role } };
}
