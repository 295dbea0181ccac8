// `armsgraph claims`: the analysts' claims kept under the data directory (ARMSGRAPH_DATA), listed or exported as
// seed YAML for review in git.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { claimsAsYaml, dataDirFromEnv, LmdbClaimLog, replayWithRecords, StoreClaimLog, worldOf } from '../claims/index.js';
import { Neo4jStore } from '../store/index.js';
import { readSourceTexts } from '../seeds/index.js';
import { buildDataset, print, printJson, type GlobalOptions } from './options.js';

/**
 * Replays the stored claims (the data directory's, or with --store neo4j the database's) onto the seeds (and
 * --sipri, --kiel), as `serve` does at start.
 */
async function replayed(options: GlobalOptions) {
  const neo = options.store === 'neo4j' ? await Neo4jStore.connect() : undefined;
  const log = neo ? new StoreClaimLog(neo) : LmdbClaimLog.open(dataDirFromEnv());
  try {
    const base = await buildDataset(options);
    const { texts } = await readSourceTexts(base.sources, options.seeds);
    return { file: log instanceof LmdbClaimLog ? log.file : 'the Neo4j database', ...(await replayWithRecords(worldOf(base, texts), await log.all())) };
  } finally {
    await log.close();
    await neo?.close();
  }
}

/** Registers `claims list` and `claims export`. */
export function registerClaimsCommands(program: Command, globals: () => GlobalOptions): void {
  const claims = program.command('claims').description('the claims analysts wrote through the API (kept in ARMSGRAPH_DATA, default ./data)');
  claims
    .command('list')
    .description('list every claim, in the order it was recorded')
    .action(async () => {
      const options = globals();
      const { replayed: list, file } = await replayed(options);
      if (options.json) {
        printJson(list.map(({ claim, written, ended }) => ({ ...claim, written, ended })));
        return;
      }
      print(`${list.length} claim${list.length === 1 ? '' : 's'} in ${file}`);
      for (const { claim, written, ended } of list) {
        const what = [...written.map((id) => `+${id}`), ...ended.map((id) => `-${id}`)].join(' ');
        print(`  ${claim.id}  ${claim.recordedAt}  ${claim.by}  ${claim.op}  ${what}${claim.reason !== undefined ? `  (${claim.reason})` : ''}`);
      }
    });
  claims
    .command('export')
    .description('write the claims as seed YAML: DIR/claims.yaml (the facts that still stand) and DIR/claims-log.yaml (every claim)')
    .requiredOption('--yaml <dir>', 'the directory to write to (created if missing)')
    .action(async (o: { yaml: string }) => {
      const { replayed: list } = await replayed(globals());
      const { seed, log } = claimsAsYaml(list);
      await mkdir(o.yaml, { recursive: true });
      const seedFile = path.join(o.yaml, 'claims.yaml');
      const logFile = path.join(o.yaml, 'claims-log.yaml');
      await writeFile(seedFile, seed);
      await writeFile(logFile, log);
      process.stderr.write(`armsgraph: exported ${list.length} claim${list.length === 1 ? '' : 's'}: ${seedFile}, ${logFile}\n`);
    });
}
