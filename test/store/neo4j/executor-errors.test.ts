// How driver errors map to the project's error kinds (what clients see as SERVICE_UNAVAILABLE, CONFLICT, INTERNAL).
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { mapNeo4jError } from '../../../src/store/neo4j/Executor.js';

const driverError = (code: string, message: string) => new Neo4jError(message, code, '', '');

describe('mapNeo4jError', () => {
  it('outages and transactions that ran out of time are UNAVAILABLE', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']) {
      const mapped = mapNeo4jError(driverError(code, `boom ${code}\nsecond line`), 'paths');
      expect(mapped).toMatchObject({ code: 'UNAVAILABLE', message: `Neo4j is unavailable (paths): boom ${code}` });
    }
  });

  it('a constraint violation is a CONFLICT; anything else is INTERNAL with the Neo4j code kept', () => {
    expect(mapNeo4jError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed', 'dup'), 'load')).toMatchObject({ code: 'CONFLICT' });
    const other = mapNeo4jError(driverError('Neo.ClientError.Statement.SyntaxError', 'bad'), 'read');
    expect(other).toMatchObject({ code: 'INTERNAL', details: { neo4jCode: 'Neo.ClientError.Statement.SyntaxError' } });
  });
});
