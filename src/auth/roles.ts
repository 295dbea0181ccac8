// The roles an API token can hold, in order of what they may do: reader < editor < admin.

/** Every role, weakest first: a role may do all that the roles before it may. */
export const ROLES = ['reader', 'editor', 'admin'] as const;

/** reader: ask questions; editor: also write claims; admin: also read the audit log. */
export type Role = (typeof ROLES)[number];

/** Whether `role` may do what `needed` may (reader < editor < admin). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
