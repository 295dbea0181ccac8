// Enum values whose public SDL name differs from the value the query and store layers use (graphql-tools internal values).

/**
 * Internal values of SDL enums, for the resolver map of `makeExecutableSchema`: the SDL spells `SearchHitType` in
 * ALL_CAPS (ACTOR, WEAPON_SYSTEM, EVENT) while search hits carry the entity type names ('Actor', 'WeaponSystem',
 * 'Event'), and `Role` (READER, EDITOR, ADMIN) while tokens carry src/auth's roles ('reader', …). graphql-tools
 * serialises each internal value as its SDL name in answers and parses it back in arguments.
 */
export const enumResolvers = {
  SearchHitType: { ACTOR: 'Actor', WEAPON_SYSTEM: 'WeaponSystem', EVENT: 'Event' },
  Role: { READER: 'reader', EDITOR: 'editor', ADMIN: 'admin' },
} as const;
