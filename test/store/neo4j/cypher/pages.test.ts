// Filters and cursors as asked (GraphQL in) → each page's Cypher (out): the count and the items, values only in params.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageArgs, pageSize, timelineFilter, transferFilter } from '../../../../src/query/index.js';
import {
  actorsPage, pageStatement, systemsPage, timelinePage, transfersMatching, transfersPage,
} from '../../../../src/store/neo4j/cypher/reads/index.js';
import { HOSTILE, expectNoValuesInText, names } from './helpers.js';

const AFTER = ['2023-01-01', '2023-12-31', 'transfer:x'];

describe('transfersPage', () => {
  it('a filter and a cursor as asked: only the conditions set, every value a parameter', async () => {
    // `transfers(filter: { recipient, system: "Patriot", statuses: [DELIVERED], between: { from: "2022", to: "2024" },
    // knownAt: "2024-01-15" }, page: { first: 20, after })`, prepared as the question prepares it.
    const filter = await transferFilter(names, {
      recipient: HOSTILE, system: 'Patriot', statuses: ['DELIVERED'], between: { from: '2022', to: '2024' }, knownAt: '2024-01-15',
    });
    const request = pageArgs({ first: 20, after: encodeCursor(AFTER) });
    const s = transfersPage(filter, decodeCursor(request.after!), pageSize(request.first));
    expect(s).toEqual(
      transfersPage({ recipient: HOSTILE, system: 'system:patriot', statuses: ['DELIVERED'], between: { from: '2022-01-01', to: '2024-12-31' }, knownAt: '2024-01-15' }, AFTER, 20),
    );
    expectNoValuesInText(s.page);
    expect(s).toMatchInlineSnapshot(`
      {
        "count": {
          "cypher": "
        OPTIONAL MATCH (root:Entity {id: $system, gen: $gen})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS family
        MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.recipient = $recipient
          AND t.system IN family
          AND t.status IN $statuses
          AND t.earliest <= $to AND t.latest >= $from
          AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt)
      RETURN count(t) AS total, sum(CASE WHEN ($after IS NOT NULL AND NOT ($after IS NULL OR t.earliest > $after[0]
        OR (t.earliest = $after[0] AND (t.latest > $after[1] OR (t.latest = $after[1] AND t.id > $after[2]))))) THEN 1 ELSE 0 END) AS before",
          "params": {
            "after": [
              "2023-01-01",
              "2023-12-31",
              "transfer:x",
            ],
            "from": "2022-01-01",
            "kinds": null,
            "knownAt": "2024-01-15",
            "limit": Integer {
              "high": 0,
              "low": 20,
            },
            "recipient": "x'}) DETACH DELETE n //",
            "statuses": [
              "DELIVERED",
            ],
            "supplier": null,
            "system": "system:patriot",
            "to": "2024-12-31",
          },
        },
        "page": {
          "cypher": "
        OPTIONAL MATCH (root:Entity {id: $system, gen: $gen})
        OPTIONAL MATCH (member:WeaponSystem)-[:MEMBER_OF*0..]->(root)
        WITH collect(member.id) AS family
        MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.recipient = $recipient
          AND t.system IN family
          AND t.status IN $statuses
          AND t.earliest <= $to AND t.latest >= $from
          AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt) AND ($after IS NULL OR t.earliest > $after[0]
        OR (t.earliest = $after[0] AND (t.latest > $after[1] OR (t.latest = $after[1] AND t.id > $after[2]))))
      RETURN t.json AS json ORDER BY t.earliest, t.latest, t.id LIMIT $limit",
          "params": {
            "after": [
              "2023-01-01",
              "2023-12-31",
              "transfer:x",
            ],
            "from": "2022-01-01",
            "kinds": null,
            "knownAt": "2024-01-15",
            "limit": Integer {
              "high": 0,
              "low": 20,
            },
            "recipient": "x'}) DETACH DELETE n //",
            "statuses": [
              "DELIVERED",
            ],
            "supplier": null,
            "system": "system:patriot",
            "to": "2024-12-31",
          },
        },
      }
    `);
  });

  it('transfer filters put only the conditions that are set in the text', () => {
    const bare = transfersPage({}, undefined, 20);
    expect(bare.page.cypher).not.toMatch(/\$(supplier|recipient|system|statuses|kinds|from|knownAt) IS NULL/);
    expect(bare.page.cypher).not.toContain('family');
    const byRecipient = transfersPage({ recipient: 'UA' }, undefined, 20);
    expect(byRecipient.count.cypher).toContain('t.recipient = $recipient');
    expect(byRecipient.count.cypher).not.toContain('t.supplier');
  });
});

