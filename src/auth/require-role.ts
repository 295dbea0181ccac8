// The check resolvers make before they write or read something restricted: the principal's role, or an error with a code.
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.js';
import type { Principal, TokenPrincipal } from './principal.js';
import { roleAtLeast, type Role } from './roles.js';

/**
 * Returns the principal when its role is at least `role`; throws UNAUTHENTICATED for the anonymous reader where a
 * token is needed (anything above reader), FORBIDDEN for a token of a lower role. Above reader the principal
 * returned is a token's, whose name is what the audit log records.
 */
export function requireRole(principal: Principal, role: 'editor' | 'admin'): TokenPrincipal;
export function requireRole(principal: Principal, role: Role): Principal;
export function requireRole(principal: Principal, role: Role): Principal {
  // The anonymous principal's role is reader, so above reader only a token passes.
  if (roleAtLeast(principal.role, role)) return principal;
  if (principal.anonymous) {
    throw new UnauthenticatedError(`This needs a token with the ${role} role: send the header \`Authorization: Bearer <token>\`.`, { required: role });
  }
  throw new ForbiddenError(`The token "${principal.name}" has the ${principal.role} role; this needs ${role}.`, { required: role, role: principal.role });
}
