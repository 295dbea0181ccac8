// The subgraph question's reads: one breadth-first step from a frontier, then the transfers among the actors found.
import type { TransferFilter } from '../../../../query/index.js';
import type { Statement } from '../../Executor.js';
import { familyOf, transferParams, transferWhere } from './fragments.js';

/** The actors one step from a frontier over transfers matching a filter (for subgraph breadth-first search). */
export function neighbours(frontier: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${familyOf(filter)}
  MATCH (a:Entity) WHERE a.id IN $frontier AND a.gen = $gen
  MATCH (a)-[r:TRANSFERRED]-(b:Actor) WHERE ${transferWhere('r', filter)}
  RETURN DISTINCT b.id AS id`,
    params: { frontier: [...frontier], ...transferParams(filter) },
  };
}

/** The transfers between actors of a set that match a filter, and the actors themselves. */
export function subgraphOf(actorIds: readonly string[], filter: TransferFilter): Statement {
  return {
    cypher: `${familyOf(filter)}
  OPTIONAL MATCH (a:Entity)-[r:TRANSFERRED]->(b:Entity) WHERE a.id IN $ids AND a.gen = $gen AND b.id IN $ids AND ${transferWhere('r', filter)}
  WITH collect(r.transferId) AS transferIds
  OPTIONAL MATCH (t:Entity) WHERE t.id IN transferIds AND t.gen = $gen
  WITH collect(t.json) AS transfers
  OPTIONAL MATCH (x:Entity) WHERE x.id IN $ids AND x.gen = $gen AND x:Actor
  RETURN transfers, collect(x.json) AS actors`,
    params: { ids: [...actorIds], ...transferParams(filter) },
  };
}
