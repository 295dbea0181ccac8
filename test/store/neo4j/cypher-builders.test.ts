// Snapshot tests of the Cypher builders: the text never carries values; every value travels as a parameter.
import { describe, expect, it } from 'vitest';
import { hopFilter, resolvePathOptions } from '../../../src/query/index.js';
import * as q from '../../../src/store/neo4j/cypher/reads.js';
import { loadStatements } from '../../../src/store/neo4j/cypher/load.js';
import { SCHEMA_STATEMENTS } from '../../../src/store/neo4j/cypher/schema.js';
import { dataset, transfer } from '../../helpers/dataset.js';

const HOSTILE = "x'}) DETACH DELETE n //";

function expectNoValuesInText(statement: { cypher: string; params: Record<string, unknown> }): void {
  expect(statement.cypher).not.toContain(HOSTILE);
  expect(statement.cypher).not.toContain('2024-01-15');
}

describe('Cypher builders', () => {
  it('transfersPage', () => {
    const s = q.transfersPage({ recipient: HOSTILE, system: 'system:patriot', statuses: ['DELIVERED'], between: { from: '2022-01-01', to: '2024-12-31' }, knownAt: '2024-01-15' }, ['2023-01-01', '2023-12-31', 'transfer:x'], 20);
    expectNoValuesInText(s.page);
    expect(s).toMatchSnapshot();
  });

  it('pageStatement: count and items in one statement, each in its own subquery', () => {
    const parts = q.transfersPage({ recipient: HOSTILE, knownAt: '2024-01-15' }, ['2023-01-01', '2023-12-31', 'transfer:x'], 20);
    const s = q.pageStatement(parts);
    expectNoValuesInText(s);
    expect(s.cypher).toContain('RETURN count(t) AS total');
    expect(s.cypher).toContain('RETURN collect(json) AS items, collect(refs) AS refs');
    // Transfers bring the nodes they refer to (for nested supplier, recipient and system fields); others do not.
    expect(s.cypher.trimEnd().endsWith('RETURN total, before, items, related')).toBe(true);
    expect(q.pageStatement(q.actorsPage({}, null, undefined, 20)).cypher.trimEnd().endsWith('RETURN total, before, items')).toBe(true);
    expect(s.params).toEqual({ ...parts.count.params, ...parts.page.params });
    expect(s).toMatchSnapshot();
  });

  it('timelinePage', () => {
    const s = q.timelinePage({ actors: ['JP', HOSTILE], kinds: ['WAR'], knownAt: '2024-01-15' }, undefined, 10);
    expectNoValuesInText(s.page);
    expect(s).toMatchSnapshot();
  });

  it('pathLevels: the reverse pass in one statement, one level per hop, the last only from the start', () => {
    const o = resolvePathOptions({ system: 'system:patriot', order: 'TIME_RESPECTING', maxHops: 3, knownAt: '2024-01-15' });
    const s = q.pathLevels(HOSTILE, 'UA', o.maxHops, hopFilter(o));
    expectNoValuesInText(s);
    expect(s.cypher.match(/MATCH \(b:Entity\) WHERE b\.id IN f\d/g)).toEqual(['MATCH (b:Entity) WHERE b.id IN f0', 'MATCH (b:Entity) WHERE b.id IN f1', 'MATCH (b:Entity) WHERE b.id IN f2']);
    // Only the last level keeps to the start, by the relationship's supplier (the frontier's side is expanded).
    expect(s.cypher.match(/WHERE r\.supplier = \$fromId AND/g)).toHaveLength(1);
    expect(s.cypher.lastIndexOf('r.supplier = $fromId')).toBeGreaterThan(s.cypher.indexOf('AS l2'));
    expect(s.cypher).toContain('RETURN l1 + l2 + l3 AS rels');
    expect(s.params).toMatchObject({ fromId: HOSTILE, toId: 'UA', knownAt: '2024-01-15', system: 'system:patriot' });
    const one = resolvePathOptions({ maxHops: 1 });
    expect(q.pathLevels('JP', 'UA', one.maxHops, hopFilter(one)).cypher).not.toContain('family');
    expect(s).toMatchSnapshot();
  });

  it('transfer filters put only the conditions that are set in the text', () => {
    const bare = q.transfersPage({}, undefined, 20);
    expect(bare.page.cypher).not.toMatch(/\$(supplier|recipient|system|statuses|kinds|from|knownAt) IS NULL/);
    expect(bare.page.cypher).not.toContain('family');
    const byRecipient = q.transfersPage({ recipient: 'UA' }, undefined, 20);
    expect(byRecipient.count.cypher).toContain('t.recipient = $recipient');
    expect(byRecipient.count.cypher).not.toContain('t.supplier');
  });

  it('checkContext, search, resolve and subgraph', () => {
    const statements = [
      q.checkContext(['JP', HOSTILE], ['system:patriot'], { from: '2024-01-15', to: '2024-01-15' }, [HOSTILE]),
      q.searchCandidates(HOSTILE),
      q.resolveRef('Actor', HOSTILE, 'x'),
      q.neighbours([HOSTILE], {}),
      q.subgraphOf(['JP'], { knownAt: '2024-01-15' }),
      q.statsStatement(),
    ];
    statements.forEach(expectNoValuesInText);
    expect(statements).toMatchSnapshot();
  });

  it('load statements carry rows as parameters, in batches', () => {
    const d = dataset({ transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2024-01-15' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2024' })] });
    const statements = loadStatements({ ...d, actors: d.actors.map((a) => (a.id === 'AA' ? { ...a, name: HOSTILE } : a)) }, undefined, 1);
    statements.forEach(expectNoValuesInText);
    expect(statements.map((s) => s.cypher)).toMatchSnapshot();
    expect(statements.filter((s) => s.cypher.includes('TRANSFERRED'))).toHaveLength(2);
  });

  it('schema statements are idempotent by construction', () => {
    for (const s of SCHEMA_STATEMENTS) expect(s).toMatch(/ IF NOT EXISTS /);
  });
});

