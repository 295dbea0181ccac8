// Writes a generated dataset as JSON: `tsx tools/generate/cli.ts --transfers 250000 --seed 42 [-o file.json]`.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateDataset } from './generate.js';

const { values } = parseArgs({
  options: { transfers: { type: 'string', default: '25000' }, seed: { type: 'string', default: '1' }, out: { type: 'string', short: 'o' } },
});
const transfers = Number(values.transfers);
const seed = Number(values.seed);
if (!Number.isInteger(transfers) || transfers < 1 || !Number.isInteger(seed)) {
  console.error('usage: tools/generate/cli.ts --transfers N --seed S [-o file.json]');
  process.exit(2);
}
const started = performance.now();
const dataset = generateDataset({ transfers, seed });
const json = JSON.stringify(dataset);
if (values.out) await writeFile(values.out, json);
else process.stdout.write(json);
console.error(`generated ${dataset.transfers.length} transfers, ${dataset.actors.length} actors, ${dataset.systems.length} systems in ${Math.round(performance.now() - started)} ms`);
