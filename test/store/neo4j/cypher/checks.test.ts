// What a restriction check reads (Cypher out): restrictions, wars, ancestor chains and names in one statement.
import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('checkContext', () => {
  it('with the transfers of a path question, in one statement', () => {
    const s = checkContext(['JP', HOSTILE], ['system:patriot'], { from: '2024-01-15', to: '2024-01-15' }, [HOSTILE]);
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
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
        RETURN transfers, restrictions, wars, actorChains, systemChains, names",
        "params": {
          "actors": [
            "JP",
            "x'}) DETACH DELETE n //",
          ],
          "from": "2024-01-15",
          "systems": [
            "system:patriot",
          ],
          "to": "2024-01-15",
          "transfers": [
            "x'}) DETACH DELETE n //",
          ],
        },
      }
    `);
  });
});
