// The domain model of DESIGN §2 as zod schemas (the seed-file shape) and the resolved entity types.
import { z } from 'zod';
import type { TimeSpan } from './time.js';

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
/** Categories of aid. */
export const AID_CATEGORIES = ['HUMANITARIAN', 'FINANCIAL', 'NON_LETHAL_MILITARY', 'LETHAL_MILITARY', 'RECONSTRUCTION'] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type RestrictionRule = (typeof RESTRICTION_RULES)[number];
export type AidCategory = (typeof AID_CATEGORIES)[number];

/** Statuses that path queries leave out unless asked for. */
export const EXCLUDED_BY_DEFAULT: readonly TransferStatus[] = ['CANCELLED', 'DENIED'];

const slug = '[a-z0-9][a-z0-9.-]*';
/** Actor ids: ISO 3166-1 alpha-2 for states, `kind:slug` for everything else. */
export const ACTOR_ID = new RegExp(`^(?:[A-Z]{2}|(?:org|company|person|region|group|multi|unknown):${slug})$`);
const prefixed = (prefix: string) => new RegExp(`^${prefix}:${slug}$`);
export const SYSTEM_ID = prefixed('system');
export const TRANSFER_ID = prefixed('transfer');
export const EVENT_ID = prefixed('event');
export const RESTRICTION_ID = prefixed('restriction');
export const AID_ID = prefixed('aid');
export const SOURCE_ID = prefixed('source');

const id = (pattern: RegExp, what: string) =>
  z.string().regex(pattern, { message: `expected ${what} id matching ${pattern.source}` });
/** A reference to another record: any non-empty string here; the resolver checks that it exists. */
const ref = (_pattern: RegExp, what: string) => z.string().min(1, { message: `expected ${what} id` });
const nonEmpty = z.string().trim().min(1, { message: 'expected a non-empty string' });
const edtfText = z.string().min(1, { message: 'expected an EDTF date such as 2023-12-22, 2023-04 or 2024-01/..' });
const fieldList = z.array(z.string()).optional();

/** A citation grounds a fact: a quote found verbatim in the source's stored text, and/or a note. */
export const CitationInput = z.strictObject({
  source: ref(SOURCE_ID, 'a source'),
  quote: nonEmpty.optional(),
  note: nonEmpty.optional(),
  locator: nonEmpty.optional(),
});

/** A count that may be exact, a range, or only words ("dozens"). */
export const QuantityInput = z
  .strictObject({
    exact: z.number().int().min(0).max(10_000_000).optional(),
    min: z.number().int().min(0).max(10_000_000).optional(),
    max: z.number().int().min(0).max(10_000_000).optional(),
    text: nonEmpty.optional(),
  })
  .refine((q) => q.exact !== undefined || q.min !== undefined || q.max !== undefined || q.text !== undefined, {
    message: 'expected at least one of exact, min, max, text',
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
    message: 'expected min <= max',
    path: ['max'],
  })
  .refine((q) => q.exact === undefined || (q.min === undefined && q.max === undefined), {
    message: 'expected either exact or min/max, not both',
    path: ['exact'],
  });

