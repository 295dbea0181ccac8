// Authentication and authorisation: API tokens and roles, anonymous reading, the rate limit's settings, the audit log.
// Nothing here knows GraphQL or HTTP frameworks: the server hands in headers and query strings, resolvers call requireRole.
export { ROLES, roleAtLeast } from './roles.js';
export type { Role } from './roles.js';
export { ANONYMOUS } from './principal.js';
export type { AnonymousPrincipal, Principal, TokenPrincipal } from './principal.js';
export { TOKEN_PATTERN, TOKEN_PREFIX, hashToken, newToken, sameDigest } from './tokens.js';
export {
  AUTH_ENV, DEFAULT_RATE_LIMIT, authConfig, checkTokenList, loadAuthConfig, parseRateLimit, parseSwitch, parseTokensEnv, parseTokensFile,
} from './config.js';
export type { AuthConfig, RateLimit, TokenEntry } from './config.js';
export { authenticate } from './authenticate.js';
export type { Authentication, Credentials } from './authenticate.js';
export { credentialParameter, isCredentialName, isCredentialValue, redactUrl } from './credentials-in-url.js';
export { requireRole } from './require-role.js';
export { AUDIT_PAGE, MemoryAuditLog, auditCursor, auditPageSize } from './audit.js';
export type { AuditEntry, AuditLog, AuditPage, NewAuditEntry } from './audit.js';
