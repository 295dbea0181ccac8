// The shapes of record ids, and the entity type an id's shape implies.

const slug = '[a-z0-9][a-z0-9.-]*';
/** Actor ids: ISO 3166-1 alpha-2 for states, `kind:slug` for everything else. */
export const ACTOR_ID = new RegExp(`^(?:[A-Z]{2}|(?:org|company|person|region|group|multi|unknown):${slug})$`);
const prefixed = (prefix: string) => new RegExp(`^${prefix}:${slug}$`);
/** Weapon system ids: `system:slug`. */
export const SYSTEM_ID = prefixed('system');
/** Transfer ids: `transfer:slug`. */
export const TRANSFER_ID = prefixed('transfer');
/** Event ids: `event:slug`. */
export const EVENT_ID = prefixed('event');
/** Restriction ids: `restriction:slug`. */
export const RESTRICTION_ID = prefixed('restriction');
/** Aid commitment ids: `aid:slug`. */
export const AID_ID = prefixed('aid');
/** Source ids: `source:slug`. */
export const SOURCE_ID = prefixed('source');

/** The node types an id can name. */
export type EntityType = 'Actor' | 'WeaponSystem' | 'Transfer' | 'Event' | 'Restriction' | 'AidCommitment' | 'Source';

/** Returns the entity type an id's shape implies, or undefined when it fits none. */
export function entityTypeOfId(value: string): EntityType | undefined {
  if (ACTOR_ID.test(value)) return 'Actor';
  const prefix = value.slice(0, value.indexOf(':'));
  switch (prefix) {
    case 'system': return 'WeaponSystem';
    case 'transfer': return 'Transfer';
    case 'event': return 'Event';
    case 'restriction': return 'Restriction';
    case 'aid': return 'AidCommitment';
    case 'source': return 'Source';
    default: return undefined;
  }
}
