// Setup file of the Neo4j test project: points the suites (and the processes they start) at the Neo4j that the
// global setup started, when it started one.
import { inject } from 'vitest';

const uri = inject('neo4jUri');
if (uri !== undefined) process.env.NEO4J_URI = uri;
