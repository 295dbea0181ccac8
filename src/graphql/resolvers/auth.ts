// Resolvers of schema/auth.graphql: who is asking, and the audit log (admins only).
import { requireRole } from '../../auth/index.js';
import type { Resolvers } from '../generated/resolvers.js';
import { connection } from './connection.js';

/** A recorded value as JSON text (null stays null: a creation has no before, a deletion no after). */
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** The Query fields of schema/auth.graphql. */
export const authQueryResolvers = {
  me: (_, __, ctx) => ctx.principal,
  auditLog: async (_, a, ctx) => {
    requireRole(ctx.principal, 'admin');
    return connection(await ctx.audit.list({ first: a.first, after: a.after ?? null }));
  },
} satisfies Resolvers['Query'];

/** The types of schema/auth.graphql. */
export const authTypeResolvers = {
  AuditEntry: {
    before: (p) => json(p.before),
    after: (p) => json(p.after),
  },
} satisfies Resolvers;
