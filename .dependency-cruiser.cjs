// The layering of ARCHITECTURE.md and STYLE.md "Our conventions" (1, 2) as dependency-cruiser rules, checked by
// `npm run lint:deps` and by test/tools/dependency-rules.test.ts (so by `npm test` and CI).
// CommonJS because package.json says "type": "module" (what `depcruise --init` writes for such a package).
// Paths in rules are relative to the repository root, e.g. `src/query/paths.ts`; node core modules appear by name
// without the `node:` prefix (`fs`).

/** Node core modules that do I/O (files, network, processes, terminals), with or without the `node:` prefix. */
const NODE_IO = '^(?:node:)?(?:fs|net|http|https|http2|child_process|cluster|dgram|dns|tls|worker_threads|readline|repl|inspector|os|process|module|v8|vm|wasi|sqlite)(?:/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules must not depend on each other in a cycle (type-only imports count: tsPreCompilationDeps). ' +
        'Move what both sides need into a small module of its own that both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file or an installed package: a typo, a missing file or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'src/ runs in production, where devDependencies are not installed: move the package to "dependencies" or ' +
        'import only its types (`import type`).',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: ['node_modules/@types/'] },
    },
    {
      name: 'query-not-to-store',
      severity: 'error',
      comment:
        'query/ holds the semantics both stores share; the stores depend on it, never the reverse. ' +
        'Types the stores and query/ both need belong in query/ (or domain/), the stores answering narrow ports.',
      from: { path: '^src/query/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'query-not-to-outer-layers',
      severity: 'error',
      comment:
        'query/ sits below graphql/, export/ and web/ and does not read seeds or imports: it depends on domain/ only.',
      from: { path: '^src/query/' },
      to: { path: '^src/(?:graphql|export|web|seeds|import)/' },
    },
    {
      name: 'domain-not-to-other-layers',
      severity: 'error',
      comment: 'domain/ is the bottom layer: it imports nothing from the other folders of src/.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'domain/ does no I/O: no node modules for files, network, processes or the terminal. Do it in the caller.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'store-memory-not-to-neo4j',
      severity: 'error',
      comment: 'The two stores are independent implementations of GraphStore: what both need lives in query/ or domain/.',
      from: { path: '^src/store/memory/' },
      to: { path: '^src/store/neo4j/' },
    },
    {
      name: 'store-neo4j-not-to-memory',
      severity: 'error',
      comment: 'The two stores are independent implementations of GraphStore: what both need lives in query/ or domain/.',
      from: { path: '^src/store/neo4j/' },
      to: { path: '^src/store/memory/' },
    },
    {
      name: 'store-only-through-index',
      severity: 'error',
      comment:
        'src/store/index.ts is the only way into the stores (from src/, tools/ and bin/ alike): import from ' +
        'store/index.js, not store/types.js, store/memory/** or store/neo4j/**.',
      // The one exception: tools/bench/profile-neo4j-reads.ts PROFILEs the Neo4j store's own statement builders
      // (store/neo4j/cypher/reads/), which the barrel rightly does not export. Drop it when that tool goes.
      from: { pathNot: ['^src/store/', '^tools/bench/profile-neo4j-reads\\.ts$'] },
      to: { path: '^src/store/', pathNot: '^src/store/index\\.ts$' },
    },
    {
      name: 'store-not-to-upper-layers',
      severity: 'error',
      comment: 'store/ sits below graphql/, export/ and web/ (data flows one way): it depends on domain/ and query/ only.',
      from: { path: '^src/store/' },
      to: { path: '^src/(?:graphql|export|web)/' },
    },
    {
      name: 'graphql-not-to-store-internals',
      severity: 'error',
      comment: 'graphql/ works over the GraphStore interface: import it from store/index.js, never a backend.',
      from: { path: '^src/graphql/' },
      to: { path: '^src/store/(?:memory|neo4j)/' },
    },
    {
      name: 'seeds-import-not-to-upper-layers',
      severity: 'error',
      comment: 'seeds/ and import/ build a Dataset from files: they depend on domain/ only, not on what consumes a Dataset.',
      from: { path: '^src/(?:seeds|import)/' },
      to: { path: '^src/(?:store|graphql|query|export)/' },
    },
    {
      name: 'auth-only-domain',
      severity: 'error',
      comment:
        'auth/ (tokens, roles, authentication, the audit log) knows neither GraphQL nor the HTTP server nor the data: ' +
        'it depends on domain/ only. graphql/ and server.ts call it; what it needs from them, they hand in.',
      from: { path: '^src/auth/' },
      to: { path: '^src/', pathNot: '^src/(?:auth|domain)/' },
    },
    {
      name: 'web-only-web',
      severity: 'error',
      comment:
        'The dashboard (src/web/) talks to the server over HTTP only: it imports nothing of the project outside ' +
        'src/web/. Its GraphQL operation types are generated into src/web/api/generated/ (codegen.ts).',
      from: { path: '^src/web/' },
      // Packages are the bundler's business; any file of the project outside src/web/ is not.
      to: {
        dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^src/web/',
      },
    },
    {
      name: 'cli-entry-not-imported',
      severity: 'error',
      comment: 'src/cli.ts is the command\'s entry point (run by bin/armsgraph.js): nothing in src/ imports it.',
      from: { path: '^src/' },
      to: { path: '^src/cli\\.ts$' },
    },
    {
      name: 'only-cli-wires-layers',
      severity: 'error',
      comment:
        'Only the entry points wire layers together: nothing in src/ imports src/server.ts or src/cli/** except ' +
        'src/cli.ts and src/cli/** (tools/ may).',
      from: { path: '^src/', pathNot: '^src/(?:cli\\.ts|cli/)' },
      to: { path: '^src/(?:server\\.ts|cli/)' },
    },
  ],
  options: {
    // tools/ may use test helpers (tools/measure-dashboard.mjs); tests may import anything, so test/ is not cruised.
    doNotFollow: { path: ['node_modules', '^test/'] },
    moduleSystems: ['es6', 'cjs', 'tsd'],
    // Type-only imports are dependencies too: a cycle or a layer breach through `import type` counts.
    tsPreCompilationDeps: true,
    // Read for resolution; relative imports end in `.js` and resolve to the `.ts` file beside them.
    tsConfig: { fileName: 'tsconfig.json' },
    detectProcessBuiltinModuleCalls: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
