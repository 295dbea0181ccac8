// The layering rules of .dependency-cruiser.cjs (`npm run lint:deps`): each rule fires on a breach in a small fixture
// tree, and src/, tools/ and bin/ keep them all.
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = '.dependency-cruiser.cjs';

/** Cruises `dirs` of the tree at `root` with the config and tsconfig.json found there, as the depcruise CLI does. */
async function cruiseTree(root: string, dirs: readonly string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(path.join(root, CONFIG));
  const tsConfigFile = path.join(root, 'tsconfig.json');
  const { output } = await cruise(
    [...dirs],
    { ...options, baseDir: root, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof output === 'string') throw new Error(`expected a cruise result, got reporter output: ${output.slice(0, 200)}`);
  return output;
}

/** One line per violation: `rule: from → to`, with the whole loop for a cycle and packages from node_modules/ on. */
function describeViolation(v: IViolation): string {
  const chain = v.cycle ? [v.from, ...v.cycle.map((c) => c.name)] : [v.from, v.to];
  return `${v.rule.name}: ${chain.map((m) => m.replace(/^.*?(?=node_modules\/)/, '')).join(' → ')}`;
}

function violationLines(result: ICruiseResult): string[] {
  return (result.summary.violations ?? []).map(describeViolation).sort();
}

// A tiny project with the real config: every file named `bad-*` breaks one rule, the others are allowed imports.
const FIXTURE: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture', private: true, type: 'module',
    dependencies: { graphology: '*' }, devDependencies: { vitest: '*' },
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
    include: ['src', 'tools', 'bin'],
  }),
  'src/domain/model.ts': 'export interface Thing { readonly id: string }\n',
  'src/domain/bad-layer.ts': "import { ask } from '../query/ask.js';\nexport const x = ask;\n",
  'src/domain/bad-io.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'src/domain/bad-builtin.ts': "export const os = process.getBuiltinModule('node:os');\n",
  'src/query/ask.ts': "import type { Thing } from '../domain/model.js';\nexport const ask = (t: Thing) => t.id;\n",
  'src/query/bad-store.ts': "import type { Port } from '../store/index.js';\nexport type P = Port;\n",
  'src/query/bad-up.ts': "import { resolvers } from '../graphql/resolvers.js';\nexport const r = resolvers;\n",
  'src/store/index.ts': "export type { Port } from './types.js';\nexport { memory } from './memory/memory.js';\n",
  'src/store/types.ts': "import type { Thing } from '../domain/model.js';\nexport interface Port { get(id: string): Thing }\n",
  'src/store/memory/memory.ts': "import { ask } from '../../query/ask.js';\nexport const memory = ask;\n",
  'src/store/memory/bad-neo4j.ts': "import { neo } from '../neo4j/neo.js';\nexport const m = neo;\n",
  'src/store/neo4j/neo.ts': 'export const neo = 1;\n',
  'src/store/neo4j/bad-memory.ts': "import { memory } from '../memory/memory.js';\nexport const n = memory;\n",
  'src/store/bad-up.ts': "import { write } from '../export/write.js';\nexport const w = write;\n",
  'src/graphql/resolvers.ts': "import type { Port } from '../store/index.js';\nexport const resolvers = (p: Port) => p;\n",
  'src/graphql/bad-internals.ts': "import { neo } from '../store/neo4j/neo.js';\nexport const n = neo;\n",
  'src/graphql/bad-server.ts': "import { serve } from '../server.js';\nexport const s = serve;\n",
  'src/export/write.ts': "import type { Port } from '../store/index.js';\nexport const write = (p: Port) => p;\n",
  'src/export/bad-types.ts': "import type { Port } from '../store/types.js';\nexport type P = Port;\n",
  'src/export/bad-cycle-a.ts': "import type { B } from './bad-cycle-b.js';\nexport interface A { readonly b?: B }\n",
  'src/export/bad-cycle-b.ts': "import type { A } from './bad-cycle-a.js';\nexport interface B { readonly a?: A }\n",
  'src/export/bad-missing.ts': "import { nothing } from './not-there.js';\nexport const n = nothing;\n",
  'src/export/bad-dev-dep.ts': "import { expect } from 'vitest';\nexport const e = expect;\n",
  'src/export/dev-types.ts': "import type { TestContext } from 'vitest';\nexport type T = TestContext;\n",
  'src/export/bad-cli.ts': "import { main } from '../cli.js';\nexport const m = main;\n",
  'src/auth/roles.ts': "import type { Thing } from '../domain/model.js';\nexport const role = (t: Thing) => t.id;\n",
  'src/auth/bad-graphql.ts': "import { resolvers } from '../graphql/resolvers.js';\nexport const r = resolvers;\n",
  'src/seeds/bad-query.ts': "import { ask } from '../query/ask.js';\nexport const a = ask;\n",
  'src/web/view.ts': "import Graph from 'graphology';\nimport { fetchThing } from './api/client.js';\nexport const g = [Graph, fetchThing];\n",
  'src/web/api/client.ts': "import type { ThingQuery } from './generated/graphql.js';\nexport const fetchThing = (q: ThingQuery) => q;\n",
  'src/web/api/generated/graphql.ts': 'export interface ThingQuery { readonly id: string }\n',
  'src/web/bad-domain.ts': "import type { Thing } from '../domain/model.js';\nexport type T = Thing;\n",
  'src/server.ts': "import { resolvers } from './graphql/resolvers.js';\nimport { write } from './export/write.js';\nexport const serve = [resolvers, write];\n",
  'src/cli.ts': "import { serve } from './server.js';\nimport { run } from './cli/run.js';\nexport const main = [serve, run];\n",
  'src/cli/run.ts': "import { serve } from '../server.js';\nimport { memory } from '../store/index.js';\nexport const run = [serve, memory];\n",
  'tools/wire.ts': "import { serve } from '../src/server.js';\nimport { memory } from '../src/store/index.js';\nexport const w = [serve, memory];\n",
  'tools/bad-store.ts': "import { memory } from '../src/store/memory/memory.js';\nexport const m = memory;\n",
  'bin/run.js': "const { main } = await import('../src/cli.ts');\nexport default main;\n",
};

