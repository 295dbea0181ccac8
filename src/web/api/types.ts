// Shapes of the GraphQL answers the dashboard reads (a subset of schema/schema.graphql).

/** A time span as the API gives it: EDTF plus the calendar days it may cover. */
export interface Span {
  readonly edtf: string;
  readonly earliest: string;
  readonly latest: string;
  readonly precision: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR' | 'RANGE';
  readonly approximate?: boolean;
  readonly uncertain?: boolean;
}

/** Path ordering rule (PathOrder). */
export type PathOrder = 'ANY' | 'TIME_RESPECTING' | 'STRICT';

/** An actor reference. */
export interface ActorRef {
  readonly id: string;
  readonly name: string;
}

/** The transfer fields a hop carries. */
export interface HopTransfer {
  readonly id: string;
  readonly status: string;
  readonly kind: string;
  readonly system: { readonly id: string; readonly name: string };
  readonly date: Span;
}

/** One hop of a path. */
export interface Hop {
  readonly via: 'TRANSFER' | 'BACKFILL';
  readonly from: ActorRef;
  readonly to: ActorRef;
  readonly transfer: HopTransfer;
}

/** A rule bearing on a path (CheckReason). */
export interface PathCheck {
  readonly effect: 'ALLOWED' | 'PROHIBITED' | 'REQUIRES_CONSENT';
  readonly message: string;
  readonly hop: number | null;
  readonly restriction: { readonly id: string; readonly title: string };
}

/** A transfer path. */
export interface Path {
  readonly length: number;
  readonly departs: Span;
  readonly arrives: Span;
  readonly hops: readonly Hop[];
  readonly checks: readonly PathCheck[];
}

/** transferPaths answer. */
export interface PathResult {
  readonly paths: readonly Path[];
  readonly truncated: boolean;
}

/** An edge of a subgraph: one transfer between two actors. */
export interface SubgraphEdge {
  readonly id: string;
  readonly source: { readonly id: string };
  readonly target: { readonly id: string };
  readonly transfer: { readonly id: string; readonly status: string };
}

/** subgraph answer. */
export interface Subgraph {
  readonly actors: readonly { readonly id: string; readonly name: string; readonly kind: string }[];
  readonly edges: readonly SubgraphEdge[];
}

/** One timeline entry. */
export interface TimelineEntry {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly date: Span;
  readonly subject: { readonly id: string };
  readonly actors: readonly { readonly id: string }[];
  readonly systems: readonly { readonly id: string }[];
}

