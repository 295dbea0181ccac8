// Small reads by id, name or kind (Cypher out): reference resolution, search candidates, stats.
import { describe, expect, it } from 'vitest';
import { resolveRef, searchCandidates, statsStatement } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('searchCandidates', () => {
  it('finds actors, systems and events through the nameText TEXT index', () => {
    const s = searchCandidates(HOSTILE);
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND (n:Actor OR n:WeaponSystem OR n:Event)
        RETURN n.type AS type, n.json AS json",
        "params": {
          "key": "x'}) DETACH DELETE n //",
        },
      }
    `);
  });
});

describe('resolveRef', () => {
  it('an exact id first, then the lowest id sharing the alias', () => {
    const s = resolveRef('Actor', HOSTILE, 'x');
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "CALL {
          MATCH (n:Entity {id: $ref}) USING INDEX n:Entity(id) WHERE n:Actor RETURN n
          UNION
          MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND n:Actor AND $key IN n.nameKeys RETURN n
        }
        RETURN n.id AS id, n.type AS type, n.json AS json ORDER BY (n.id = $ref) DESC, n.id LIMIT 1",
        "params": {
          "key": "x",
          "ref": "x'}) DETACH DELETE n //",
        },
      }
    `);
  });
});

describe('statsStatement', () => {
  it('counts by node type, with citations', () => {
    const s = statsStatement();
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity) RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations",
        "params": {},
      }
    `);
  });
});
