// The query vocabulary (DESIGN §5): filters, options, inputs, results and pages that every question and store port speaks.
import type { FactSource } from '../domain/provenance.js';
import type {
  Actor, ActorKind, AidCommitment, Citation, Dataset, EntityType, Event, EventKind, Restriction, RestrictionRule,
  Source, Transfer, TransferKind, TransferStatus, WeaponSystem,
} from '../domain/model.js';
import type { DayWindow, TimeSpan } from '../domain/time.js';

/** Any node a store holds, tagged with its type. */
export type Entity =
  | { readonly type: 'Actor'; readonly value: Actor }
  | { readonly type: 'WeaponSystem'; readonly value: WeaponSystem }
  | { readonly type: 'Transfer'; readonly value: Transfer }
  | { readonly type: 'Event'; readonly value: Event }
  | { readonly type: 'Restriction'; readonly value: Restriction }
  | { readonly type: 'AidCommitment'; readonly value: AidCommitment }
  | { readonly type: 'Source'; readonly value: Source };

/** Cursor pagination: `first` items after the opaque `after` cursor. */
export interface PageRequest {
  readonly first?: number;
  readonly after?: string;
}

/** One page of a list, with the total size of the list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Cursor of each item, in order, for Relay edges. */
  readonly cursors: readonly string[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** Filter of transfers (ids are already resolved). */
export interface TransferFilter {
  readonly supplier?: string;
  readonly recipient?: string;
  /** Matches the system and every member of its family. */
  readonly system?: string;
  readonly statuses?: readonly TransferStatus[];
  readonly kinds?: readonly TransferKind[];
  readonly between?: DayWindow;
  /** ISO day: only what was reported on or before it. */
  readonly knownAt?: string;
  /** Only transfers from these sources (SEED, SIPRI). Lists, stats, subgraphs and path and route hops take it. */
  readonly sources?: readonly FactSource[];
}

export interface ActorFilter {
  readonly kinds?: readonly ActorKind[];
  readonly text?: string;
}

export interface SystemFilter {
  readonly category?: string;
  /** Members of this family (and the system itself). */
  readonly family?: string;
  readonly text?: string;
}

/** Path ordering rule between consecutive hops (DESIGN §5). */
export type PathOrder = 'ANY' | 'TIME_RESPECTING' | 'STRICT';

export interface PathOptions {
  readonly system?: string;
  readonly statuses?: readonly TransferStatus[];
  readonly maxHops?: number;
  readonly order?: PathOrder;
  readonly between?: DayWindow;
  readonly knownAt?: string;
  readonly viaBackfill?: boolean;
  readonly limit?: number;
  /** Only transfers from these sources. */
  readonly sources?: readonly FactSource[];
}

/** How a hop connects to the previous one: items moving on, or a backfill link. */
export type HopVia = 'TRANSFER' | 'BACKFILL';

export interface Hop {
  readonly transfer: Transfer;
  readonly from: string;
  readonly to: string;
  readonly via: HopVia;
}

export type Verdict = 'ALLOWED' | 'PROHIBITED' | 'REQUIRES_CONSENT';

/** Why a check (or a path) is restricted: the restriction, its effect and its grounds. */
export interface CheckReason {
  readonly restriction: string;
  readonly rule: RestrictionRule;
  readonly effect: Verdict;
  readonly message: string;
  readonly citations: readonly Citation[];
  /** For path checks: the 0-based hop the reason bears on, or null for the direct supplier → recipient route. */
  readonly hop: number | null;
  /** Whose consent is needed, for REQUIRES_CONSENT. */
  readonly consentOf?: string;
}

export interface Path {
  readonly hops: readonly Hop[];
  readonly length: number;
  readonly departs: TimeSpan;
  readonly arrives: TimeSpan;
  readonly checks: readonly CheckReason[];
}

export interface PathResult {
  readonly paths: readonly Path[];
  /** True when more paths exist than `limit` (or the search budget ran out). */
  readonly truncated: boolean;
}

export interface CheckQuery {
  readonly supplier: string;
  readonly recipient: string;
  readonly system?: string;
  /** ISO day; defaults to today. */
  readonly on?: string;
  /** The state the items came from, for re-export rules. */
  readonly origin?: string;
}

export interface TransferCheck {
  readonly verdict: Verdict;
  readonly reasons: readonly CheckReason[];
  readonly on: string;
}

/** Timeline entry kinds: transfers, status changes, restrictions in force, each event kind (AID_COMMITMENT also for aid commitments). */
export type TimelineKind = 'TRANSFER' | 'STATUS_CHANGE' | 'RESTRICTION' | EventKind;

export interface TimelineFilter {
  /** Entries involving any of these actors (or actors that are part of them). */
  readonly actors?: readonly string[];
  /** Entries involving any of these systems or their family members. */
  readonly systems?: readonly string[];
  readonly kinds?: readonly TimelineKind[];
  readonly between?: DayWindow;
  readonly knownAt?: string;
  /** Entries whose subject comes from any of these sources. */
  readonly sources?: readonly FactSource[];
}

export interface TimelineEntry {
  /** Unique entry id: the subject's id, or `subject#status-N` for status changes. */
  readonly id: string;
  readonly kind: TimelineKind;
  readonly title: string;
  readonly date: TimeSpan;
  readonly knownSince: string;
  /** The day its subject was retracted or corrected (the entry is believed before it), when it was. */
  readonly knownUntil?: string;
  readonly subjectType: EntityType;
  /** Id of the Event, Transfer, Restriction or AidCommitment the entry is about. */
  readonly subject: string;
  /** The dataset the subject comes from (an analyst's claim, or else the seed, for events and restrictions). */
  readonly source: FactSource;
  readonly actors: readonly string[];
  readonly systems: readonly string[];
  readonly citations: readonly Citation[];
}

export interface SubgraphQuery {
  readonly around: readonly string[];
  readonly depth?: number;
  readonly filter?: TransferFilter;
}

export interface SubgraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly transfer: Transfer;
}

