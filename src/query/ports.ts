// The data ports: the narrow reads a question asks of a store. Stores implement them; questions own the meaning.
import type { Actor, AidCommitment, Transfer, WeaponSystem } from '../domain/model.js';
import type { DayWindow } from '../domain/time.js';
import type { CheckContext } from './checks.js';
import type { PathCandidate, PathGraph } from './paths.js';
import type { RouteCandidate } from './routes/index.js';
import type { Searchable } from './search.js';
import type { BucketRow, LagRow } from './stats.js';
import type {
  ActorFilter, Entity, GraphStats, Page, PageRequest, StatsKey, StatsRow, SystemFilter, TimelineEntry, TimelineFilter,
  TransferFilter,
} from './types.js';

/** Names: an id or alias to an id. Both throw NotFoundError with did-you-mean suggestions. */
export interface NamePort {
  resolveActor(ref: string): Promise<string>;
  resolveSystem(ref: string): Promise<string>;
}

/** Entities by id, or by an id or alias (as `NamePort` resolves it). */
export interface EntityPort {
  /** The actor an id or alias names, found and read at once (`actor(id)`: one Neo4j round trip, not two). */
  lookupActor(ref: string): Promise<Entity>;
  lookupSystem(ref: string): Promise<Entity>;
  node(id: string): Promise<Entity | undefined>;
  nodes(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>>;
  /**
   * A node at once, without a promise, when the store holds it in this process for the request under way (the
   * memory store: every node; the Neo4j store: the nodes of its projection, once the request has checked the version
   * stamp). Undefined: not held, read it with `nodes`. GraphQL resolvers try it first for nested nodes, then batch
   * `nodes` per request.
   */
  heldNode?(id: string): Entity | undefined;
}

/** Keyset pages of actors, systems and transfers under a resolved filter, in their list order. */
export interface ListPort {
  /** Actors by id. The filter's text is already normalised (`normalizeName`). */
  actorPage(filter: ActorFilter, page: PageRequest): Promise<Page<Actor>>;
  /** Systems by id. The filter's text is already normalised. */
  systemPage(filter: SystemFilter, page: PageRequest): Promise<Page<WeaponSystem>>;
  /** Transfers in time order (earliest, latest, id). */
  transferPage(filter: TransferFilter, page: PageRequest): Promise<Page<Transfer>>;
  /** Every transfer matching the filter, in time order, unpaginated (imports, exports, aggregation). */
  allTransfers(filter: TransferFilter): Promise<readonly Transfer[]>;
  /** Every actor, by id. */
  allActors(): Promise<readonly Actor[]>;
}

/** The transfers a path question may use. */
export interface PathPort {
  /**
   * The transfers matching `filter` that could lie on a path of at most `maxHops` hops from `from` to `to`
   * (at least those; more is allowed), as adjacency lists in time order (earliest, latest, id).
   */
  pathCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<PathCandidate>>;
}

/** The transfers a route question may use. */
export interface RoutePort {
  /** The same transfers as `pathCandidates`, each with what a route's evidence sums (category, deliveries, units). */
  routeCandidates(from: string, to: string, maxHops: number, filter: TransferFilter): Promise<PathGraph<RouteCandidate>>;
}

/** What checking restrictions needs, for some actors and systems over a window. */
export interface CheckContextRequest {
  readonly actors: readonly string[];
  readonly systems: readonly string[];
  readonly window: DayWindow;
  /** Whole transfers to read with the context (a path question's kept hops), in the same round trip. */
  readonly transfers?: readonly string[];
}

/** Restrictions, wars, hierarchies and names for the checks, and the transfers asked for. */
export interface CheckPort {
  checkContext(request: CheckContextRequest): Promise<CheckContext & { readonly transfers: ReadonlyMap<string, Transfer> }>;
}

/** Timeline slices: entries matching a resolved filter, keyset-paged in timeline order. */
export interface TimelinePort {
  timelinePage(filter: TimelineFilter, page: PageRequest): Promise<Page<TimelineEntry>>;
}

/** The actors within `depth` transfers (matching `filter`) of some actors, and the transfers between them. */
export interface NeighbourhoodPort {
  neighbourhood(around: readonly string[], depth: number, filter: TransferFilter): Promise<{
    readonly actors: readonly Actor[];
    readonly transfers: readonly Transfer[];
  }>;
}

/** Search candidates: at least every actor, system and event with a normalised name containing `key`. */
export interface SearchPort {
  searchCandidates(key: string): Promise<Iterable<Searchable>>;
}

/** Aggregates over transfers. */
export interface AggregatePort {
  /** Deals, units and TIV delivered for the transfers matching `filter`, grouped by `groupBy` (unsorted). */
  transferAggregates(filter: TransferFilter, groupBy: readonly StatsKey[]): Promise<readonly StatsRow[]>;
  /**
   * SIPRI deals matching `filter` that have an order year and a delivery, counted by `by`, order year and the
   * years from order to first and to last delivery (`aggregateLags` defines the rows; unsorted).
   */
  dealLags(filter: TransferFilter, by: StatsKey): Promise<readonly LagRow[]>;
  /**
   * TIV delivered by the transfers matching `filter`, in whole millionths, by group (`by`) and bucket: `buckets`
   * maps a delivery year ("2021") to a bucket; deliveries of other years are left out (`aggregateTivByBucket`).
   */
  tivByBucket(filter: TransferFilter, by: StatsKey, buckets: Readonly<Record<string, number>>): Promise<readonly BucketRow[]>;
  /** Node and citation counts. */
  stats(): Promise<GraphStats>;
}

/** Aid commitments and declared backfills: what the reconciliation and the Kiel import read. */
export interface CommitmentPort {
  /** Aid commitments by id: every one, or those to `recipient`. */
  aidCommitments(recipient?: string): Promise<readonly AidCommitment[]>;
  /** The transfers that declare a `backfills` link to any of `transferIds`, by id. */
  backfillsOf(transferIds: readonly string[]): Promise<readonly Transfer[]>;
}

/** Every port a store gives: what the questions of `query/` ask of it. */
export interface GraphPorts
  extends NamePort, EntityPort, ListPort, PathPort, RoutePort, CheckPort, TimelinePort, NeighbourhoodPort, SearchPort, AggregatePort,
  CommitmentPort {}
