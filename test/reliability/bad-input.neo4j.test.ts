// Bad input (issue 9) on Neo4j: each malformed input fails with file:line: field: message and the whole database is byte-for-byte unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';
import { removeGenerated } from '../fixtures/bad/cases.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { dumpDatabase } from '../helpers/neo4j-dump.js';
import { armsgraph, badCase, describeBadInput, generatedDir, goodDataset } from './bad-input.suite.js';

const available = await neo4jAvailable();

if (available) {
  describeBadInput('Neo4j', { open: () => Neo4jStore.connect(neo4jConfigFromEnv()), dump: dumpDatabase, generated: generatedDir('neo4j') });
}

describe.runIf(available)('armsgraph --store neo4j on bad input', () => {
  const generated = generatedDir('cli-neo4j');

  beforeAll(async () => {
    await removeGenerated(generated);
    await badCase('sipri/many-bad-rows (300,000 rows, 30 MB)', generated).generate!();
    await badCase('seeds/sparse-file (3 GiB)', generated).generate!();
  });
  afterAll(() => removeGenerated(generated));

  it('import sipri and load fail with exit 1 and the issue on stderr, and leave the database as it was', async () => {
    const store = await Neo4jStore.connect(neo4jConfigFromEnv());
    try {
      await store.load(await goodDataset());
    } finally {
      await store.close();
    }
    const before = await dumpDatabase();
    expect(before.nodes.length).toBeGreaterThan(100);
    const imports = [
      badCase('sipri/deal-rows-disagree.csv'), badCase('sipri/utf16le-bom.csv'), badCase('sipri/delivery-before-order.csv'),
      badCase('sipri/many-bad-rows (300,000 rows, 30 MB)', generated),
    ];
    for (const c of imports) {
      const result = await armsgraph('--store', 'neo4j', 'import', 'sipri', c.path);
      expect(result.code, c.name).toBe(1);
      expect(result.stderr.split('\n')[1], c.name).toBe(`  ${c.first as string}`);
      expect(result.stderr, c.name).not.toMatch(/\n\s+at /);
      expect(await dumpDatabase(), c.name).toEqual(before);
    }
    for (const c of [badCase('seeds/partof-cycle'), badCase('seeds/sparse-file (3 GiB)', generated)]) {
      const result = await armsgraph('--store', 'neo4j', '--seeds', c.path, 'load');
      expect(result.code, c.name).toBe(1);
      expect(result.stderr.split('\n')[1], c.name).toBe(`  ${c.first as string}`);
      expect(await dumpDatabase(), c.name).toEqual(before);
    }
  });
});
