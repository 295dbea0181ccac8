// Who is asking: a configured token's name and role, or the anonymous reader.
import type { Role } from './roles.js';

/** A caller that presented a valid token. */
export interface TokenPrincipal {
  readonly anonymous: false;
  /** The token's configured name (what the audit log records as `who`). */
  readonly name: string;
  readonly role: Role;
}

/** A caller without a token: may only read, and only while anonymous reading is on. */
export interface AnonymousPrincipal {
  readonly anonymous: true;
  readonly name: null;
  readonly role: 'reader';
}

/** Who is asking. */
export type Principal = TokenPrincipal | AnonymousPrincipal;

/** The one anonymous principal. */
export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ anonymous: true, name: null, role: 'reader' });
