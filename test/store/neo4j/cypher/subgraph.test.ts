// The subgraph question's reads (Cypher out): a breadth-first step, then the transfers among the actors found.
import { describe, expect, it } from 'vitest';
import { neighbours, subgraphOf } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('neighbours', () => {
  it('one step from the frontier, either direction, unfiltered', () => {
    const s = neighbours([HOSTILE], {});
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        MATCH (a:Entity) WHERE a.id IN $frontier AND a.gen = $gen
        MATCH (a)-[r:TRANSFERRED]-(b:Actor) WHERE r.gen = $gen
          AND r.knownUntil IS NULL
        RETURN DISTINCT b.id AS id",
        "params": {
          "from": null,
          "frontier": [
            "x'}) DETACH DELETE n //",
          ],
          "kinds": null,
          "knownAt": null,
          "recipient": null,
          "statuses": null,
          "supplier": null,
          "system": null,
          "to": null,
        },
      }
    `);
  });
});

describe('subgraphOf', () => {
  it('the transfers among a set of actors known at a date, and the actors', () => {
    const s = subgraphOf(['JP'], { knownAt: '2024-01-15' });
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        OPTIONAL MATCH (a:Entity)-[r:TRANSFERRED]->(b:Entity) WHERE a.id IN $ids AND a.gen = $gen AND b.id IN $ids AND r.gen = $gen
          AND r.knownSince <= $knownAt AND (r.knownUntil IS NULL OR r.knownUntil > $knownAt)
        WITH collect(r.transferId) AS transferIds
        OPTIONAL MATCH (t:Entity) WHERE t.id IN transferIds AND t.gen = $gen
        WITH collect(t.json) AS transfers
        OPTIONAL MATCH (x:Entity) WHERE x.id IN $ids AND x.gen = $gen AND x:Actor
        RETURN transfers, collect(x.json) AS actors",
        "params": {
          "from": null,
          "ids": [
            "JP",
          ],
          "kinds": null,
          "knownAt": "2024-01-15",
          "recipient": null,
          "statuses": null,
          "supplier": null,
          "system": null,
          "to": null,
        },
      }
    `);
  });
});
