// The `armsgraph` command line: validate seeds and query paths, checks and the timeline.
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError as CommanderArgumentError, Option } from 'commander';
import { ArmsgraphError, InvalidArgumentError, ValidationError, formatIssue } from './domain/errors.js';
import { TRANSFER_STATUSES, type Dataset, type TransferStatus } from './domain/model.js';
import { diffTransfers, importSipri, mergeDatasets, type ImportSipriSummary } from './import/index.js';
import { exportBaseName, exportFiles, exportGraph, exportQuery, selectSubgraph } from './export/index.js';
import { parseDay, parseWindow } from './domain/time.js';
import { orderViolations, STATS_KEYS, type StatsKey } from './query/index.js';
import { loadSeedDir, validateSeedDir } from './seeds/index.js';
import { MemoryStore, Neo4jStore, type GraphStore, type PathOrder, type TimelineKind } from './store/index.js';
import { formatCheck, formatPaths, formatTimeline, type NameOf } from './cli/format.js';

/** The seed directory shipped with the package. */
export const DEFAULT_SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

interface GlobalOptions {
  readonly seeds: string;
  readonly sipri?: string;
  readonly json: boolean;
  readonly store: 'memory' | 'neo4j';
}

function print(lines: string | readonly string[]): void {
  process.stdout.write(`${typeof lines === 'string' ? lines : lines.join('\n')}\n`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a SIPRI export, printing progress to stderr; the seed's system ids stay reserved. */
async function readSipri(file: string, seed: Dataset, quiet: boolean): Promise<{ dataset: Dataset; summary: ImportSipriSummary }> {
  const result = await importSipri(file, {
    reservedSystemIds: seed.systems.map((x) => x.id),
    ...(!quiet && { onProgress: (rows: number) => process.stderr.write(`armsgraph: read ${rows} rows of ${path.basename(file)}\n`) }),
  });
  return result;
}

/** The seeds, merged with a SIPRI export when one is given (`--sipri`). */
async function buildDataset(options: GlobalOptions): Promise<Dataset> {
  const seed = await loadSeedDir(options.seeds);
  if (!options.sipri) return seed;
  const { dataset } = await readSipri(options.sipri, seed, true);
  return mergeDatasets(seed, dataset);
}

/** Opens the chosen store: memory is filled from the seeds (and --sipri); Neo4j answers from what it holds. */
async function openStore(options: GlobalOptions): Promise<GraphStore> {
  if (options.store === 'neo4j') return Neo4jStore.connect();
  const store = new MemoryStore();
  await store.load(await buildDataset(options));
  return store;
}

/** Runs a command body with a store, closing the store (and its driver) afterwards. */
async function withStore<T>(options: GlobalOptions, body: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

async function namer(store: GraphStore, ids: Iterable<string>): Promise<NameOf> {
  const nodes = await store.nodes([...new Set(ids)]);
  return (id) => {
    const e = nodes.get(id);
    return e && 'name' in e.value ? e.value.name : id;
  };
}

const parseOrder = (value: string): PathOrder => {
  const v = value.toUpperCase().replace(/-/g, '_');
  if (v === 'ANY' || v === 'TIME_RESPECTING' || v === 'STRICT') return v;
  throw new CommanderArgumentError('expected any, time-respecting or strict');
};
const parseInteger = (value: string): number => {
  if (!/^-?\d+$/.test(value)) throw new CommanderArgumentError('expected an integer');
  return Number(value);
};
const parseStatuses = (value: string): TransferStatus[] =>
  value.split(',').map((s) => {
    const v = s.trim().toUpperCase();
    if (!(TRANSFER_STATUSES as readonly string[]).includes(v)) throw new CommanderArgumentError(`expected statuses among ${TRANSFER_STATUSES.join(', ')}`);
    return v as TransferStatus;
  });
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Builds the command tree; exported so tests can drive it without a subprocess. */
export function buildProgram(): Command {
  const program = new Command('armsgraph')
    .description('Arms-transfer timeline knowledge graph: transfer paths, rules and the timeline.')
    .addOption(new Option('--seeds <dir>', 'seed directory').default(process.env.ARMSGRAPH_SEEDS ?? DEFAULT_SEED_DIR, 'the bundled seeds/'))
    .option('--json', 'print machine-readable JSON', false)
    .option('--sipri <file>', 'with the memory store: also load this SIPRI trade-register CSV export (env ARMSGRAPH_SIPRI)', process.env.ARMSGRAPH_SIPRI)
    .addOption(
      new Option('--store <store>', 'where the graph lives: memory (seeds loaded per run) or neo4j (NEO4J_URI)')
        .choices(['memory', 'neo4j'])
        .default(process.env.NEO4J_URI ? 'neo4j' : 'memory', 'neo4j when NEO4J_URI is set, else memory'),
    )
    .showHelpAfterError('(run armsgraph --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`armsgraph: ${text.replace(/^error: /, '')}`) });
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('validate [dir]')
    .description('validate seed files and report every error with file, line and field')
    .action(async (dir?: string) => {
      const target = dir ?? globals().seeds;
      const result = await validateSeedDir(target);
      if (globals().json) printJson({ valid: result.issues.length === 0, files: result.files, issues: result.issues });
      else if (result.issues.length > 0) print(result.issues.map(formatIssue));
      if (result.issues.length > 0) {
        if (!globals().json) process.stderr.write(`armsgraph: ${result.issues.length} error(s) in ${target}\n`);
        process.exitCode = 1;
        return;
      }
      if (!globals().json) {
        const d = result.dataset!;
        print(
          `${target}: ${result.files.length} files valid — ${d.actors.length} actors, ${d.systems.length} systems, ` +
            `${d.transfers.length} transfers, ${d.events.length} events, ${d.restrictions.length} restrictions, ` +
            `${d.aidCommitments.length} aid commitments, ${d.sources.length} sources`,
        );
      }
    });

  program
    .command('load')
    .description('validate the seeds and load them into the store, replacing its contents atomically')
    .action(async () => {
      const dataset = await loadSeedDir(globals().seeds);
      const started = performance.now();
      const store = globals().store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      try {
        const summary = await store.load(dataset);
        if (globals().json) return printJson({ store: store.kind, ...summary });
        print(
          `loaded ${globals().seeds} into ${store.kind} in ${Math.round(performance.now() - started)} ms: ` +
            `${summary.actors} actors, ${summary.systems} systems, ${summary.transfers} transfers, ${summary.events} events, ` +
            `${summary.restrictions} restrictions, ${summary.aidCommitments} aid commitments, ${summary.sources} sources, ${summary.citations} citations`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('serve')
    .description('load the seeds into the store and serve GraphQL, GraphiQL and the health probes')
    .option('--port <port>', 'TCP port (env PORT)', parseInteger, Number(process.env.PORT ?? 4000))
    .option('--host <host>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--no-load', 'with --store neo4j: serve what the database holds, without loading the seeds')
    .action(async (o: { port: number; host: string; load: boolean }) => {
      const options = globals();
      const store = options.store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      if (options.store === 'memory' || o.load) {
        const summary = await store.load(await buildDataset(options));
        process.stderr.write(`armsgraph: loaded ${summary.transfers} transfers, ${summary.events} events into ${store.kind} in ${summary.millis} ms\n`);
      }
      const { createServer } = await import('./server.js');
      const { app, shutdown } = await createServer({ store });
      const stop = (signal: string) => {
        app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        shutdown().then(
          () => process.exit(0),
          (error: unknown) => {
            app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      await app.listen({ port: o.port, host: o.host });
      const base = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${(app.server.address() as { port: number }).port}`;
      process.stderr.write(`armsgraph: serving the ${store.kind} store\n  GraphQL   ${base}/graphql\n  GraphiQL  ${base}/graphiql\n  health    ${base}/health/ready\n`);
    });

  program
    .command('import')
    .description('import an external dataset into the store, joined with the seeds')
    .command('sipri <file>')
    .description('import a SIPRI Arms Transfers Database CSV export (replaces the deals of an earlier release)')
    .action(async (file: string) => {
      const options = globals();
      const started = performance.now();
      const seed = await loadSeedDir(options.seeds);
      const { dataset, summary } = await readSipri(file, seed, options.json);
      const merged = mergeDatasets(seed, dataset);
      const store = options.store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      try {
        const before = (await store.allTransfers({})).filter((t) => t.sipri !== undefined);
        const diff = diffTransfers(before, dataset.transfers);
        const loaded = await store.load(merged);
        const report = {
          store: store.kind, file, ...summary, loaded, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          totalMillis: Math.round(performance.now() - started),
          changes: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
        };
        if (options.json) return printJson({ ...report, changedIds: diff });
        print([
          `imported ${path.basename(file)} (SIPRI release ${summary.release}) into ${store.kind} in ${report.totalMillis} ms (parse ${summary.millis} ms, load ${loaded.millis} ms, peak RSS ${report.peakRssMb} MB)`,
          `  rows read ${summary.rowsRead}, deals ${summary.deals}, delivery rows ${summary.deliveryRows}`,
          `  actors ${summary.actorsCreated} (${merged.actors.length - seed.actors.length} new to the graph), systems ${summary.systemsCreated} (${merged.systems.length - seed.systems.length} new); graph now ${loaded.actors} actors, ${loaded.systems} systems, ${loaded.transfers} transfers`,
          `  changes against the store: ${diff.added.length} deals added, ${diff.changed.length} changed, ${diff.removed.length} removed`,
          summary.unresolved.length === 0
            ? '  unresolved names: none'
            : `  unresolved names (${summary.unresolved.length}):\n${summary.unresolved.map((u) => `    ${u.name} (lines ${u.lines.slice(0, 10).join(', ')}${u.lines.length > 10 ? ', …' : ''})`).join('\n')}`,
        ]);
        if (store.kind === 'memory') print('  (the memory store lives for this command only: use --sipri with serve, paths or stats, or --store neo4j)');
      } finally {
        await store.close();
      }
    });

  program
    .command('paths <from> <to>')
    .description('transfer paths from one actor to another (ids or aliases: JP, Japan)')
    .option('--system <system>', 'system or family (id or alias), e.g. Patriot')
    .option('--order <order>', 'any | time-respecting | strict', parseOrder, 'ANY' as PathOrder)
    .option('--max-hops <n>', 'longest path, 1–6', parseInteger, 4)
    .option('--limit <n>', 'most paths to show, 1–100', parseInteger, 20)
    .option('--statuses <list>', 'comma-separated statuses (default: all but CANCELLED, DENIED)', parseStatuses)
    .option('--between <edtf>', 'only transfers that may fall in this window, e.g. 2022/2024')
    .option('--known-at <day>', 'only transfers reported by this day')
    .option('--via-backfill', 'let a backfill link connect two hops whatever their order', false)
    .action((fromRef: string, toRef: string, o: Record<string, any>) => withStore(globals(), async (store) => {
      const from = await store.resolveActor(fromRef);
      const to = await store.resolveActor(toRef);
      const system = o.system === undefined ? undefined : await store.resolveSystem(o.system);
      const options = {
        ...(system !== undefined && { system }),
        order: o.order as PathOrder,
        maxHops: o.maxHops as number,
        limit: o.limit as number,
        viaBackfill: Boolean(o.viaBackfill),
        ...(o.statuses && { statuses: o.statuses as TransferStatus[] }),
        ...(o.between && { between: parseWindow(o.between, '--between') }),
        ...(o.knownAt && { knownAt: parseDay(o.knownAt, '--known-at') }),
      };
      const result = await store.transferPaths(from, to, options);
      if (globals().json) return printJson(result);
      const ids = [from, to, ...(system ? [system] : []), ...result.paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to, h.transfer.system]))];
      const name = await namer(store, ids);
      const what = system ? ` for ${name(system)}` : '';
      print(`Paths from ${name(from)} (${from}) to ${name(to)} (${to})${what}, order ${options.order}, at most ${options.maxHops} hops: ${result.paths.length}${result.truncated ? '+ (truncated)' : ''} found`);
      print('');
      if (result.paths.length > 0) return print(formatPaths(result.paths, name));
      if (options.order === 'ANY') return print('No transfers connect them under these filters.');
      const loose = await store.transferPaths(from, to, { ...options, order: 'ANY', viaBackfill: false });
      if (loose.paths.length === 0) return print('No transfers connect them under these filters, whatever the order.');
      const looseName = await namer(store, loose.paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to, h.transfer.system])));
      print(`No path is ordered ${options.order}. Ignoring the order rule, ${loose.paths.length} path(s) exist; why each breaks it:`);
      for (const p of loose.paths) {
        print(`  ${[p.hops[0]!.from, ...p.hops.map((h) => h.to)].map(looseName).join(' → ')}:`);
        for (const why of orderViolations(p.hops.map((h) => h.transfer), options.order)) print(`    - ${why}`);
        for (let i = 1; i < p.hops.length; i += 1) {
          if (p.hops[i - 1]!.transfer.backfills.includes(p.hops[i]!.transfer.id) && !options.viaBackfill) {
            print(`    - hop ${i} backfills hop ${i + 1}: with --via-backfill the backfill link connects them`);
          }
        }
      }
    }));

  program
    .command('check <supplier> <recipient>')
    .description('evaluate the restrictions in force on a transfer: ALLOWED, PROHIBITED or REQUIRES_CONSENT')
    .option('--system <system>', 'system (id or alias)')
    .option('--on <day>', 'date to evaluate, YYYY-MM-DD (default: today)')
    .option('--origin <actor>', 'where the items came from (for re-export rules)')
    .action((supplierRef: string, recipientRef: string, o: Record<string, string | undefined>) => withStore(globals(), async (store) => {
      const supplier = await store.resolveActor(supplierRef);
      const recipient = await store.resolveActor(recipientRef);
      const system = o.system === undefined ? undefined : await store.resolveSystem(o.system);
      const origin = o.origin === undefined ? undefined : await store.resolveActor(o.origin);
      const check = await store.transferCheck({
        supplier, recipient,
        ...(system !== undefined && { system }),
        ...(o.on !== undefined && { on: parseDay(o.on, '--on') }),
        ...(origin !== undefined && { origin }),
      });
      if (globals().json) return printJson(check);
      const name = await namer(store, [supplier, recipient, ...(system ? [system] : []), ...(origin ? [origin] : []), ...check.reasons.flatMap((r) => (r.consentOf ? [r.consentOf] : []))]);
      const header = `${name(supplier)} → ${name(recipient)}${system ? ` (${name(system)})` : ''}${origin ? `, items from ${name(origin)}` : ''}`;
      print(formatCheck(check, header, name));
    }));

  program
    .command('timeline')
    .description('events, transfers, status changes, restrictions and aid in time order')
    .option('--actor <actor>', 'involving this actor (repeatable)', collect)
    .option('--system <system>', 'involving this system or its family (repeatable)', collect)
    .option('--kind <kind>', 'entry kind, e.g. TRANSFER, POLICY_CHANGE (repeatable)', collect)
    .option('--between <edtf>', 'entries that may fall in this window, e.g. 2023/2024')
    .option('--known-at <day>', 'hide what was first reported after this day')
    .option('--first <n>', 'entries per page, 0–100', parseInteger, 100)
    .option('--after <cursor>', 'continue after this cursor')
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const actors = o.actor ? await Promise.all((o.actor as string[]).map((a) => store.resolveActor(a))) : undefined;
      const systems = o.system ? await Promise.all((o.system as string[]).map((s) => store.resolveSystem(s))) : undefined;
      const page = await store.timeline(
        {
          ...(actors && { actors }),
          ...(systems && { systems }),
          ...(o.kind && { kinds: (o.kind as string[]).map((k) => k.toUpperCase() as TimelineKind) }),
          ...(o.between && { between: parseWindow(o.between, '--between') }),
          ...(o.knownAt && { knownAt: parseDay(o.knownAt, '--known-at') }),
        },
        { first: o.first as number, ...(o.after && { after: o.after as string }) },
      );
      if (globals().json) return printJson(page);
      print(formatTimeline(page.items));
      print(`-- ${page.items.length} of ${page.totalCount} entries${page.hasNextPage ? `; more with --after ${page.cursors[page.cursors.length - 1]}` : ''}`);
    }));

  program
    .command('stats')
    .description('SIPRI-style totals: deals, units and TIV delivered, grouped (e.g. --recipient UA --between 2022/2024 --group-by supplier)')
    .option('--supplier <actor>', 'supplier (id or alias)')
    .option('--recipient <actor>', 'recipient (id or alias)')
    .option('--system <system>', 'system or family (id or alias)')
    .option('--between <edtf>', 'only deliveries in these years, e.g. 2022/2024')
    .option('--group-by <keys>', 'comma-separated: supplier, recipient, system, category, year', 'supplier')
    .option('--first <n>', 'rows to print', parseInteger, 50)
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const groupBy = String(o.groupBy).split(',').map((k) => k.trim().toUpperCase()) as StatsKey[];
      const bad = groupBy.find((k) => !STATS_KEYS.includes(k));
      if (bad) throw new InvalidArgumentError(`--group-by: unknown key "${bad.toLowerCase()}" (expected ${STATS_KEYS.join(', ').toLowerCase()})`);
      const filter = {
        ...(o.supplier && { supplier: await store.resolveActor(o.supplier) }),
        ...(o.recipient && { recipient: await store.resolveActor(o.recipient) }),
        ...(o.system && { system: await store.resolveSystem(o.system) }),
        ...(o.between && { between: parseWindow(o.between, '--between') }),
      };
      const rows = await store.transferStats(filter, groupBy);
      if (globals().json) return printJson(rows);
      const name = await namer(store, rows.flatMap((r) => r.key.filter((_, i) => ['SUPPLIER', 'RECIPIENT', 'SYSTEM'].includes(groupBy[i]!))));
      const table = rows.slice(0, o.first as number).map((r) => {
        const label = r.key.map((k, i) => (['SUPPLIER', 'RECIPIENT', 'SYSTEM'].includes(groupBy[i]!) ? `${name(k)} (${k})` : k)).join(' / ');
        const tiv = r.tivDelivered === null ? '—' : r.tivDelivered.toFixed(1);
        return `${label.padEnd(48)} ${String(r.transfers).padStart(6)} ${String(r.units ?? '—').padStart(8)} ${tiv.padStart(10)}`;
      });
      print([`${groupBy.map((k) => k.toLowerCase()).join(' / ').padEnd(48)} ${'deals'.padStart(6)} ${'units'.padStart(8)} ${'TIV (M)'.padStart(10)}`, ...table]);
      const total = rows.reduce((n, r) => n + (r.tivDelivered ?? 0), 0);
      print(`-- ${rows.length} group(s)${rows.length > (o.first as number) ? `, first ${o.first} shown` : ''}; TIV delivered in all: ${total.toFixed(1)} M`);
    }));

  program
    .command('export')
    .description('write the graph, or the neighbourhood of some actors, as GraphML, GEXF, JSON, CSV (neo4j-admin) or Cypher')
    .requiredOption('--format <format>', 'graphml | gexf | json | csv | cypher')
    .option('--around <actors>', 'comma-separated actors (ids or aliases); default: the whole graph')
    .option('--depth <n>', 'transfers away from --around, 0–4', parseInteger, 1)
    .option('--system <system>', 'only transfers of this system or family')
    .option('--between <edtf>', 'only transfers that may fall in this window, e.g. 2022/2024')
    .option('--statuses <list>', 'comma-separated statuses', parseStatuses)
    .option('-o, --output <path>', 'file to write (a directory for csv: nodes and relationships files); default stdout')
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const started = performance.now();
      const query: Record<string, string | undefined> = {
        format: o.format, around: o.around, depth: String(o.depth), system: o.system, between: o.between,
        statuses: o.statuses?.join(','),
      };
      const { selection, format } = await exportQuery(store, query);
      const { subgraph, sources } = await selectSubgraph(store, selection);
      const files = exportFiles(format, exportGraph(subgraph, sources), exportBaseName(selection));
      if (o.output === undefined) {
        if (files.length > 1) throw new InvalidArgumentError('--format csv writes two files (nodes and relationships): give -o DIRECTORY');
        for (const chunk of files[0]!.chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
        return;
      }
      const targets = files.length > 1 ? files.map((f) => ({ f, to: path.join(o.output, f.name) })) : [{ f: files[0]!, to: o.output as string }];
      if (files.length > 1) await mkdir(o.output, { recursive: true });
      for (const { f, to } of targets) await pipeline(Readable.from(f.chunks), createWriteStream(to));
      const sizes = await Promise.all(targets.map(async ({ to }) => `${to} (${(await stat(to)).size} bytes)`));
      process.stderr.write(
        `armsgraph: exported ${subgraph.actors.length} actors and ${subgraph.edges.length} transfers as ${format} in ${Math.round(performance.now() - started)} ms: ${sizes.join(', ')}\n`,
      );
    }));

  program
    .command('search <text>')
    .description('find actors, systems and events by name or alias')
    .option('--first <n>', 'most hits, 1–100', parseInteger, 20)
    .action((text: string, o: { first: number }) => withStore(globals(), async (store) => {
      const hits = await store.search(text, o.first);
      if (globals().json) return printJson(hits);
      print(hits.length === 0 ? 'no match' : hits.map((h) => `${h.match.padEnd(8)} ${h.type.padEnd(12)} ${h.id.padEnd(45)} ${h.name}${h.matched !== h.name ? `  (as "${h.matched}")` : ''}`));
    }));

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
