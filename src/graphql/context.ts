// Per-request context: the store and DataLoaders, so nested fields fetch each node once per request; who is asking.
import DataLoader from 'dataloader';
import type { AuditLog, Principal } from '../auth/index.js';
import type { ClaimService } from '../claims/index.js';
import type { Entity } from '../query/index.js';
import type { GraphStore } from '../store/index.js';

/** What every resolver receives. */
export interface GraphQLContext {
  readonly store: GraphStore;
  /** Batches `store.nodes(ids)` per request: one round trip for all the nodes a response needs. */
  readonly nodes: DataLoader<string, Entity | undefined>;
  /**
   * Who is asking: a token's name and role, or the anonymous reader. A resolver that writes starts with
   * `requireRole(ctx.principal, 'editor')` (src/auth), which throws UNAUTHENTICATED or FORBIDDEN.
   */
  readonly principal: Principal;
  /** Where writes are recorded (`ctx.audit.append({ who, role, action, target, before, after })`). */
  readonly audit: AuditLog;
  /** Where analysts' claims are written (absent: this server takes no writes). */
  readonly claims?: ClaimService;
}

/** Who is asking, where writes are recorded and go, for one request. */
export interface RequestAccess {
  readonly principal: Principal;
  readonly audit: AuditLog;
  readonly claims?: ClaimService | undefined;
}

/** Creates a fresh context for one request. */
export function createContext(store: GraphStore, access: RequestAccess): GraphQLContext {
  return {
    store,
    nodes: new DataLoader(async (ids: readonly string[]) => {
      const found = await store.nodes(ids);
      return ids.map((id) => found.get(id));
    }),
    principal: access.principal,
    audit: access.audit,
    ...(access.claims !== undefined && { claims: access.claims }),
  };
}