/** An amount of money in US dollars, exact or as a range. */
export const AmountInput = z
  .strictObject({
    min: z.number().min(0).optional(),
    max: z.number().min(0).optional(),
    text: nonEmpty.optional(),
  })
  .refine((a) => a.min !== undefined || a.max !== undefined || a.text !== undefined, {
    message: 'expected at least one of min, max, text',
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, { message: 'expected min <= max', path: ['max'] });

const citations = z.array(CitationInput).min(1, { message: 'expected at least one citation: every fact is grounded' });
const common = {
  note: nonEmpty.optional(),
  /** Fields whose value the source implies but does not state (e.g. the year of "Dec. 22"). */
  inferred: fieldList,
};

export const SourceInput = z.strictObject({
  id: id(SOURCE_ID, 'a source'),
  title: nonEmpty,
  publisher: nonEmpty,
  url: z.url({ message: 'expected an absolute URL' }).optional(),
  publishedAt: edtfText,
  text: nonEmpty.optional(),
  note: nonEmpty.optional(),
});

export const ActorInput = z.strictObject({
  id: id(ACTOR_ID, 'an actor'),
  name: nonEmpty,
  kind: z.enum(ACTOR_KINDS),
  aliases: z.array(nonEmpty).default([]),
  partOf: ref(ACTOR_ID, 'an actor').optional(),
  country: ref(ACTOR_ID, 'an actor').optional(),
  citations: z.array(CitationInput).optional(),
  note: nonEmpty.optional(),
});

export const SystemInput = z.strictObject({
  id: id(SYSTEM_ID, 'a system'),
  name: nonEmpty,
  designation: nonEmpty.optional(),
  category: nonEmpty,
  family: ref(SYSTEM_ID, 'a system').optional(),
  manufacturer: ref(ACTOR_ID, 'an actor').optional(),
  producedBy: ref(ACTOR_ID, 'an actor').optional(),
  aliases: z.array(nonEmpty).default([]),
  citations: z.array(CitationInput).optional(),
  note: nonEmpty.optional(),
});

export const StatusChangeInput = z.strictObject({
  status: z.enum(TRANSFER_STATUSES),
  date: edtfText,
  citations,
});

export const TransferInput = z.strictObject({
  id: id(TRANSFER_ID, 'a transfer'),
  supplier: ref(ACTOR_ID, 'an actor'),
  recipient: ref(ACTOR_ID, 'an actor'),
  system: ref(SYSTEM_ID, 'a system'),
  quantity: QuantityInput.optional(),
  status: z.enum(TRANSFER_STATUSES),
  kind: z.enum(TRANSFER_KINDS),
  date: edtfText,
  valueUsd: AmountInput.optional(),
  enabledBy: z.array(ref(EVENT_ID, 'an event')).default([]),
  subjectTo: z.array(ref(RESTRICTION_ID, 'a restriction')).default([]),
  backfills: z.array(ref(TRANSFER_ID, 'a transfer')).default([]),
  statusHistory: z.array(StatusChangeInput).default([]),
  citations,
  ...common,
});

export const EventInput = z.strictObject({
  id: id(EVENT_ID, 'an event'),
  kind: z.enum(EVENT_KINDS),
  title: nonEmpty,
  date: edtfText,
  actors: z.array(ref(ACTOR_ID, 'an actor')).default([]),
  systems: z.array(ref(SYSTEM_ID, 'a system')).default([]),
  quantity: QuantityInput.optional(),
  valueUsd: AmountInput.optional(),
  citations,
  ...common,
});

export const AppliesToInput = z.strictObject({
  suppliers: z.array(ref(ACTOR_ID, 'an actor')).optional(),
  recipients: z.array(ref(ACTOR_ID, 'an actor')).optional(),
  systems: z.array(ref(SYSTEM_ID, 'a system')).optional(),
  origins: z.array(ref(ACTOR_ID, 'an actor')).optional(),
});

export const RestrictionInput = z.strictObject({
  id: id(RESTRICTION_ID, 'a restriction'),
  rule: z.enum(RESTRICTION_RULES),
  title: nonEmpty,
  imposedBy: ref(ACTOR_ID, 'an actor'),
  appliesTo: AppliesToInput.default({}),
  consentOf: ref(ACTOR_ID, 'an actor').optional(),
  inForce: edtfText,
  citations,
  ...common,
});

export const AidCommitmentInput = z.strictObject({
  id: id(AID_ID, 'an aid commitment'),
  donor: ref(ACTOR_ID, 'an actor'),
  recipient: ref(ACTOR_ID, 'an actor'),
  amountUsd: AmountInput,
  categories: z.array(z.enum(AID_CATEGORIES)).min(1),
  date: edtfText,
  citations,
  ...common,
});

/** One seed file: any of the collections, each a list. */
export const SeedFile = z.strictObject({
  sources: z.array(SourceInput).optional(),
  actors: z.array(ActorInput).optional(),
  systems: z.array(SystemInput).optional(),
  transfers: z.array(TransferInput).optional(),
  events: z.array(EventInput).optional(),
  restrictions: z.array(RestrictionInput).optional(),
  aidCommitments: z.array(AidCommitmentInput).optional(),
});

export type CitationInput = z.infer<typeof CitationInput>;
export type SeedFile = z.infer<typeof SeedFile>;
export type SourceInput = z.infer<typeof SourceInput>;
export type ActorInput = z.infer<typeof ActorInput>;
export type SystemInput = z.infer<typeof SystemInput>;
export type TransferInput = z.infer<typeof TransferInput>;
export type EventInput = z.infer<typeof EventInput>;
export type RestrictionInput = z.infer<typeof RestrictionInput>;
export type AidCommitmentInput = z.infer<typeof AidCommitmentInput>;

/** A count: exact, a range, or words. */
export interface Quantity {
  readonly exact?: number;
  readonly min?: number;
  readonly max?: number;
  readonly text?: string;
}

/** An amount in US dollars. */
export interface Amount {
  readonly min?: number;
  readonly max?: number;
  readonly text?: string;
}

/** A resolved citation (the source is known to exist). */
export interface Citation {
  readonly source: string;
  readonly quote?: string;
  readonly note?: string;
  readonly locator?: string;
}

/** Where a fact was published. `text` is the stored document's contents when there is one. */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url?: string;
  readonly publishedAt: TimeSpan;
  readonly textFile?: string;
  readonly note?: string;
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: readonly string[];
  readonly partOf?: string;
  readonly country?: string;
  readonly note?: string;
}

