// The claim cases on Neo4j: each write is one load transaction of what changed.
import { describe } from 'vitest';
import { Neo4jStore } from '../../src/store/index.js';
import { neo4jAvailable } from '../helpers/neo4j.js';
import { describeClaims } from './claims.contract.js';

const available = await neo4jAvailable();
describe.runIf(available)('claims on Neo4j', () => {
  describeClaims('neo4j', () => Neo4jStore.connect());
});
