// What transferStats and the trend questions ask Neo4j (Cypher out): sums over the statistics facts on each transfer
// node, grouped in Cypher, with every value a parameter.
import { describe, expect, it } from 'vitest';
import { dealLags, transferAggregates } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('transferAggregates', () => {
  it('groups contributions by supplier and delivery year within a window, for a family', () => {
    const s = transferAggregates({ supplier: HOSTILE, system: 'system:patriot', between: { from: '2015-01-01', to: '2024-12-31' } }, ['SUPPLIER', 'YEAR']);
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        OPTIONAL MATCH (root:Entity {id: $system})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS family
        MATCH (t:Transfer) WHERE t.supplier = $supplier
          AND t.system IN family
          AND t.earliest <= $to AND t.latest >= $from
        UNWIND range(0, size(t.statYears) - 1) AS i
        WITH t, i
        WHERE NOT t.statWindowed OR (t.statYears[i] >= $fromYear AND t.statYears[i] <= $toYear)
        WITH [t.supplier, t.statYears[i]] AS key, t, i
        RETURN key, count(DISTINCT t) AS transfers,
          sum(CASE WHEN t.statHasUnits[i] THEN t.statUnits[i] END) AS units, count(CASE WHEN t.statHasUnits[i] THEN 1 END) AS unitRows,
          sum(CASE WHEN t.statHasTiv[i] THEN toInteger(round(t.statTiv[i] * 1000000)) END) AS tivMicro, count(CASE WHEN t.statHasTiv[i] THEN 1 END) AS tivRows",
        "params": {
          "from": "2015-01-01",
          "fromYear": "2015",
          "kinds": null,
          "knownAt": null,
          "recipient": null,
          "statuses": null,
          "supplier": "x'}) DETACH DELETE n //",
          "system": "system:patriot",
          "to": "2024-12-31",
          "toYear": "2024",
        },
      }
    `);
  });

  it('without a window, every contribution counts; keys by family and category', () => {
    const s = transferAggregates({}, ['FAMILY', 'CATEGORY']);
    expect(s.cypher).not.toContain('$fromYear');
    expect(s.cypher).toContain('WITH [t.statFamily, t.statCategory] AS key, t, i');
  });
});

describe('dealLags', () => {
  it('counts deals with an order year by group, order year and lags', () => {
    const s = dealLags({ recipient: HOSTILE, knownAt: '2024-01-01' }, 'CATEGORY');
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        MATCH (t:Transfer) WHERE t.recipient = $recipient
          AND t.knownSince <= $knownAt AND t.orderYear IS NOT NULL
        RETURN t.statCategory AS key, t.orderYear AS orderYear, t.firstDelivery - t.orderYear AS first, t.lastDelivery - t.orderYear AS last,
          count(*) AS deals",
        "params": {
          "from": null,
          "kinds": null,
          "knownAt": "2024-01-01",
          "recipient": "x'}) DETACH DELETE n //",
          "statuses": null,
          "supplier": null,
          "system": null,
          "to": null,
        },
      }
    `);
  });
});
