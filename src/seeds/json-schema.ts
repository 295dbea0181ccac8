// Generates the JSON Schema of seed files from the zod schemas, for editors (schema/seed.schema.json).
import { z } from 'zod';
import { SeedFile } from '../domain/model.js';

/** The JSON Schema (draft 2020-12) that seed YAML files follow. */
export function seedJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SeedFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://armsgraph.dev/schema/seed.schema.json',
    title: 'armsgraph seed file',
    description:
      'A seed file holds any of the collections sources, actors, systems, transfers, events, restrictions and aidCommitments. ' +
      'Generated from src/domain/model.ts by `npm run schema:seeds`; do not edit by hand.',
  };
}
