// The domain model of DESIGN §2: one barrel over the vocabularies, id shapes, seed-file schemas and resolved types.
export {
  ACTOR_KINDS, AID_CATEGORIES, EVENT_KINDS, EXCLUDED_BY_DEFAULT, RESTRICTION_RULES, TRANSFER_KINDS, TRANSFER_STATUSES,
} from './model/vocabulary.js';
export type { ActorKind, AidCategory, EventKind, RestrictionRule, TransferKind, TransferStatus } from './model/vocabulary.js';
export {
  ACTOR_ID, AID_ID, EVENT_ID, RESTRICTION_ID, SOURCE_ID, SYSTEM_ID, TRANSFER_ID, entityTypeOfId,
} from './model/ids.js';
export type { EntityType } from './model/ids.js';
// Each schema is both a value (the zod schema) and a type (what it infers), so one value export carries both.
export {
  ActorInput, AidCommitmentInput, AmountInput, AppliesToInput, CitationInput, EventInput, QuantityInput, RestrictionInput,
  SeedFile, SourceInput, StatusChangeInput, SystemInput, TransferInput,
} from './model/seed-input.js';
export { EMPTY_DATASET } from './model/resolved.js';
export type {
  Actor, AidCommitment, Amount, AppliesTo, Citation, ClaimStamp, Dataset, Event, Grounded, KielRecord, Quantity, Restriction, SipriDeal,
  SipriDelivery, Source, StatusChange, Transfer, WeaponSystem,
} from './model/resolved.js';
