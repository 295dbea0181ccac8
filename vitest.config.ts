// Vitest: unit and memory-store tests run in parallel; then tests of the one shared Neo4j (*.neo4j.test.ts) and the
// browser tests (*.browser.test.ts), one file at a time each.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Resolve `graphql` to the same (CommonJS) entry Node gives Apollo, or two copies of graphql meet at run time.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.neo4j.test.ts', 'test/**/*.browser.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['test/**/*.neo4j.test.ts'],
          // Starts a Neo4j for these suites when none is given or running (test/neo4j-global-setup.ts).
          globalSetup: ['test/neo4j-global-setup.ts'],
          setupFiles: ['test/neo4j-env.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
