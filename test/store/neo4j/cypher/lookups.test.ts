// Small reads by id, name or kind (Cypher out): search candidates, stats.
import { describe, expect, it } from 'vitest';
import { searchCandidates, statsStatement } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('searchCandidates', () => {
  it('finds actors, systems and events through the nameText TEXT index', () => {
    const s = searchCandidates(HOSTILE);
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity) USING TEXT INDEX n:Entity(nameText) WHERE n.nameText CONTAINS $key AND n.gen = $gen AND (n:Actor OR n:WeaponSystem OR n:Event)
        RETURN n.type AS type, n.json AS json",
        "params": {
          "key": "x'}) DETACH DELETE n //",
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
        "cypher": "MATCH (n:Entity) WHERE n.gen = $gen RETURN n.type AS type, count(n) AS count, sum(coalesce(n.citationCount, 0)) AS citations",
        "params": {},
      }
    `);
  });
});