describe('.dependency-cruiser.cjs', () => {
  let fixture: string;

  beforeAll(async () => {
    fixture = await mkdtemp(path.join(os.tmpdir(), 'armsgraph-depcruise-'));
    for (const [file, text] of Object.entries(FIXTURE)) {
      await mkdir(path.dirname(path.join(fixture, file)), { recursive: true });
      await writeFile(path.join(fixture, file), text);
    }
    await copyFile(path.join(ROOT, CONFIG), path.join(fixture, CONFIG));
    await symlink(path.join(ROOT, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    if (fixture) await rm(fixture, { recursive: true, force: true });
  });

  it('reports each breach of the layering by its rule, and none of the allowed imports', async () => {
    const result = await cruiseTree(fixture, ['src', 'tools', 'bin']);
    expect(violationLines(result)).toEqual([
      'auth-only-domain: src/auth/bad-graphql.ts → src/graphql/resolvers.ts',
      'cli-entry-not-imported: src/export/bad-cli.ts → src/cli.ts',
      'domain-no-io: src/domain/bad-builtin.ts → os',
      'domain-no-io: src/domain/bad-io.ts → fs',
      'domain-not-to-other-layers: src/domain/bad-layer.ts → src/query/ask.ts',
      'graphql-not-to-store-internals: src/graphql/bad-internals.ts → src/store/neo4j/neo.ts',
      'no-circular: src/export/bad-cycle-a.ts → src/export/bad-cycle-b.ts → src/export/bad-cycle-a.ts',
      'not-to-dev-dep: src/export/bad-dev-dep.ts → node_modules/vitest/dist/index.d.ts',
      'not-to-unresolvable: src/export/bad-missing.ts → ./not-there.js',
      'only-cli-wires-layers: src/graphql/bad-server.ts → src/server.ts',
      'query-not-to-outer-layers: src/query/bad-up.ts → src/graphql/resolvers.ts',
      'query-not-to-store: src/query/bad-store.ts → src/store/index.ts',
      'seeds-import-not-to-upper-layers: src/seeds/bad-query.ts → src/query/ask.ts',
      'store-memory-not-to-neo4j: src/store/memory/bad-neo4j.ts → src/store/neo4j/neo.ts',
      'store-neo4j-not-to-memory: src/store/neo4j/bad-memory.ts → src/store/memory/memory.ts',
      'store-not-to-upper-layers: src/store/bad-up.ts → src/export/write.ts',
      'store-only-through-index: src/export/bad-types.ts → src/store/types.ts',
      'store-only-through-index: src/graphql/bad-internals.ts → src/store/neo4j/neo.ts',
      'store-only-through-index: tools/bad-store.ts → src/store/memory/memory.ts',
      'web-only-web: src/web/bad-domain.ts → src/domain/model.ts',
    ]);
  });

  it('has a breach in the fixture for every rule it defines', async () => {
    const options = await extractDepcruiseOptions(path.join(ROOT, CONFIG));
    const rules = (options.ruleSet?.forbidden ?? []).map((r) => r.name).sort();
    const fired = new Set((await cruiseTree(fixture, ['src', 'tools', 'bin'])).summary.violations.map((v) => v.rule.name));
    expect(rules.filter((name) => !fired.has(name ?? ''))).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(16);
  });

  it('finds no violation in src/, tools/ and bin/', async () => {
    const result = await cruiseTree(ROOT, ['src', 'tools', 'bin']);
    const cruised = new Set(result.modules.map((m) => m.source));
    for (const entry of ['src/cli.ts', 'src/server.ts', 'src/web/main.ts', 'tools/bench/run.ts', 'bin/armsgraph.js']) {
      expect(cruised, `the cruise reached ${entry}`).toContain(entry);
    }
    expect(violationLines(result), 'dependency-cruiser violations (rule: from → to); run `npm run lint:deps`').toEqual([]);
  });
});
