// The schema statements: safe to run on every start.
import { describe, expect, it } from 'vitest';
import { SCHEMA_STATEMENTS } from '../../../../src/store/neo4j/cypher/schema.js';

describe('SCHEMA_STATEMENTS', () => {
  it('schema statements are idempotent by construction', () => {
    for (const s of SCHEMA_STATEMENTS) expect(s).toMatch(/ IF (NOT )?EXISTS/);
  });
});
