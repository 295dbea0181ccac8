// Path options as asked (GraphQL in) → the reverse pass's Cypher (out): one level per hop, values only in params.
import { describe, expect, it } from 'vitest';
import { checkPathOptions, hopFilter, resolvePathOptions, type ResolvedPathOptions } from '../../../../src/query/index.js';
import { pathLevels } from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('pathLevels', () => {
  it('the reverse pass in one statement, one level per hop, the last only from the start', () => {
    // What transferPaths asks the store for `options: { system: "Patriot", order: TIME_RESPECTING, maxHops: 3,
    // knownAt: "2024-01-15" }`: the options checked, the system resolved (here to its id), the hop filter.
    const checked = checkPathOptions({ order: 'TIME_RESPECTING', maxHops: 3, knownAt: '2024-01-15' });
    const o: ResolvedPathOptions = { ...checked, system: 'system:patriot' };
    const s = pathLevels(HOSTILE, 'UA', o.maxHops, hopFilter(o));
    expect(s).toEqual(
      pathLevels(HOSTILE, 'UA', 3, hopFilter(resolvePathOptions({ system: 'system:patriot', order: 'TIME_RESPECTING', maxHops: 3, knownAt: '2024-01-15' }))),
    );
    expectNoValuesInText(s);
    expect(s.cypher.match(/MATCH \(b:Entity\) WHERE b\.id IN f\d/g)).toEqual(['MATCH (b:Entity) WHERE b.id IN f0', 'MATCH (b:Entity) WHERE b.id IN f1', 'MATCH (b:Entity) WHERE b.id IN f2']);
    // Only the last level keeps to the start, by the relationship's supplier (the frontier's side is expanded).
    expect(s.cypher.match(/WHERE r\.supplier = \$fromId AND/g)).toHaveLength(1);
    expect(s.cypher.lastIndexOf('r.supplier = $fromId')).toBeGreaterThan(s.cypher.indexOf('AS l2'));
    expect(s.cypher).toContain('RETURN l1 + l2 + l3 AS rels');
    expect(s.params).toMatchObject({ fromId: HOSTILE, toId: 'UA', knownAt: '2024-01-15', system: 'system:patriot' });
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        OPTIONAL MATCH (root:Entity {id: $system, gen: $gen})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS family
        WITH [$toId] AS seen0, [$toId] AS f0, family
        CALL {
          WITH f0, family
          MATCH (b:Entity) WHERE b.id IN f0 AND b.gen = $gen
          MATCH (a:Actor)-[r:TRANSFERRED]->(b)
          WHERE r.gen = $gen
          AND r.system IN family
          AND r.status IN $statuses
          AND r.knownSince <= $knownAt AND (r.knownUntil IS NULL OR r.knownUntil > $knownAt)
          RETURN collect(r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
            earliest: r.earliest, latest: r.latest, backfills: r.backfills}) AS l1
        }
        CALL {
          WITH l1, seen0
          UNWIND l1 AS x
          WITH DISTINCT x.supplier AS s, seen0 WHERE NOT s IN seen0
          RETURN collect(s) AS f1
        }
        WITH *, seen0 + f1 AS seen1
        CALL {
          WITH f1, family
          MATCH (b:Entity) WHERE b.id IN f1 AND b.gen = $gen
          MATCH (a:Actor)-[r:TRANSFERRED]->(b)
          WHERE r.gen = $gen
          AND r.system IN family
          AND r.status IN $statuses
          AND r.knownSince <= $knownAt AND (r.knownUntil IS NULL OR r.knownUntil > $knownAt)
          RETURN collect(r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
            earliest: r.earliest, latest: r.latest, backfills: r.backfills}) AS l2
        }
        CALL {
          WITH l2, seen1
          UNWIND l2 AS x
          WITH DISTINCT x.supplier AS s, seen1 WHERE NOT s IN seen1
          RETURN collect(s) AS f2
        }
        WITH *, seen1 + f2 AS seen2
        CALL {
          WITH f2, family
          MATCH (b:Entity) WHERE b.id IN f2 AND b.gen = $gen
          MATCH (a:Actor)-[r:TRANSFERRED]->(b)
          WHERE r.supplier = $fromId AND r.gen = $gen
          AND r.system IN family
          AND r.status IN $statuses
          AND r.knownSince <= $knownAt AND (r.knownUntil IS NULL OR r.knownUntil > $knownAt)
          RETURN collect(r {id: r.transferId, supplier: r.supplier, recipient: r.recipient, system: r.system,
            earliest: r.earliest, latest: r.latest, backfills: r.backfills}) AS l3
        }
        RETURN l1 + l2 + l3 AS rels",
        "params": {
          "from": null,
          "fromId": "x'}) DETACH DELETE n //",
          "kinds": null,
          "knownAt": "2024-01-15",
          "recipient": null,
          "statuses": [
            "REQUESTED",
            "PROPOSED",
            "APPROVED",
            "PLANNED",
            "DELIVERED",
            "POTENTIAL",
          ],
          "supplier": null,
          "system": "system:patriot",
          "to": null,
          "toId": "UA",
        },
      }
    `);
  });

  it('without a system, no family is collected', () => {
    const one = resolvePathOptions({ maxHops: 1 });
    expect(pathLevels('JP', 'UA', one.maxHops, hopFilter(one)).cypher).not.toContain('family');
  });
});
