// The resolved domain types: records after the seed resolver (or an importer) has checked them, and the Dataset.
import type { TimeSpan } from '../time.js';
import type { ActorKind, AidCategory, EventKind, RestrictionRule, TransferKind, TransferStatus } from './vocabulary.js';

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

/** A resolved actor: its `partOf` and `country` name known actors. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: readonly string[];
  readonly partOf?: string;
  readonly country?: string;
  readonly note?: string;
}

/** A resolved weapon system: its `family`, `manufacturer` and `producedBy` name known records. */
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

/** The analyst's claim a fact was written by (through the API), and when it was recorded. */
export interface ClaimStamp {
  /** The claim's id, `claim:N` (N counts the claims of the store from 1). */
  readonly id: string;
  /** The name of the token that wrote it. */
  readonly by: string;
  /** When the claim was committed (ISO 8601 instant, UTC). */
  readonly recordedAt: string;
  /** On a correction: the id of the version it replaces. */
  readonly supersedes?: string;
}

/** Common fields of grounded facts: citations, when first reported, notes and inferred fields. */
export interface Grounded {
  readonly citations: readonly Citation[];
  /** The earliest day any citing source may have been published: the fact's known time. */
  readonly knownSince: string;
  /**
   * The day a later claim retracted or corrected the fact: it is believed from `knownSince` up to, not including,
   * this day. Absent while it stands.
   */
  readonly knownUntil?: string;
  /** Present on a fact an analyst wrote through the API. */
  readonly claim?: ClaimStamp;
  readonly note?: string;
  readonly inferred: readonly string[];
}

/** A resolved status change with its parsed date and known time. */
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

/** A resolved transfer: every id it holds names a known record of the right collection. */
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

/** A resolved event. */
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

/** Whom a restriction binds; an absent list binds everyone. */
export interface AppliesTo {
  readonly suppliers?: readonly string[];
  readonly recipients?: readonly string[];
  readonly systems?: readonly string[];
  readonly origins?: readonly string[];
}

/** A resolved restriction, in force over `inForce`. */
export interface Restriction extends Grounded {
  readonly id: string;
  readonly rule: RestrictionRule;
  readonly title: string;
  readonly imposedBy: string;
  readonly appliesTo: AppliesTo;
  readonly consentOf?: string;
  readonly inForce: TimeSpan;
}

/** The Kiel Ukraine Support Tracker record behind an imported aid commitment: the release, file and row. */
export interface KielRecord {
  /** The release number, e.g. "29". */
  readonly release: string;
  /** The file of the release the fact is read from ("weapons.csv", "data_explorer.csv"). */
  readonly file: string;
  /** The 1-based line of its row in that file. */
  readonly line: number;
  /** WEAPONS: one item of a weapons.csv row's list; MONTHLY: one donor's month of data_explorer.csv. */
  readonly kind: 'WEAPONS' | 'MONTHLY';
  /** WEAPONS: Kiel's weapon category ("Air Defense", "Howitzers", "Tanks", "IFV", "MLRS"). */
  readonly category?: string;
  /** WEAPONS: the item exactly as the list writes it, without its count ("Patriot air defense battery"). */
  readonly item?: string;
  /** WEAPONS: the row's monetary value in EUR, for all of its items together (null when the row gives none). */
  readonly rowValueEur?: number | null;
  /** WEAPONS: how many items the row lists (the value is the row's, shared by them). */
  readonly rowItems?: number;
  /** MONTHLY: the month, as EDTF ("2022-03"). */
  readonly month?: string;
  /** MONTHLY: the figures of the month by type of aid, in EUR (Kiel publishes EUR billions). */
  readonly figuresEur?: {
    readonly total: number;
    readonly financial: number;
    readonly humanitarian: number;
    readonly military: number;
    readonly commitments: number;
    readonly toBeAllocated: number;
  };
}

/**
 * A resolved aid commitment: money pledged (`amountUsd` from the seed, `amountEur` from the Kiel tracker's months), or
 * weapons committed (a Kiel weapons item: `system` when it maps to one, `quantity`).
 */
export interface AidCommitment extends Grounded {
  readonly id: string;
  readonly donor: string;
  readonly recipient: string;
  /** The amount in US dollars; absent on Kiel records, which count in euros. */
  readonly amountUsd?: Amount;
  /** The amount in euros (Kiel records). */
  readonly amountEur?: Amount;
  readonly categories: readonly AidCategory[];
  readonly date: TimeSpan;
  /** The weapon system (or family) committed, when the commitment is of weapons and the item maps to one. */
  readonly system?: string;
  /** How many were committed. */
  readonly quantity?: Quantity;
  /** Present on commitments imported from the Kiel Ukraine Support Tracker. */
  readonly kiel?: KielRecord;
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

/** An empty dataset. */
export const EMPTY_DATASET: Dataset = Object.freeze({
  sources: [], actors: [], systems: [], transfers: [], events: [], restrictions: [], aidCommitments: [],
});
