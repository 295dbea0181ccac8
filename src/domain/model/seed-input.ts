// The zod schemas of seed files (DESIGN §2 as written in YAML) and the input types they infer.
import { z } from 'zod';
import { ACTOR_ID, AID_ID, EVENT_ID, RESTRICTION_ID, SOURCE_ID, SYSTEM_ID, TRANSFER_ID } from './ids.js';
import { ACTOR_KINDS, AID_CATEGORIES, EVENT_KINDS, RESTRICTION_RULES, TRANSFER_KINDS, TRANSFER_STATUSES } from './vocabulary.js';

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

/** A source record: where facts were published, optionally with its stored text (`text`, relative to the seed directory). */
export const SourceInput = z.strictObject({
  id: id(SOURCE_ID, 'a source'),
  title: nonEmpty,
  publisher: nonEmpty,
  url: z.url({ message: 'expected an absolute URL' }).optional(),
  publishedAt: edtfText,
  text: nonEmpty.optional(),
  note: nonEmpty.optional(),
});

/** An actor record: a state, organisation, company, person, region or group. */
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

/** A weapon system record, optionally the member of a `family`. */
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

/** One dated, cited change of a transfer's status. */
export const StatusChangeInput = z.strictObject({
  status: z.enum(TRANSFER_STATUSES),
  date: edtfText,
  citations,
});

/** A transfer record: a supplier sends a system to a recipient, with status, kind, date and citations. */
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

/** An event record (a policy change, a war, a statement, …) with the actors and systems it involves. */
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

/** Whom a restriction binds: suppliers, recipients, systems and item origins (all optional). */
export const AppliesToInput = z.strictObject({
  suppliers: z.array(ref(ACTOR_ID, 'an actor')).optional(),
  recipients: z.array(ref(ACTOR_ID, 'an actor')).optional(),
  systems: z.array(ref(SYSTEM_ID, 'a system')).optional(),
  origins: z.array(ref(ACTOR_ID, 'an actor')).optional(),
});

/** A restriction record: a rule imposed by an actor, whom it binds and when it is in force. */
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

/** An aid commitment record: a donor pledges an amount in some categories to a recipient. */
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

/** A citation as written in a seed file. */
export type CitationInput = z.infer<typeof CitationInput>;
/** One seed file as parsed (defaults applied). */
export type SeedFile = z.infer<typeof SeedFile>;
/** A source as parsed from a seed file. */
export type SourceInput = z.infer<typeof SourceInput>;
/** An actor as parsed from a seed file. */
export type ActorInput = z.infer<typeof ActorInput>;
/** A weapon system as parsed from a seed file. */
export type SystemInput = z.infer<typeof SystemInput>;
/** A transfer as parsed from a seed file. */
export type TransferInput = z.infer<typeof TransferInput>;
/** An event as parsed from a seed file. */
export type EventInput = z.infer<typeof EventInput>;
/** A restriction as parsed from a seed file. */
export type RestrictionInput = z.infer<typeof RestrictionInput>;
/** An aid commitment as parsed from a seed file. */
export type AidCommitmentInput = z.infer<typeof AidCommitmentInput>;