/** A page of timeline entries. */
export interface TimelinePage {
  readonly totalCount: number;
  readonly nodes: readonly TimelineEntry[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** A search hit. */
export interface SearchHit {
  readonly type: 'Actor' | 'WeaponSystem' | 'Event';
  readonly name: string;
  readonly matched: string;
  readonly match: 'EXACT' | 'PREFIX' | 'CONTAINS';
  readonly node: { readonly id: string };
}

/** A citation with its source. */
export interface Citation {
  readonly quote: string | null;
  readonly note: string | null;
  readonly locator: string | null;
  readonly source: {
    readonly id: string;
    readonly title: string;
    readonly publisher: string;
    readonly url: string | null;
    readonly publishedAt: { readonly edtf: string };
  };
}

/** A count that may be exact, a range or words. */
export interface Quantity {
  readonly exact: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly text: string | null;
}

/** An amount in US dollars. */
export interface Amount {
  readonly min: number | null;
  readonly max: number | null;
  readonly text: string | null;
}

/** A restriction as listed under a transfer or a check. */
export interface RestrictionRef {
  readonly id: string;
  readonly title: string;
  readonly rule: string;
  readonly inForce: Span;
}

/** SIPRI deal data of an imported transfer. */
export interface SipriDeal {
  readonly dealId: string;
  readonly designation: string;
  readonly description: string;
  readonly category: string;
  readonly orderYear: number | null;
  readonly orderYearEstimated: boolean;
  readonly condition: string;
  readonly tivPerNewUnit: number | null;
  readonly tivPerUnit: number | null;
  readonly localProduction: boolean;
  readonly deliveries: readonly {
    readonly year: number;
    readonly yearEstimated: boolean;
    readonly units: number | null;
    readonly unitsEstimated: boolean;
    readonly tiv: number | null;
  }[];
  readonly release: string;
}

/** Fields every grounded node shares. */
interface Grounded {
  readonly citations: readonly Citation[];
  readonly knownSince: string;
  readonly inferredFields: readonly string[];
  readonly note: string | null;
}

/** Details of a transfer. */
export interface TransferDetails extends Grounded {
  readonly __typename: 'Transfer';
  readonly id: string;
  readonly supplier: ActorRef;
  readonly recipient: ActorRef;
  readonly system: { readonly id: string; readonly name: string; readonly category: string };
  readonly quantity: Quantity | null;
  readonly status: string;
  readonly transferKind: string;
  readonly date: Span;
  readonly valueUsd: Amount | null;
  readonly enabledBy: readonly { readonly id: string; readonly title: string }[];
  readonly subjectTo: readonly RestrictionRef[];
  readonly backfills: readonly { readonly id: string }[];
  readonly statusHistory: readonly { readonly status: string; readonly date: Span }[];
  readonly sipri: SipriDeal | null;
}

/** Details of an event. */
export interface EventDetails extends Grounded {
  readonly __typename: 'Event';
  readonly id: string;
  readonly eventKind: string;
  readonly title: string;
  readonly date: Span;
  readonly actors: readonly ActorRef[];
  readonly systems: readonly { readonly id: string; readonly name: string }[];
  readonly quantity: Quantity | null;
  readonly valueUsd: Amount | null;
}

/** Details of an actor. */
export interface ActorDetails {
  readonly __typename: 'Actor';
  readonly id: string;
  readonly name: string;
  readonly actorKind: string;
  readonly aliases: readonly string[];
  readonly partOf: ActorRef | null;
  readonly country: ActorRef | null;
  readonly note: string | null;
  readonly transfersOut: { readonly totalCount: number };
  readonly transfersIn: { readonly totalCount: number };
}

/** Details of a restriction. */
export interface RestrictionDetails extends Grounded {
  readonly __typename: 'Restriction';
  readonly id: string;
  readonly rule: string;
  readonly title: string;
  readonly imposedBy: ActorRef;
  readonly suppliers: readonly ActorRef[];
  readonly recipients: readonly ActorRef[];
  readonly systems: readonly { readonly id: string; readonly name: string }[];
  readonly consentOf: ActorRef | null;
  readonly inForce: Span;
}

/** Details of an aid commitment. */
export interface AidDetails extends Grounded {
  readonly __typename: 'AidCommitment';
  readonly id: string;
  readonly donor: ActorRef;
  readonly recipient: ActorRef;
  readonly amountUsd: Amount;
  readonly categories: readonly string[];
  readonly date: Span;
}

/** Details of a weapon system. */
export interface SystemDetails {
  readonly __typename: 'WeaponSystem';
  readonly id: string;
  readonly name: string;
  readonly designation: string | null;
  readonly category: string;
  readonly family: { readonly id: string; readonly name: string } | null;
  readonly manufacturer: ActorRef | null;
  readonly producedBy: ActorRef | null;
  readonly aliases: readonly string[];
  readonly citations: readonly Citation[];
  readonly note: string | null;
}

/** Details of a source. */
export interface SourceDetails {
  readonly __typename: 'Source';
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string | null;
  readonly publishedAt: Span;
  readonly note: string | null;
}

/** Anything the details panel can show. */
export type NodeDetails = TransferDetails | EventDetails | ActorDetails | RestrictionDetails | AidDetails | SystemDetails | SourceDetails;

/** transferCheck answer. */
export interface TransferCheck {
  readonly verdict: 'ALLOWED' | 'PROHIBITED' | 'REQUIRES_CONSENT';
  readonly on: string;
  readonly reasons: readonly { readonly effect: string; readonly message: string; readonly restriction: { readonly id: string; readonly title: string } }[];
}
