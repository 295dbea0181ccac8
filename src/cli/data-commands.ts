// CLI commands that move data: validate, load, import, export, serve.
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { MemoryAuditLog, loadAuthConfig } from '../auth/index.js';
import { ClaimService, LmdbClaimLog, StoreClaimLog, dataDirFromEnv } from '../claims/index.js';
import { InvalidArgumentError, formatIssue } from '../domain/errors.js';
import { diffAidCommitments, diffTransfers, importKiel, mergeDatasets } from '../import/index.js';
import { exportBaseName, exportFiles, exportGraph, exportInput, parseExportQuery } from '../export/index.js';
import { ask } from '../query/index.js';
import { loadSeedDir, readSourceTexts, validateSeedDir } from '../seeds/index.js';
import { MemoryStore, Neo4jStore } from '../store/index.js';
import { collectGarbageBeforeServing, isServeWorker, superviseWorkers } from '../workers.js';
import { buildDataset, heldImport, parseInteger, parseStatuses, print, printJson, readSipri, withStore, type GlobalOptions } from './options.js';

/** Registers the data commands on the program. */
export function registerDataCommands(program: Command, globals: () => GlobalOptions): void {
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

  const importCommand = program
    .command('import')
    .description('import an external dataset into the store, joined with the seeds');
  importCommand
    .command('sipri <file>')
    .description('import a SIPRI Arms Transfers Database CSV export (replaces the deals of an earlier release)')
    .action(async (file: string) => {
      const options = globals();
      const started = performance.now();
      const seed = await loadSeedDir(options.seeds);
      const { dataset, summary } = await readSipri(file, seed, options.json);
      const store = options.store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      try {
        // A Kiel release the store holds (or --kiel names) stays in it with the new SIPRI release.
        const base = await buildDataset({ ...options, sipri: undefined });
        const merged = mergeDatasets(options.kiel ? base : mergeDatasets(base, await heldImport(store, 'KIEL')), dataset);
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

  importCommand
    .command('kiel <dir>')
    .description('import a Kiel Ukraine Support Tracker release directory (replaces the commitments of an earlier release)')
    .action(async (dir: string) => {
      const options = globals();
      const started = performance.now();
      const { dataset, summary } = await importKiel(dir);
      const store = options.store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      try {
        // The seeds and the SIPRI release the store holds (or --sipri names) stay in it with the new Kiel release.
        const base = await buildDataset({ ...options, kiel: undefined });
        const merged = mergeDatasets(options.sipri ? base : mergeDatasets(base, await heldImport(store, 'SIPRI')), dataset);
        const before = (await store.aidCommitments()).filter((a) => a.kiel !== undefined);
        const diff = diffAidCommitments(before, dataset.aidCommitments);
        const loaded = await store.load(merged);
        const report = {
          store: store.kind, dir, ...summary, loaded, totalMillis: Math.round(performance.now() - started),
          changes: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
        };
        if (options.json) return printJson({ ...report, changedIds: diff });
        print([
          `imported ${summary.label} (published ${summary.published}) from ${dir} into ${store.kind} in ${report.totalMillis} ms (parse ${summary.millis} ms, load ${loaded.millis} ms)`,
          `  weapons rows ${summary.weaponRows}, items ${summary.items}; donor-months ${summary.months} (${summary.zeroMonths} without aid left out); commitments ${summary.commitments} from ${summary.donors} donors`,
          `  graph now ${loaded.actors} actors, ${loaded.systems} systems, ${loaded.transfers} transfers, ${loaded.aidCommitments} aid commitments`,
          `  changes against the store: ${diff.added.length} commitments added, ${diff.changed.length} changed, ${diff.removed.length} removed`,
          summary.unmappedItems.length === 0
            ? '  items mapped to no system family: none'
            : `  items mapped to no system family (${summary.unmappedItems.length}; committed without a system):\n${summary.unmappedItems.map((u) => `    ${path.join(dir, 'weapons.csv')}:${u.lines.join(',')}: ${u.name}`).join('\n')}`,
        ]);
        if (store.kind === 'memory') print('  (the memory store lives for this command only: use --kiel with serve, reconcile or timeline, or --store neo4j)');
      } finally {
        await store.close();
      }
    });

  program
    .command('export')
    .description('write the graph, or the neighbourhood of some actors, as GraphML, GEXF, JSON, CSV (neo4j-admin) or Cypher')
    .requiredOption('--format <format>', 'graphml | gexf | json | csv | cypher')
    .option('--around <actors>', 'comma-separated actors (ids or aliases); default: the whole graph')
    .option('--depth <n>', 'transfers away from --around, 0–4', parseInteger, 1)
    .option('--system <system>', 'only transfers of this system or family')
    .option('--between <edtf>', 'only transfers that may fall in this window, e.g. 2022/2024')
    .option('--statuses <list>', 'comma-separated statuses', parseStatuses)
    .option('--kinds <list>', 'comma-separated transfer kinds, e.g. SALE,DONATION')
    .option('--supplier <actor>', 'only transfers from this actor (id or alias)')
    .option('--recipient <actor>', 'only transfers to this actor (id or alias)')
    .option('--known-at <day>', 'only transfers reported by this day')
    .option('--sources <list>', 'only transfers from these sources, e.g. sipri')
    .option('-o, --output <path>', 'file to write (a directory for csv: nodes and relationships files); default stdout')
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const started = performance.now();
      // The same parameters as GET /export, read by the same parser (flags left out are not parameters).
      const given: Record<string, string | undefined> = {
        format: o.format, around: o.around, depth: String(o.depth), system: o.system, between: o.between,
        statuses: o.statuses?.join(','), kinds: o.kinds, supplier: o.supplier, recipient: o.recipient, knownAt: o.knownAt,
        sources: o.sources,
      };
      const query = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      const { selection: asked, format } = parseExportQuery(query);
      const { selection, subgraph, sources } = await ask(store).exportSelection(exportInput(asked));
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
    .command('serve')
    .description('load the seeds into the store and serve GraphQL, GraphiQL and the health probes')
    .option('--port <port>', 'TCP port (env PORT)', parseInteger, Number(process.env.PORT ?? 4000))
    .option('--host <host>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--no-load', 'with --store neo4j: serve what the database holds, without loading the seeds')
    .option(
      '--workers <n>',
      'with --store neo4j --no-load: serve from n processes on one port, each with its own projection (env ARMSGRAPH_WORKERS; docs/deploy.md)',
      parseInteger,
      Number(process.env.ARMSGRAPH_WORKERS ?? 1),
    )
    .action(async (o: { port: number; host: string; load: boolean; workers: number }) => {
      const options = globals();
      if (!Number.isInteger(o.workers) || o.workers < 1) throw new InvalidArgumentError(`--workers must be a whole number of at least 1, got ${o.workers}`);
      if (o.workers > 1 && (options.store !== 'neo4j' || o.load)) {
        throw new InvalidArgumentError(
          '--workers needs --store neo4j and --no-load: each worker keeps its own copy of the graph, which only Neo4j ' +
            'keeps in step, and a loading server takes writes in one process (load once, then serve --no-load --workers N)',
        );
      }
      if (o.workers > 1 && !isServeWorker()) {
        // The primary: the workers are this same command; it only watches them.
        const { port, pids } = await superviseWorkers(o.workers, (line) => process.stderr.write(`${line}\n`));
        const base = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
        process.stderr.write(
          `armsgraph: serving the neo4j store from ${o.workers} workers (pids ${pids.join(', ')})\n  GraphQL   ${base}/graphql\n  GraphiQL  ${base}/graphiql\n  health    ${base}/health/ready\n`,
        );
        return;
      }
      // Tokens, anonymous reading and the rate limit first: a bad token file or variable stops the start at once.
      const auth = await loadAuthConfig();
      const store = options.store === 'neo4j' ? await Neo4jStore.connect() : new MemoryStore();
      // The seeds and imports, then every claim analysts wrote (ARMSGRAPH_DATA), replayed in order: one load.
      const audit = new MemoryAuditLog();
      let claims: ClaimService | undefined;
      if (options.store === 'memory' || o.load) {
        const started = performance.now();
        const base = await buildDataset(options);
        const { texts } = await readSourceTexts(base.sources, options.seeds);
        // The embedded store keeps claims in LMDB; Neo4j in its own database, shared by every instance on it.
        const log = store instanceof Neo4jStore ? new StoreClaimLog(store) : LmdbClaimLog.open(dataDirFromEnv());
        claims = await ClaimService.open({ base, texts, log, store, audit });
        const stats = await store.stats();
        const where = log instanceof LmdbClaimLog ? log.file : 'the Neo4j database';
        process.stderr.write(
          `armsgraph: loaded ${stats.transfers} transfers, ${stats.events} events and ${claims.list().length} claim${claims.list().length === 1 ? '' : 's'} (${where}) into ${store.kind} in ${Math.round(performance.now() - started)} ms\n`,
        );
      }
      if (store instanceof Neo4jStore) {
        const started = performance.now();
        await store.warm();
        if (!isServeWorker()) process.stderr.write(`armsgraph: read the graph's projection in ${Math.round(performance.now() - started)} ms\n`);
      }
      collectGarbageBeforeServing();
      const { createServer } = await import('../server.js');
      const { app, shutdown: stopServer } = await createServer({ store, auth, audit, ...(claims && { claims }), reload: () => buildDataset(options) });
      const shutdown = async () => {
        await stopServer();
        await claims?.close();
      };
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
      // A worker's address is the primary's to print, once for all of them.
      if (!isServeWorker()) process.stderr.write(`armsgraph: serving the ${store.kind} store\n  GraphQL   ${base}/graphql\n  GraphiQL  ${base}/graphiql\n  health    ${base}/health/ready\n`);
    });

}
