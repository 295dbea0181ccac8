// The generated GraphQL types match schema/*.graphql and the dashboard's documents (npm run codegen:check), and
// every document the dashboard sends is valid against the schema the server reads.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTypeDefs } from '../../src/graphql/schema.js';
import * as queries from '../../src/web/api/queries.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('@graphql-codegen/cli/package.json')), 'esm/bin.js');
const GENERATED = ['src/graphql/generated/resolvers.ts', 'src/web/api/generated/graphql.ts'];
const DOCUMENTS = path.join(ROOT, 'src/web/api/documents');

interface Run {
  readonly code: number;
  readonly output: string;
}

/** Runs graphql-codegen with the arguments of an npm script (`graphql-codegen --config … --check`) from the repo root. */
function codegen(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** The arguments of `npm run codegen:check`, as package.json spells them. */
function checkScriptArgs(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts['codegen:check'] ?? '').split(/\s+/);
  expect(command).toBe('graphql-codegen');
  expect(args).toContain('--check');
  return args;
}

describe('npm run codegen:check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'armsgraph-codegen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A config that is codegen.ts with its outputs moved to copies of the generated files under `dir` (so nothing in
   * the repo can be written) and, optionally, another schema.
   */
  function configWithCopies(name: string, schema?: string): string {
    for (const file of GENERATED) {
      mkdirSync(path.dirname(path.join(dir, name, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(dir, name, file));
    }
    const config = path.join(dir, name, 'codegen.ts');
    writeFileSync(
      config,
      [
        `import config from ${JSON.stringify(path.join(ROOT, 'codegen.ts'))};`,
        `const outputs = Object.entries(config.generates).map(([file, output]) => [${JSON.stringify(path.join(dir, name))} + '/' + file, output]);`,
        `export default { ...config, ${schema ? `schema: ${JSON.stringify(schema)}, ` : ''}generates: Object.fromEntries(outputs) };`,
      ].join('\n'),
    );
    return config;
  }

  it('fails, naming both files, when the schema changed since they were generated', async () => {
    // A new transfer status changes the resolver types and the dashboard's result types alike.
    const schema = path.join(dir, 'changed.graphql');
    writeFileSync(schema, `${readTypeDefs().join('\n')}\nextend enum TransferStatus { STALE_CHECK_PROBE }\n`);
    const args = checkScriptArgs().map((a) => (a === 'codegen.ts' ? configWithCopies('changed', schema) : a));
    const run = await codegen(args);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain('stale files were detected');
    for (const file of GENERATED) expect(run.output).toContain(path.join(dir, 'changed', file));
    // Check mode writes nothing.
    for (const file of GENERATED) expect(readFileSync(path.join(dir, 'changed', file), 'utf8')).toBe(readFileSync(path.join(ROOT, file), 'utf8'));
  }, 60_000);

  it('passes on the same copies with the schema as it is (so the failure above is the schema change)', async () => {
    const args = checkScriptArgs().map((a) => (a === 'codegen.ts' ? configWithCopies('same') : a));
    const run = await codegen(args);
    expect(run.code, run.output).toBe(0);
  }, 60_000);

  it('passes: the generated files are up to date (run `npm run codegen` after changing schema/ or the documents)', async () => {
    const run = await codegen(checkScriptArgs());
    expect(run.code, run.output).toBe(0);
  }, 60_000);
});

describe('dashboard documents', () => {
  // The SDL as the server reads it at start-up (schema-first): every schema/*.graphql file in name order.
  const schema: GraphQLSchema = buildSchema(readTypeDefs().join('\n'));
  const documents = Object.entries(queries).map(([name, document]) => [name, document.toString()] as const);
  const problems = (text: string) => validate(schema, parse(text)).map((e) => e.message);

  it('finds a field the schema lacks, and a fragment a document does not carry', () => {
    expect(problems('query Bad { stats { actors warheads } }')).toEqual([expect.stringContaining('"warheads"')]);
    expect(problems('query Bad { stats { ...Counts } }')).toEqual([expect.stringContaining('"Counts"')]);
  });

  it('sends every operation of documents/*.graphql, each once', () => {
    const written = readdirSync(DOCUMENTS)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(path.join(DOCUMENTS, f), 'utf8')).definitions)
      .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    const sent = documents.map(([, text]) => parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.name?.value);
    expect([...sent].sort()).toEqual([...written].sort());
  });

  it.each(documents)('%s is valid against the schema, with the fragments it spreads', (_, text) => {
    expect(problems(text)).toEqual([]);
  });
});
