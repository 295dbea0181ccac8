// CLI commands for issue [12]: trends (shares and changes between periods), dependence and lags.
import type { Command } from 'commander';
import { InvalidArgumentError } from '../domain/errors.js';
import { parseDay, parseWindow } from '../domain/time.js';
import {
  deliveryLags, dependence, fiveYearPeriods, periodsFromText, transferStats, transferTrends, TREND_BY,
  type DateWindowInput, type TransferFilterInput, type TrendBy,
} from '../query/index.js';
import type { GraphStore } from '../store/index.js';
import { formatDependence, formatLags, formatTrends, trendCsv, trendRows } from './format-trends.js';
import { parseInteger, print, printJson, withFlagTerms, withStore, type GlobalOptions } from './options.js';

/** Filter flags the trend commands share. */
interface FilterFlags {
  readonly supplier?: string;
  readonly recipient?: string;
  readonly system?: string;
  readonly knownAt?: string;
}

/** `supplier`, `system-family`, … → the API's value. */
export function parseTrendBy(value: string): TrendBy {
  const by = value.trim().toUpperCase().replace(/-/g, '_');
  const aliased = by === 'FAMILY' ? 'SYSTEM_FAMILY' : by;
  if (!TREND_BY.includes(aliased as TrendBy)) {
    throw new InvalidArgumentError(`--by: unknown grouping "${value}" (expected ${TREND_BY.map((b) => b.toLowerCase().replace('_', '-')).join(', ')})`, { argument: '--by' });
  }
  return aliased as TrendBy;
}

/** The question modules' argument names as the flags a CLI user typed. */
const FLAGS: readonly (readonly [RegExp, string])[] = [
  [/^periods(\[\d+\])?(\.from|\.to)?/, '--periods'],
  [/^filter\.supplier\b/, '--supplier'],
  [/^filter\.recipient\b/, '--recipient'],
  [/^filter\.system\b/, '--system'],
  [/^filter\.knownAt\b/, '--known-at'],
  [/^ordered(\.from|\.to)?\b/, '--ordered'],
  [/^top\b/, '--top'],
  [/^role\b/, '--role'],
];

/** Trend argument names in a message as flags. */
function trendFlags(text: string): string {
  let message = text;
  for (const [pattern, flag] of FLAGS) message = message.replace(pattern, flag);
  return message;
}

const cliTerms = <T,>(body: () => Promise<T>): Promise<T> => withFlagTerms(trendFlags, body);

const filterOf = (o: FilterFlags): TransferFilterInput => ({
  ...(o.supplier !== undefined && { supplier: o.supplier }),
  ...(o.recipient !== undefined && { recipient: o.recipient }),
  ...(o.system !== undefined && { system: o.system }),
  ...(o.knownAt !== undefined && { knownAt: parseDay(o.knownAt, '--known-at') }),
});

/**
 * `--periods`, or SIPRI's convention: the two five-year periods up to the last year with TIV delivered on record
 * (so 2015/2019 and 2020/2024 for an export with deliveries to 2024).
 */
async function periodsOf(store: GraphStore, text: string | undefined, count: number): Promise<DateWindowInput[]> {
  if (text !== undefined) return periodsFromText(text);
  const years = (await transferStats(store, {}, ['YEAR'])).filter((r) => r.tivDelivered !== null).map((r) => Number(r.key[0]));
  const last = years.length > 0 ? Math.max(...years) : new Date().getUTCFullYear() - 1;
  return fiveYearPeriods(last, count).map((p) => ({ from: String(p.from), to: String(p.to) }));
}

const withFilterFlags = (c: Command) =>
  c
    .option('--supplier <actor>', 'only deliveries by this supplier (id or alias)')
    .option('--recipient <actor>', 'only deliveries to this recipient (id or alias)')
    .option('--system <system>', 'only this system or family (id or alias)')
    .option('--known-at <day>', 'only what was reported by this day');

/** Registers trends, dependence and lags on the program. */
export function registerTrendCommands(program: Command, globals: () => GlobalOptions): void {
  withFilterFlags(
    program
      .command('trends')
      .description('SIPRI-style shares and changes between periods, e.g. --by supplier --periods 2015/2019,2020/2024 --top 10')
      .option('--by <grouping>', 'supplier | recipient | system-family | category', parseTrendBy, 'SUPPLIER' as TrendBy)
      .option('--periods <list>', 'comma-separated EDTF periods of whole years (default: the last two five-year periods with data)')
      .option('--count <n>', 'with no --periods: how many five-year periods (1–6, default 2)', parseInteger, 2)
      .option('--top <n>', 'groups to show, 1–100', parseInteger, 10)
      .option('--csv', 'print CSV rows: key,label,period,tiv,share,change,rank'),
  ).action((o: FilterFlags & { by: TrendBy; periods?: string; count: number; top: number; csv?: boolean }) =>
    withStore(globals(), (store) => cliTerms(async () => {
      if (o.count < 1 || o.count > 6) throw new InvalidArgumentError(`--count must be 1–6 (got ${o.count})`, { argument: '--count' });
      const periods = await periodsOf(store, o.periods, o.count);
      const answer = await transferTrends(store, { by: o.by, periods, filter: filterOf(o), top: o.top });
      if (globals().json) return printJson(trendRows(answer.groups));
      if (o.csv) return void process.stdout.write(trendCsv(answer.groups));
      print(formatTrends(answer));
    })));

  withFilterFlags(
    program
      .command('dependence <actor>')
      .description("a recipient's suppliers (or with --role supplier, a supplier's recipients) per period: shares, main partner, HHI")
      .option('--role <role>', 'recipient (default: its suppliers) | supplier (its recipients)', (v: string) => v.trim().toUpperCase(), 'RECIPIENT')
      .option('--periods <list>', 'comma-separated EDTF periods of whole years (default: the last two five-year periods with data)')
      .option('--count <n>', 'with no --periods: how many five-year periods (1–6, default 2)', parseInteger, 2)
      .option('--top <n>', 'partners to show, 1–100', parseInteger, 10),
  ).action((actor: string, o: FilterFlags & { role: string; periods?: string; count: number; top: number }) =>
    withStore(globals(), (store) => cliTerms(async () => {
      if (o.count < 1 || o.count > 6) throw new InvalidArgumentError(`--count must be 1–6 (got ${o.count})`, { argument: '--count' });
      const periods = await periodsOf(store, o.periods, o.count);
      const answer = await dependence(store, actor, { role: o.role as 'RECIPIENT', periods, filter: filterOf(o), top: o.top });
      if (globals().json) return printJson(answer);
      const node = await store.node(answer.actor);
      print(formatDependence(answer, node && 'name' in node.value ? node.value.name : answer.actor));
    })));

  withFilterFlags(
    program
      .command('lags')
      .description('years from order to first and to last delivery of SIPRI deals, median and 90th percentile, by group')
      .option('--by <grouping>', 'supplier | recipient | system-family | category', parseTrendBy, 'SUPPLIER' as TrendBy)
      .option('--ordered <edtf>', 'only deals ordered in these years, e.g. 2000/2014')
      .option('--top <n>', 'groups to show, 1–100', parseInteger, 10),
  ).action((o: FilterFlags & { by: TrendBy; ordered?: string; top: number }) =>
    withStore(globals(), (store) => cliTerms(async () => {
      const ordered = o.ordered !== undefined ? parseWindow(o.ordered, '--ordered') : undefined;
      const answer = await deliveryLags(store, { by: o.by, ...(ordered && { ordered }), filter: filterOf(o), top: o.top });
      if (globals().json) return printJson(answer);
      print(formatLags(answer));
    })));
}