describe('pageStatement', () => {
  it('count and items in one statement, each in its own subquery', () => {
    const parts = transfersPage({ recipient: HOSTILE, knownAt: '2024-01-15' }, AFTER, 20);
    const s = pageStatement(parts);
    expectNoValuesInText(s);
    expect(s.cypher).toContain('RETURN count(t) AS total');
    expect(s.cypher).toContain('RETURN collect(json) AS items');
    // Every page brings the graph's version stamp and live generation, which check names resolved from the projection.
    expect(s.cypher.trimEnd().endsWith('RETURN total, before, items, version, live')).toBe(true);
    expect(pageStatement(actorsPage({}, null, undefined, 20)).cypher.trimEnd().endsWith('RETURN total, before, items, version, live')).toBe(true);
    expect(s.params).toEqual({ ...parts.count.params, ...parts.page.params, metaKey: 'graph' });
    expect(s).toMatchInlineSnapshot(`
      {
        "cypher": "CALL {
        MATCH (t:Transfer) WHERE t.gen = $gen
        AND t.recipient = $recipient
        AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt)
        RETURN count(t) AS total, sum(CASE WHEN ($after IS NOT NULL AND NOT ($after IS NULL OR t.earliest > $after[0]
        OR (t.earliest = $after[0] AND (t.latest > $after[1] OR (t.latest = $after[1] AND t.id > $after[2]))))) THEN 1 ELSE 0 END) AS before
      }
      CALL {
        CALL {
          MATCH (t:Transfer) WHERE t.gen = $gen
          AND t.recipient = $recipient
          AND t.knownSince <= $knownAt AND (t.knownUntil IS NULL OR t.knownUntil > $knownAt) AND ($after IS NULL OR t.earliest > $after[0]
          OR (t.earliest = $after[0] AND (t.latest > $after[1] OR (t.latest = $after[1] AND t.id > $after[2]))))
          RETURN t.json AS json ORDER BY t.earliest, t.latest, t.id LIMIT $limit
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
            "2023-01-01",
            "2023-12-31",
            "transfer:x",
          ],
          "from": null,
          "kinds": null,
          "knownAt": "2024-01-15",
          "limit": Integer {
            "high": 0,
            "low": 20,
          },
          "metaKey": "graph",
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

describe('timelinePage', () => {
  it('from the actors asked, through FEATURES', async () => {
    // `timeline(filter: { actors: ["JP", …], kinds: [WAR], knownAt: "2024-01-15" }, page: { first: 10 })`.
    const filter = await timelineFilter(names, { actors: ['JP', HOSTILE], kinds: ['WAR'], knownAt: '2024-01-15' });
    const s = timelinePage(filter, undefined, pageSize(pageArgs({ first: 10 }).first));
    expect(s).toEqual(timelinePage({ actors: ['JP', HOSTILE], kinds: ['WAR'], knownAt: '2024-01-15' }, undefined, 10));
    expectNoValuesInText(s.page);
    expect(s).toMatchInlineSnapshot(`
      {
        "count": {
          "cypher": "
        MATCH (whole:Entity) WHERE whole.id IN $actors AND whole.gen = $gen
        MATCH (part:Actor)-[:PART_OF*0..]->(whole)
        WITH DISTINCT part
        MATCH (e:TimelineEntry)-[:FEATURES]->(part)
        WITH DISTINCT e
        WHERE e.gen = $gen
          AND e.kind IN $kinds
          AND e.knownSince <= $knownAt AND (e.knownUntil IS NULL OR e.knownUntil > $knownAt)
      RETURN count(e) AS total, sum(CASE WHEN ($after IS NOT NULL AND NOT ($after IS NULL OR e.earliest > $after[0]
        OR (e.earliest = $after[0] AND (e.latest > $after[1] OR (e.latest = $after[1] AND e.id > $after[2]))))) THEN 1 ELSE 0 END) AS before",
          "params": {
            "actors": [
              "JP",
              "x'}) DETACH DELETE n //",
            ],
            "after": null,
            "from": null,
            "kinds": [
              "WAR",
            ],
            "knownAt": "2024-01-15",
            "limit": Integer {
              "high": 0,
              "low": 10,
            },
            "systems": null,
            "to": null,
          },
        },
        "page": {
          "cypher": "
        MATCH (whole:Entity) WHERE whole.id IN $actors AND whole.gen = $gen
        MATCH (part:Actor)-[:PART_OF*0..]->(whole)
        WITH DISTINCT part
        MATCH (e:TimelineEntry)-[:FEATURES]->(part)
        WITH DISTINCT e
        WHERE e.gen = $gen
          AND e.kind IN $kinds
          AND e.knownSince <= $knownAt AND (e.knownUntil IS NULL OR e.knownUntil > $knownAt) AND ($after IS NULL OR e.earliest > $after[0]
        OR (e.earliest = $after[0] AND (e.latest > $after[1] OR (e.latest = $after[1] AND e.id > $after[2]))))
      RETURN e.json AS json ORDER BY e.earliest, e.latest, e.id LIMIT $limit",
          "params": {
            "actors": [
              "JP",
              "x'}) DETACH DELETE n //",
            ],
            "after": null,
            "from": null,
            "kinds": [
              "WAR",
            ],
            "knownAt": "2024-01-15",
            "limit": Integer {
              "high": 0,
              "low": 10,
            },
            "systems": null,
            "to": null,
          },
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
