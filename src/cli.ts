// The `armsgraph` command line: validate and load data, ask for paths, routes, backfills, checks, the timeline and totals, export, serve, make tokens.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { ArmsgraphError, ValidationError } from './domain/errors.js';
import { registerDataCommands } from './cli/data-commands.js';
import { DEFAULT_SEED_DIR, type GlobalOptions } from './cli/options.js';
import { registerQueryCommands } from './cli/query-commands.js';
import { registerRouteCommands } from './cli/route-commands.js';
import { registerTrendCommands } from './cli/trend-commands.js';
import { registerReconcileCommand } from './cli/reconcile-command.js';
import { registerClaimsCommands } from './cli/claims-command.js';
import { registerTokenCommand } from './cli/token-command.js';
import { isServeWorker } from './workers.js';

export { DEFAULT_SEED_DIR } from './cli/options.js';

/** Builds the command tree; exported so tests can drive it without a subprocess. */
export function buildProgram(): Command {
  const program = new Command('armsgraph')
    .description('Arms-transfer timeline knowledge graph: transfer paths, rules and the timeline.')
    .addOption(new Option('--seeds <dir>', 'seed directory').default(process.env.ARMSGRAPH_SEEDS ?? DEFAULT_SEED_DIR, 'the bundled seeds/'))
    .option('--json', 'print machine-readable JSON', false)
    .option('--sipri <file>', 'with the memory store: also load this SIPRI trade-register CSV export (env ARMSGRAPH_SIPRI)', process.env.ARMSGRAPH_SIPRI)
    .option('--kiel <dir>', 'with the memory store: also load this Kiel Ukraine Support Tracker release directory (env ARMSGRAPH_KIEL)', process.env.ARMSGRAPH_KIEL)
    .addOption(
      new Option('--store <store>', 'where the graph lives: memory (seeds loaded per run) or neo4j (NEO4J_URI)')
        .choices(['memory', 'neo4j'])
        .default(process.env.NEO4J_URI ? 'neo4j' : 'memory', 'neo4j when NEO4J_URI is set, else memory'),
    )
    .showHelpAfterError('(run armsgraph --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`armsgraph: ${text.replace(/^error: /, '')}`) });
  const globals = () => program.opts<GlobalOptions>();
  registerDataCommands(program, globals);
  registerQueryCommands(program, globals);
  registerRouteCommands(program, globals);
  registerTrendCommands(program, globals);
  registerReconcileCommand(program, globals);
  registerClaimsCommands(program, globals);
  registerTokenCommand(program, globals);
  return program;
}

/** Runs the CLI; maps armsgraph errors to a one-line message and a non-zero exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof ValidationError) {
      process.stderr.write(`armsgraph: ${error.message}\n`);
      process.exitCode = 1;
    } else if (error instanceof ArmsgraphError) {
      process.stderr.write(`armsgraph: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      throw error;
    }
    // A serve worker's channel to its primary would keep it running: it stops, and the primary stops the rest.
    if (isServeWorker()) process.exit(process.exitCode);
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
