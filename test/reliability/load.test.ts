// Load against the memory store (the Neo4j twin is load.neo4j.test.ts).
import { describeLoad } from './load.cases.js';

describeLoad('memory');
