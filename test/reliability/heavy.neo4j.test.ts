// Heavy questions next to cheap ones, on each store in turn: run with the Neo4j suites, one file at a time, because
// it measures latency (the unit suites run two files at once on this machine's two cores). The memory store's part
// runs whether or not Neo4j is reachable.
import { neo4jAvailable } from '../helpers/neo4j.js';
import { describeHeavy } from './heavy.cases.js';

describeHeavy('memory');
if (await neo4jAvailable()) describeHeavy('neo4j');
