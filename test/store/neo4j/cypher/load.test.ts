// A dataset in → the load's Cypher out: rows travel as parameters, in batches.
import { describe, expect, it } from 'vitest';
import { datasetLinks } from '../../../../src/domain/graph-model.js';
import { loadStatements, stagedStatements, stagingStep } from '../../../../src/store/neo4j/cypher/load.js';
import { loadSeedDir } from '../../../../src/seeds/index.js';
import { dataset, transfer } from '../../../helpers/dataset.js';
import { HOSTILE, expectNoValuesInText } from './helpers.js';

describe('loadStatements', () => {
  it('load statements carry rows as parameters, in batches', () => {
    const d = dataset({ transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2024-01-15' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2024' })] });
    const statements = loadStatements({ ...d, actors: d.actors.map((a) => (a.id === 'AA' ? { ...a, name: HOSTILE } : a)) }, undefined, 1);
    statements.forEach(expectNoValuesInText);
    expect(statements.map((s) => s.cypher)).toMatchInlineSnapshot(`
      [
        "MATCH (n) WHERE (n:Entity OR n:TimelineEntry) AND n.gen = $gen DETACH DELETE n",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Actor",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:WeaponSystem",
        "UNWIND $rows AS row
        MATCH (s:Entity {id: row.props.supplier, gen: $gen}) USING INDEX s:Entity(id, gen)
        MATCH (r:Entity {id: row.props.recipient, gen: $gen}) USING INDEX r:Entity(id, gen)
        MATCH (y:Entity {id: row.props.system, gen: $gen}) USING INDEX y:Entity(id, gen)
        MERGE (t:Entity {id: row.id, gen: $gen}) SET t = row.props, t.gen = $gen, t:Transfer
        CREATE (t)-[:SUPPLIER]->(s), (t)-[:RECIPIENT]->(r), (t)-[:OF_SYSTEM]->(y)
        CREATE (s)-[:TRANSFERRED {transferId: row.id, supplier: row.props.supplier, recipient: row.props.recipient, system: row.props.system,
          status: row.props.status, kind: row.props.kind, earliest: row.props.earliest, latest: row.props.latest,
          knownSince: row.props.knownSince, knownUntil: row.props.knownUntil, backfills: row.props.backfills,
          category: row.props.routeCategory, evidence: row.evidence, source: row.props.source, gen: $gen}]->(r)",
        "UNWIND $rows AS row
        MATCH (s:Entity {id: row.props.supplier, gen: $gen}) USING INDEX s:Entity(id, gen)
        MATCH (r:Entity {id: row.props.recipient, gen: $gen}) USING INDEX r:Entity(id, gen)
        MATCH (y:Entity {id: row.props.system, gen: $gen}) USING INDEX y:Entity(id, gen)
        MERGE (t:Entity {id: row.id, gen: $gen}) SET t = row.props, t.gen = $gen, t:Transfer
        CREATE (t)-[:SUPPLIER]->(s), (t)-[:RECIPIENT]->(r), (t)-[:OF_SYSTEM]->(y)
        CREATE (s)-[:TRANSFERRED {transferId: row.id, supplier: row.props.supplier, recipient: row.props.recipient, system: row.props.system,
          status: row.props.status, kind: row.props.kind, earliest: row.props.earliest, latest: row.props.latest,
          knownSince: row.props.knownSince, knownUntil: row.props.knownUntil, backfills: row.props.backfills,
          category: row.props.routeCategory, evidence: row.evidence, source: row.props.source, gen: $gen}]->(r)",
        "UNWIND $rows AS row MERGE (n:Entity {id: row.id, gen: $gen}) SET n = row.props, n.gen = $gen, n:Source",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MATCH (a:Entity {id: row.from, gen: $gen}) USING INDEX a:Entity(id, gen) MATCH (b:Entity {id: row.to, gen: $gen}) USING INDEX b:Entity(id, gen) CREATE (a)-[r:CITES]->(b) SET r = row.props",
        "UNWIND $rows AS row MERGE (e:TimelineEntry {id: row.id, gen: $gen}) SET e = row, e.gen = $gen",
        "UNWIND $rows AS row MERGE (e:TimelineEntry {id: row.id, gen: $gen}) SET e = row, e.gen = $gen",
        "MERGE (m:ArmsgraphMeta {key: $key}) SET m.version = $version, m.current = $gen",
      ]
    `);
    expect(statements.filter((s) => s.cypher.includes('TRANSFERRED'))).toHaveLength(2);
  });

  it('a staged load writes every node in a step before any link to it, and every link once', async () => {
    const seed = await loadSeedDir('seeds');
    const { statements, version } = stagedStatements(seed, 2);
    // No stamp among them: the switch writes it.
    expect(statements.some((s) => s.cypher.includes('m.version'))).toBe(false);
    expect(loadStatements(seed).at(-1)!.params.version).toBe(version);
    // The step each node is created in, and the links each statement creates (by type and ends).
    const createdIn = new Map<string, number>();
    const written: string[] = [];
    for (const s of statements) {
      const step = stagingStep(s.cypher);
      const rows = (s.params.rows ?? []) as { id?: string; from?: string; to?: string; props?: Record<string, unknown> }[];
      if (/CREATE \((n|t):Entity/.test(s.cypher)) for (const r of rows) createdIn.set(r.id!, step);
      const type = /CREATE \(a\)-\[r:(\w+)\]/.exec(s.cypher)?.[1];
      if (type !== undefined) for (const r of rows) written.push(`${r.from} ${type} ${r.to} ${step}`);
      if (s.cypher.includes('CREATE (t)-[:SUPPLIER]')) {
        for (const r of rows) for (const [type, to] of [['SUPPLIER', r.props!.supplier], ['RECIPIENT', r.props!.recipient], ['OF_SYSTEM', r.props!.system]]) written.push(`${r.id} ${type} ${to} ${step} same`);
      }
    }
    expect(createdIn.size).toBe(seed.actors.length + seed.systems.length + seed.transfers.length + seed.events.length + seed.restrictions.length + seed.aidCommitments.length + seed.sources.length);
    expect(new Set(statements.map((s) => stagingStep(s.cypher)))).toEqual(new Set([0, 1, 2]));
    const expected = datasetLinks(seed).map((l) => `${l.from} ${l.type} ${l.to}`).sort();
    expect(written.map((w) => w.split(' ').slice(0, 3).join(' ')).sort()).toEqual(expected);
    for (const w of written) {
      // A transfer statement's links start at the transfer it creates; every other link joins nodes written before.
      const [from, , to, step, same] = w.split(' ');
      if (same === undefined) expect(Number(step), w).toBeGreaterThan(createdIn.get(from!)!);
      expect(Number(step), w).toBeGreaterThan(createdIn.get(to!)!);
    }
  });
});
