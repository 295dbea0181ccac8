// Filters and cursors as asked (GraphQL in) → each page's Cypher (out): the count and the items, values only in params.
import { describe, expect, it } from 'vitest';
import {
  actorsPage, pageStatement, systemsPage, transfersMatching,
} from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText, names } from './helpers.js';

describe('pageStatement', () => {
  it('count and items in one statement, each in its own subquery', () => {
    const parts = actorsPage({ kinds: ['STATE'] }, HOSTILE, ['x'], 20);
    const s = pageStatement(parts);
    expectNoValuesInText(s);
    expect(s.cypher).toContain('RETURN count(a) AS total');
    expect(s.cypher).toContain('RETURN collect(json) AS items');
    // Every page brings the graph's version stamp and live generation, which check names resolved from the projection.
    expect(s.cypher.trimEnd().endsWith('RETURN total, before, items, version, live')).toBe(true);
    expect(pageStatement(systemsPage({}, null, undefined, 20)).cypher.trimEnd().endsWith('RETURN total, before, items, version, live')).toBe(true);
    expect(s.params).toEqual({ ...parts.count.params, ...parts.page.params, metaKey: 'graph' });
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "CALL {
        MATCH (a:Actor)
        WHERE a.gen = $gen AND ($kinds IS NULL OR a.kind IN $kinds) AND ($text IS NULL OR any(k IN a.nameKeys WHERE k CONTAINS $text))
        RETURN count(a) AS total, sum(CASE WHEN ($after IS NOT NULL AND NOT ($after IS NULL OR a.id > $after[0])) THEN 1 ELSE 0 END) AS before
      }
      CALL {
        CALL {
          MATCH (a:Actor)
          WHERE a.gen = $gen AND ($kinds IS NULL OR a.kind IN $kinds) AND ($text IS NULL OR any(k IN a.nameKeys WHERE k CONTAINS $text)) AND ($after IS NULL OR a.id > $after[0])
          RETURN a.json AS json ORDER BY a.id LIMIT $limit
        }
        RETURN collect(json) AS items
      }
      CALL {
        OPTIONAL MATCH (m:ArmsgraphMeta {key: $metaKey})
        RETURN m.version AS version, m.current AS live
      }
      RETURN total, before, items, version, live",
        "params": {
          "after": [
            "x",
          ],
          "kinds": [
            "STATE",
          ],
          "limit": Integer {
            "high": 0,
            "low": 20,
          },
          "metaKey": "graph",
          "text": "x'}) DETACH DELETE n //",
        },
      }
    `);
  });
});

describe('transfersMatching', () => {
  it('every matching transfer, in time order', () => {
    const s = transfersMatching({ supplier: HOSTILE, knownAt: '2024-01-15' });
    expectNoValuesInText(s);
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "
        MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.supplier = $supplier
          AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt)
        RETURN t.json AS json ORDER BY t.earliest, t.latest, t.id",
        "params": {
          "from": null,
          "kinds": null,
          "knownAt": "2024-01-15",
          "recipient": null,
          "statuses": null,
          "supplier": "x'}) DETACH DELETE n //",
          "system": null,
          "to": null,
        },
      }
    `);
  });
});

describe('actorsPage', () => {
  it('by kind and name text, keyed by id', () => {
    const s = actorsPage({ kinds: ['STATE'] }, HOSTILE, ['JP'], 20);
    expectNoValuesInText(s.page);
    expect(s.page).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (a:Actor)
        WHERE a.gen = $gen AND ($kinds IS NULL OR a.kind IN $kinds) AND ($text IS NULL OR any(k IN a.nameKeys WHERE k CONTAINS $text)) AND ($after IS NULL OR a.id > $after[0])
      RETURN a.json AS json ORDER BY a.id LIMIT $limit",
        "params": {
          "after": [
            "JP",
          ],
          "kinds": [
            "STATE",
          ],
          "limit": Integer {
            "high": 0,
            "low": 20,
          },
          "text": "x'}) DETACH DELETE n //",
        },
      }
    `);
  });
});

describe('systemsPage', () => {
  it('by family, keyed by id (category and text unset)', () => {
    const s = systemsPage({ family: HOSTILE }, null, undefined, 20);
    expectNoValuesInText(s.page);
    expect(s.page).toMatchInlineSnapshot(`
      {
        "cypher": "
        OPTIONAL MATCH (root:Entity {id: $family, gen: $gen})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS members
        MATCH (s:WeaponSystem)
        WHERE s.gen = $gen AND ($category IS NULL OR s.category = $category) AND ($family IS NULL OR s.id IN members)
          AND ($text IS NULL OR any(k IN s.nameKeys WHERE k CONTAINS $text)) AND ($after IS NULL OR s.id > $after[0])
      RETURN s.json AS json ORDER BY s.id LIMIT $limit",
        "params": {
          "after": null,
          "category": null,
          "family": "x'}) DETACH DELETE n //",
          "limit": Integer {
            "high": 0,
            "low": 20,
          },
          "text": null,
        },
      }
    `);
  });
});