export interface Subgraph {
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly edges: readonly SubgraphEdge[];
}

export type SearchHitType = 'Actor' | 'WeaponSystem' | 'Event';
export type MatchKind = 'EXACT' | 'PREFIX' | 'CONTAINS';

export interface SearchHit {
  readonly id: string;
  readonly type: SearchHitType;
  readonly name: string;
  /** The name or alias that matched. */
  readonly matched: string;
  readonly match: MatchKind;
  readonly score: number;
}

export interface GraphStats {
  readonly actors: number;
  readonly systems: number;
  readonly transfers: number;
  readonly events: number;
  readonly restrictions: number;
  readonly aidCommitments: number;
  readonly sources: number;
  readonly citations: number;
}

export interface LoadSummary extends GraphStats {
  readonly millis: number;
}

/** What `transferStats` rows can be grouped by. */
export type StatsKey = 'SUPPLIER' | 'RECIPIENT' | 'SYSTEM' | 'FAMILY' | 'CATEGORY' | 'YEAR';

/** One group: its key values (in groupBy order), how many transfers (deals), units and TIV delivered. */
export interface StatsRow {
  readonly key: readonly string[];
  readonly transfers: number;
  /** Units delivered, where known (null when no transfer of the group has a known count). */
  readonly units: number | null;
  /** SIPRI TIV delivered, in millions (null when no transfer of the group has TIV data). */
  readonly tivDelivered: number | null;
}

// Inputs: what a caller (GraphQL, the CLI, a test) asks, before the question's module prepares it. References
// are ids or aliases, dates EDTF strings; `null` and absent mean the same.

/** A window of EDTF dates: `from` counts from its first day, `to` to its last; either end may be open. */
export interface DateWindowInput {
  readonly from?: string | null;
  readonly to?: string | null;
}

/** A transfer filter as asked: actor and system references, EDTF dates. */
export interface TransferFilterInput {
  readonly supplier?: string | null;
  readonly recipient?: string | null;
  readonly system?: string | null;
  readonly statuses?: readonly TransferStatus[] | null;
  readonly kinds?: readonly TransferKind[] | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
  readonly sources?: readonly string[] | null;
}

/** Path options as asked (DESIGN §5 defaults apply to what is left out). */
export interface PathOptionsInput {
  readonly system?: string | null;
  readonly statuses?: readonly TransferStatus[] | null;
  readonly maxHops?: number | null;
  readonly order?: PathOrder | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
  readonly viaBackfill?: boolean | null;
  readonly limit?: number | null;
  readonly sources?: readonly string[] | null;
}

/** A timeline filter as asked. */
export interface TimelineFilterInput {
  readonly actors?: readonly string[] | null;
  readonly systems?: readonly string[] | null;
  readonly kinds?: readonly TimelineKind[] | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
  readonly sources?: readonly string[] | null;
}

/** An actor list filter as asked. */
export interface ActorFilterInput {
  readonly kinds?: readonly ActorKind[] | null;
  readonly text?: string | null;
}

/** A system list filter as asked. */
export interface SystemFilterInput {
  readonly category?: string | null;
  readonly family?: string | null;
  readonly text?: string | null;
}

/** A page as asked: `first` items after a cursor this API issued. */
export interface PageInput {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A restriction check as asked. */
export interface CheckInput {
  readonly supplier: string;
  readonly recipient: string;
  readonly system?: string | null;
  /** ISO day; today when absent. */
  readonly on?: string | null;
  readonly origin?: string | null;
}

/** A neighbourhood as asked; no `around` (or an empty one) selects the whole graph where a question allows it. */
export interface SubgraphInput {
  readonly around?: readonly string[] | null;
  readonly depth?: number | null;
  readonly filter?: TransferFilterInput | null;
}
