// What transferStats and the trend questions ask Neo4j (Cypher out): sums over the statistics facts on each transfer
// node, grouped in Cypher, with every value a parameter.
import { describe, expect, it } from 'vitest';
import { dealLags, tivByBucket, transferAggregates } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('transferAggregates', () => {
  it('groups contributions by supplier and delivery year within a window, for a family', () => {
    const s = transferAggregates({ supplier: HOSTILE, system: 'system:patriot', between: { from: '2015-01-01', to: '2024-12-31' } }, ['SUPPLIER', 'YEAR']);
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        OPTIONAL MATCH (root:Entity {id: $system, gen: $gen})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS family
        MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.supplier = $supplier
          AND t.system IN family
          AND t.earliest <= $to AND t.latest >= $from
          AND t.knownUntil IS NULL
        WITH t.id AS id, t.supplier AS k0, t.statWindowed AS windowed, t.statYears AS years,
          t.statUnits AS units, t.statHasUnits AS hasUnits, t.statTivMicro AS tiv, t.statHasTiv AS hasTiv
        UNWIND range(0, size(years) - 1) AS i
        WITH id, k0, windowed, years[i] AS year,
          CASE WHEN hasUnits[i] THEN units[i] END AS u, CASE WHEN hasTiv[i] THEN tiv[i] END AS v
        WHERE NOT windowed OR (year >= $fromYear AND year <= $toYear)
        RETURN [k0, year] AS key, count(DISTINCT id) AS transfers, sum(u) AS units, count(u) AS unitRows, sum(v) AS tivMicro, count(v) AS tivRows",
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
    expect(s.cypher).toContain('t.statFamily AS k0, t.statCategory AS k1');
    expect(s.cypher).toContain('RETURN [k0, k1] AS key');
  });
});

describe('dealLags', () => {
  it('counts deals with an order year by group, order year and lags', () => {
    const s = dealLags({ recipient: HOSTILE, knownAt: '2024-01-01' }, 'CATEGORY');
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.recipient = $recipient
          AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt) AND t.orderYear IS NOT NULL
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

describe('tivByBucket', () => {
  it('sums TIV by group and bucket of years given as a parameter, with no deal count', () => {
    const s = tivByBucket({ recipient: HOSTILE }, 'SUPPLIER', { 2020: 0, 2021: 0, 2022: 1 });
    expectNoValuesInText(s);
    expect(s.cypher).toContain('$buckets[years[i]] AS bucket');
    expect(s.cypher).not.toContain('DISTINCT');
    expect(s.params.buckets).toEqual({ 2020: 0, 2021: 0, 2022: 1 });
  });
});
