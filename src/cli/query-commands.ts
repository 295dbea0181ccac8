// CLI commands that ask the graph questions: paths, check, timeline, stats, search.
import type { Command } from 'commander';
import { InvalidArgumentError } from '../domain/errors.js';
import type { TransferStatus } from '../domain/model.js';
import { parseDay, parseWindow } from '../domain/time.js';
import {
  checkPathOptions, orderViolations, pathEnds, pathsBetween, search, timeline, transferCheck, transferStats, STATS_KEYS,
  type PathOrder, type StatsKey, type TimelineKind,
} from '../query/index.js';
import { formatCheck, formatPaths, formatTimeline } from './format.js';
import { collect, namer, parseInteger, parseList, parseOrder, parseStatuses, print, printJson, withStore, type GlobalOptions } from './options.js';

/** Registers the query commands on the program. */
export function registerQueryCommands(program: Command, globals: () => GlobalOptions): void {
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
    .option('--sources <list>', 'only transfers from these sources, comma-separated: seed, sipri (default all)', parseList)
    .action((fromRef: string, toRef: string, o: Record<string, any>) => withStore(globals(), async (store) => {
      const between = o.between ? parseWindow(o.between, '--between') : undefined;
      const checked = checkPathOptions({
        order: o.order as PathOrder,
        maxHops: o.maxHops as number,
        limit: o.limit as number,
        viaBackfill: Boolean(o.viaBackfill),
        ...(o.statuses && { statuses: o.statuses as TransferStatus[] }),
        ...(between && { between }),
        ...(o.knownAt && { knownAt: parseDay(o.knownAt, '--known-at') }),
        ...(o.sources && { sources: o.sources as string[] }),
      });
      const { from, to, system } = await pathEnds(store, fromRef, toRef, o.system);
      const options = { ...checked, ...(system !== undefined && { system }) };
      const result = await pathsBetween(store, from, to, options);
      if (globals().json) return printJson(result);
      const ids = [from, to, ...(system ? [system] : []), ...result.paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to, h.transfer.system]))];
      const name = await namer(store, ids);
      const what = system ? ` for ${name(system)}` : '';
      print(`Paths from ${name(from)} (${from}) to ${name(to)} (${to})${what}, order ${options.order}, at most ${options.maxHops} hops: ${result.paths.length}${result.truncated ? '+ (truncated)' : ''} found`);
      print('');
      if (result.paths.length > 0) return print(formatPaths(result.paths, name));
      if (options.order === 'ANY') return print('No transfers connect them under these filters.');
      const loose = await pathsBetween(store, from, to, { ...options, order: 'ANY', viaBackfill: false });
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
      const on = o.on === undefined ? undefined : parseDay(o.on, '--on');
      const check = await transferCheck(store, { supplier: supplierRef, recipient: recipientRef, system: o.system, on, origin: o.origin });
      const [supplier, recipient, system, origin] = await Promise.all([
        store.resolveActor(supplierRef), store.resolveActor(recipientRef),
        o.system === undefined ? undefined : store.resolveSystem(o.system), o.origin === undefined ? undefined : store.resolveActor(o.origin),
      ]);
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
    .option('--sources <list>', 'comma-separated: seed, sipri, kiel (default all)', parseList)
    .option('--first <n>', 'entries per page, 0–100', parseInteger, 100)
    .option('--after <cursor>', 'continue after this cursor')
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const between = o.between ? parseWindow(o.between, '--between') : undefined;
      const page = await timeline(
        store,
        {
          ...(o.actor && { actors: o.actor as string[] }),
          ...(o.system && { systems: o.system as string[] }),
          ...(o.kind && { kinds: (o.kind as string[]).map((k) => k.toUpperCase() as TimelineKind) }),
          ...(between && { between }),
          ...(o.knownAt && { knownAt: parseDay(o.knownAt, '--known-at') }),
          ...(o.sources && { sources: o.sources as string[] }),
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
    .option('--group-by <keys>', 'comma-separated: supplier, recipient, system, family, category, year', 'supplier')
    .option('--sources <list>', 'comma-separated: seed, sipri (default all)', parseList)
    .option('--first <n>', 'rows to print', parseInteger, 50)
    .action((o: Record<string, any>) => withStore(globals(), async (store) => {
      const groupBy = String(o.groupBy).split(',').map((k) => k.trim().toUpperCase()) as StatsKey[];
      const bad = groupBy.find((k) => !STATS_KEYS.includes(k));
      if (bad) throw new InvalidArgumentError(`--group-by: unknown key "${bad.toLowerCase()}" (expected ${STATS_KEYS.join(', ').toLowerCase()})`);
      const between = o.between ? parseWindow(o.between, '--between') : undefined;
      const rows = await transferStats(
        store,
        { supplier: o.supplier, recipient: o.recipient, system: o.system, ...(between && { between }), ...(o.sources && { sources: o.sources as string[] }) },
        groupBy,
      );
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
    .command('search <text>')
    .description('find actors, systems and events by name or alias')
    .option('--first <n>', 'most hits, 1–100', parseInteger, 20)
    .action((text: string, o: { first: number }) => withStore(globals(), async (store) => {
      const hits = await search(store, text, o.first);
      if (globals().json) return printJson(hits);
      print(hits.length === 0 ? 'no match' : hits.map((h) => `${h.match.padEnd(8)} ${h.type.padEnd(12)} ${h.id.padEnd(45)} ${h.name}${h.matched !== h.name ? `  (as "${h.matched}")` : ''}`));
    }));

}
