// The one entry point to the stores: the GraphStore port interface and the two backends' factories.
export { MemoryStore } from './memory/MemoryStore.js';
export { Neo4jStore } from './neo4j/Neo4jStore.js';
export { neo4jConfigFromEnv } from './neo4j/config.js';
export type { Neo4jConfig } from './neo4j/config.js';
export type { Statement } from './neo4j/Executor.js';
export { loadStatements } from './neo4j/cypher/load.js';
export type { GraphStore } from './types.js';
