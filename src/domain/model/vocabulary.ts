// The closed vocabularies of DESIGN §2 (kinds, statuses, rules, categories), shared by seed input and resolved types.

/** Kinds of actors. */
export const ACTOR_KINDS = ['STATE', 'ORGANIZATION', 'COMPANY', 'PERSON', 'REGION', 'NON_STATE_GROUP', 'MULTINATIONAL', 'UNKNOWN'] as const;
/** Transfer status lifecycle plus side states (DESIGN §2). */
export const TRANSFER_STATUSES = ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL', 'CANCELLED', 'DENIED'] as const;
/** Transfer kinds; a BACKFILL replenishes the recipient's stocks, the items do not travel on. */
export const TRANSFER_KINDS = ['SALE', 'DONATION', 'LOAN', 'REEXPORT', 'BACKFILL', 'LICENSED_PRODUCTION_RETURN', 'UNKNOWN'] as const;
/** Kinds of events. */
export const EVENT_KINDS = ['POLICY_CHANGE', 'ANNOUNCEMENT', 'STATEMENT', 'COMBAT_USE', 'WARNING', 'WAR', 'AID_COMMITMENT', 'PRODUCTION', 'REPORT'] as const;
/**
 * Restriction rules, evaluated as data by the checks:
 * NO_ARMS_EXPORT prohibits any export by the listed suppliers;
 * NO_EXPORT_TO_PARTY_AT_WAR prohibits exports to a recipient that is party to a WAR event in force;
 * REEXPORT_REQUIRES_CONSENT makes onward transfer of items that came from `origins` need `consentOf`.
 */
export const RESTRICTION_RULES = ['NO_ARMS_EXPORT', 'NO_EXPORT_TO_PARTY_AT_WAR', 'REEXPORT_REQUIRES_CONSENT'] as const;
/** Categories of aid; MILITARY is military aid of either kind, as the Kiel tracker's monthly figures count it. */
export const AID_CATEGORIES = ['HUMANITARIAN', 'FINANCIAL', 'NON_LETHAL_MILITARY', 'LETHAL_MILITARY', 'RECONSTRUCTION', 'MILITARY'] as const;

/** One of {@link ACTOR_KINDS}. */
export type ActorKind = (typeof ACTOR_KINDS)[number];
/** One of {@link TRANSFER_STATUSES}. */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** One of {@link TRANSFER_KINDS}. */
export type TransferKind = (typeof TRANSFER_KINDS)[number];
/** One of {@link EVENT_KINDS}. */
export type EventKind = (typeof EVENT_KINDS)[number];
/** One of {@link RESTRICTION_RULES}. */
export type RestrictionRule = (typeof RESTRICTION_RULES)[number];
/** One of {@link AID_CATEGORIES}. */
export type AidCategory = (typeof AID_CATEGORIES)[number];

/** Statuses that path queries leave out unless asked for. */
export const EXCLUDED_BY_DEFAULT: readonly TransferStatus[] = ['CANCELLED', 'DENIED'];
