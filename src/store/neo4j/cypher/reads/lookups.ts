// Small reads by id, name or kind: nodes by id, reference resolution, names for suggestions, search candidates, stats.
import type { Statement } from '../../Executor.js';

/** Entities by id, as JSON with their type. */
export function nodesById(ids: readonly string[]): Statement {
  return { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.type AS type, n.json AS json', params: { ids: [...ids] } };
}

/**
 * Resolves an exact id or a normalised alias key of an actor or a system, with the node's JSON (so `actor(id)` is
 * one round trip); lowest id wins a shared alias. Both
 * look-ups go through indexes: the id through the `Entity.id` constraint, the key through the `nameText` TEXT index
 * (a node whose names contain the key), then kept only when the key is one of its names. The hints keep the plan
 * the same on a small graph, where the planner would otherwise scan a few actors instead.
 */
export function resolveRef(label: 'Actor' | 'WeaponSystem', ref: string, key: string): Statement {
  const cypher = `CALL {
    MATCH (n:Entity {id: $ref}) USING INDEX n:Entity(id) WHERE n:${label} RETURN n
    UNION
    MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND n:${label} AND $key IN n.nameKeys RETURN n
  }
  RETURN n.id AS id, n.type AS type, n.json AS json ORDER BY (n.id = $ref) DESC, n.id LIMIT 1`;
  return { cypher, params: { ref, key } };
}

/** Every name, alias and id of one kind of node, for did-you-mean suggestions. */
export function allNames(label: 'Actor' | 'WeaponSystem'): Statement {
  const cypher =
    label === 'Actor'
      ? 'MATCH (n:Actor) WITH n ORDER BY n.id RETURN n.json AS json'
      : 'MATCH (n:WeaponSystem) WITH n ORDER BY n.id RETURN n.json AS json';
  return { cypher, params: {} };
}

/**
 * Candidates for a search: actors, systems and events with a name key containing the text, found through the
 * `nameText` TEXT index (`query/search.ts` ranks them, as for the memory store).
 */
export function searchCandidates(key: string): Statement {
  return {
    cypher: `MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND (n:Actor OR n:WeaponSystem OR n:Event)
  RETURN n.type AS type, n.json AS json`,
    params: { key },
  };
}

/** Counts of every node type and of citations. */
export function statsStatement(): Statement {
  return {
    cypher: 'MATCH (n:Entity) RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations',
    params: {},
  };
}