export interface WeaponSystem {
  readonly id: string;
  readonly name: string;
  readonly designation?: string;
  readonly category: string;
  readonly family?: string;
  readonly manufacturer?: string;
  readonly producedBy?: string;
  readonly aliases: readonly string[];
  readonly citations: readonly Citation[];
  readonly note?: string;
}

/** Common fields of grounded facts: citations, when first reported, notes and inferred fields. */
export interface Grounded {
  readonly citations: readonly Citation[];
  /** The earliest day any citing source may have been published: the fact's known time. */
  readonly knownSince: string;
  readonly note?: string;
  readonly inferred: readonly string[];
}

export interface StatusChange {
  readonly status: TransferStatus;
  readonly date: TimeSpan;
  readonly citations: readonly Citation[];
  readonly knownSince: string;
}

/** One SIPRI delivery row: the year and what was delivered in it (null = not known; 0 TIV = below 0.5 M). */
export interface SipriDelivery {
  readonly year: number;
  readonly yearEstimated: boolean;
  readonly units: number | null;
  readonly unitsEstimated: boolean;
  /** SIPRI TIV of the weapons delivered that year, in millions. */
  readonly tiv: number | null;
}

/** The SIPRI Arms Transfers Database record behind an imported transfer. */
export interface SipriDeal {
  readonly dealId: string;
  readonly designation: string;
  readonly description: string;
  readonly category: string;
  readonly orderYear: number | null;
  readonly orderYearEstimated: boolean;
  readonly condition: 'NEW' | 'SECOND_HAND' | 'SECOND_HAND_MODERNIZED';
  /** SIPRI's "SIPRI estimate" column: the TIV of one new unit, in millions (null when empty). */
  readonly tivPerNewUnit: number | null;
  /** SIPRI's "TIV deal unit": the TIV of one unit as delivered (new-unit TIV × condition factor), in millions. */
  readonly tivPerUnit: number | null;
  readonly localProduction: boolean;
  readonly deliveries: readonly SipriDelivery[];
  /** The release the record comes from, e.g. "12 Feb 2026". */
  readonly release: string;
}

export interface Transfer extends Grounded {
  readonly id: string;
  readonly supplier: string;
  readonly recipient: string;
  readonly system: string;
  readonly quantity?: Quantity;
  readonly status: TransferStatus;
  readonly kind: TransferKind;
  readonly date: TimeSpan;
  readonly valueUsd?: Amount;
  readonly enabledBy: readonly string[];
  readonly subjectTo: readonly string[];
  readonly backfills: readonly string[];
  readonly statusHistory: readonly StatusChange[];
  /** Present on transfers imported from SIPRI. */
  readonly sipri?: SipriDeal;
}

export interface Event extends Grounded {
  readonly id: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly date: TimeSpan;
  readonly actors: readonly string[];
  readonly systems: readonly string[];
  readonly quantity?: Quantity;
  readonly valueUsd?: Amount;
}

export interface AppliesTo {
  readonly suppliers?: readonly string[];
  readonly recipients?: readonly string[];
  readonly systems?: readonly string[];
  readonly origins?: readonly string[];
}

export interface Restriction extends Grounded {
  readonly id: string;
  readonly rule: RestrictionRule;
  readonly title: string;
  readonly imposedBy: string;
  readonly appliesTo: AppliesTo;
  readonly consentOf?: string;
  readonly inForce: TimeSpan;
}

export interface AidCommitment extends Grounded {
  readonly id: string;
  readonly donor: string;
  readonly recipient: string;
  readonly amountUsd: Amount;
  readonly categories: readonly AidCategory[];
  readonly date: TimeSpan;
}

/** Everything a store holds, validated and cross-referenced; the unit of an atomic load. */
export interface Dataset {
  readonly sources: readonly Source[];
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly transfers: readonly Transfer[];
  readonly events: readonly Event[];
  readonly restrictions: readonly Restriction[];
  readonly aidCommitments: readonly AidCommitment[];
}

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

/** An empty dataset. */
export const EMPTY_DATASET: Dataset = Object.freeze({
  sources: [], actors: [], systems: [], transfers: [], events: [], restrictions: [], aidCommitments: [],
});
