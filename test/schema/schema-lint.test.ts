// The SDL is the analysts' manual in GraphiQL: graphql-schema-linter (rules in .graphql-schema-linterrc) passes on it,
// and fails as soon as a description goes missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SDL = path.join(ROOT, 'schema/schema.graphql');
const LINTER = path.join(ROOT, 'node_modules/.bin/graphql-schema-linter');

interface LintError {
  readonly message: string;
  readonly rule: string;
}

/**
 * Lints one SDL file as `npm run lint:schema` does. The linter looks for its configuration from the working
 * directory, so it runs from the repository root whatever file it reads.
 */
function lint(file: string): { status: number | null; errors: LintError[]; output: string } {
  const run = spawnSync(LINTER, ['--format', 'json', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const output = `${run.stdout}${run.stderr}`;
  let errors: LintError[];
  try {
    errors = (JSON.parse(run.stdout) as { errors: LintError[] }).errors.map(({ message, rule }) => ({ message, rule }));
  } catch {
    throw new Error(`graphql-schema-linter did not answer in JSON (exit ${run.status}): ${output || run.error?.message}`);
  }
  return { status: run.status, errors, output };
}

/** The SDL with the description of the first described field of `Query` removed, and that field's name. */
function withoutOneDescription(sdl: string): { sdl: string; field: string } {
  let field: string | undefined;
  const stripped = visit(parse(sdl), {
    FieldDefinition(node, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      const inQuery = owner !== undefined && 'kind' in owner && owner.kind === Kind.OBJECT_TYPE_DEFINITION && owner.name.value === 'Query';
      if (field !== undefined || !inQuery || node.description === undefined) return undefined;
      field = node.name.value;
      return { ...node, description: undefined };
    },
  });
  if (field === undefined) throw new Error('no described field of Query to strip');
  return { sdl: print(stripped), field };
}

describe('schema/schema.graphql under graphql-schema-linter', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'armsgraph-schema-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a copy with one field description removed, naming the field', () => {
    const { sdl, field } = withoutOneDescription(readFileSync(SDL, 'utf8'));
    const copy = path.join(dir, 'schema.graphql');
    writeFileSync(copy, sdl);
    const result = lint(copy);
    expect(result.status, result.output).toBe(1);
    expect(result.errors).toEqual([{ rule: 'fields-have-descriptions', message: `The field \`Query.${field}\` is missing a description.` }]);
  });

  it('passes: every type, field, argument, input field and enum value is described', () => {
    const result = lint(SDL);
    expect(result.errors, result.output).toEqual([]);
    expect(result.status, result.output).toBe(0);
  });
});
