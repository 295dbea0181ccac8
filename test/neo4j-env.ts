// Setup file of the Neo4j test project: points the suites (and the processes they start) at the Neo4j that the
// global setup started, when it started one.
import { inject } from 'vitest';

const uri = inject('neo4jUri');
if (uri !== undefined) process.env.NEO4J_URI = uri;
// Every question reads a stamp that starts after it asked (the default of 10 ms lets questions share a recent one):
// the suites check that a write is seen by the next question at once. The shared reads have tests of their own.
process.env.NEO4J_STAMP_MAX_AGE_MS ??= '0';
