// What some GraphQL types' resolvers receive as their parent, where a query result needs a little more than itself.
import type { Actor, WeaponSystem } from '../domain/model.js';
import type { StatsKey, StatsRow, SubgraphEdge } from '../query/index.js';

/** A stats row with the grouping it was made by (its labels resolve actor and system keys to names). */
export interface StatsRowParent extends StatsRow {
  readonly groupBy: readonly StatsKey[];
}

/** A subgraph edge with its end actors when the subgraph already holds them. */
export interface SubgraphEdgeParent extends SubgraphEdge {
  readonly sourceActor?: Actor | undefined;
  readonly targetActor?: Actor | undefined;
}

/** A subgraph whose edges carry their end actors. */
export interface SubgraphParent {
  readonly actors: readonly Actor[];
  readonly systems: readonly WeaponSystem[];
  readonly edges: readonly SubgraphEdgeParent[];
}
