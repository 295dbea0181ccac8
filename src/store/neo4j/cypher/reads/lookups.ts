// Small reads by id, name or kind: nodes by id, every actor, search candidates, stats.
import type { Statement } from '../../Executor.js';

/** Entities by id, as JSON with their type. */
export function nodesById(ids: readonly string[]): Statement {
  return { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids AND n.gen = $gen RETURN n.type AS type, n.json AS json', params: { ids: [...ids] } };
}

/** Every actor, in id order, as JSON. */
export function allActors(): Statement {
  return { cypher: 'MATCH (n:Actor) WHERE n.gen = $gen WITH n ORDER BY n.id RETURN n.json AS json', params: {} };
}

/**
 * Candidates for a search: actors, systems and events with a name key containing the text, found through the
 * `nameText` TEXT index (`query/search.ts` ranks them, as for the memory store).
 */
export function searchCandidates(key: string): Statement {
  return {
    cypher: `MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND n.gen = $gen AND (n:Actor OR n:WeaponSystem OR n:Event)
  RETURN n.type AS type, n.json AS json`,
    params: { key },
  };
}

/** Counts of every node type and of citations. */
export function statsStatement(): Statement {
  return {
    cypher: 'MATCH (n:Entity) WHERE n.gen = $gen RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations',
    params: {},
  };
}
