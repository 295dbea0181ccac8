// What the shared restriction checks (query/checks.ts) need, read in one statement.
import type { DayWindow } from '../../../../domain/time.js';
import type { Statement } from '../../Executor.js';

/**
 * What a check needs, in one statement: restrictions in force in a window, wars, the ancestor chains of some actors
 * and systems, and the names of those actors and of the actors the restrictions name; with `transferIds`, those
 * transfers too (a path question reads its kept transfers and their checks in one round trip).
 */
export function checkContext(
  actorIds: readonly string[],
  systemIds: readonly string[],
  window: DayWindow,
  transferIds: readonly string[] = [],
): Statement {
  return {
    cypher: `
  CALL { MATCH (t:Entity) WHERE t.id IN $transfers AND t:Transfer RETURN collect(t.json) AS transfers }
  CALL {
    MATCH (r:Restriction) WHERE r.earliest <= $to AND r.latest >= $from
    RETURN collect(r.json) AS restrictions, reduce(refs = [], r2 IN collect(r.actorRefs) | refs + r2) AS refs
  }
  CALL { MATCH (w:Event {kind: 'WAR'}) WHERE w.earliest <= $to AND w.latest >= $from RETURN collect(w.json) AS wars }
  CALL {
    MATCH (a:Entity) WHERE a.id IN $actors AND a:Actor
    MATCH chain = (a)-[:PART_OF*0..]->(top:Actor) WHERE NOT (top)-[:PART_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS actorChains, collect(DISTINCT a.id) AS found
  }
  CALL {
    MATCH (s:Entity) WHERE s.id IN $systems AND s:WeaponSystem
    MATCH chain = (s)-[:MEMBER_OF*0..]->(top:WeaponSystem) WHERE NOT (top)-[:MEMBER_OF]->()
    RETURN collect([n IN nodes(chain) | n.id]) AS systemChains
  }
  CALL {
    WITH refs
    UNWIND $actors + refs AS ref
    WITH DISTINCT ref
    MATCH (n:Entity {id: ref}) WHERE n:Actor
    RETURN collect([n.id, n.name]) AS names
  }
  RETURN transfers, restrictions, wars, actorChains, systemChains, names`,
    params: { transfers: [...transferIds], actors: [...actorIds], systems: [...systemIds], from: window.from, to: window.to },
  };
}
