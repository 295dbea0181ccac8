// Small reads by id, name or kind: nodes by id, reference resolution, names for suggestions, search candidates, stats.
import type { Statement } from '../../Executor.js';

/** Entities by id, as JSON with their type. */
export function nodesById(ids: readonly string[]): Statement {
  return { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.type AS type, n.json AS json', params: { ids: [...ids] } };
}

/** Resolves an exact id or a normalised alias key of an actor or a system; lowest id wins a shared alias. */
export function resolveRef(label: 'Actor' | 'WeaponSystem', ref: string, key: string): Statement {
  const cypher =
    label === 'Actor'
      ? 'MATCH (n:Actor) WHERE n.id = $ref OR $key IN n.nameKeys RETURN n.id AS id ORDER BY (n.id = $ref) DESC, n.id LIMIT 1'
      : 'MATCH (n:WeaponSystem) WHERE n.id = $ref OR $key IN n.nameKeys RETURN n.id AS id ORDER BY (n.id = $ref) DESC, n.id LIMIT 1';
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

/** Candidates for a search: actors, systems and events with a name key containing the text. */
export function searchCandidates(key: string): Statement {
  return {
    cypher: `MATCH (n:Entity) WHERE (n:Actor OR n:WeaponSystem OR n:Event) AND any(k IN n.nameKeys WHERE k CONTAINS $key)
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
