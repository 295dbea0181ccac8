// Writes schema/seed.schema.json from the zod model, so editors can validate and complete seed files.
import { writeFile } from 'node:fs/promises';
import { seedJsonSchema } from '../src/seeds/index.js';

const target = new URL('../schema/seed.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(seedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
