// CLI commands for issue [11]: routes (every route between two actors, with evidence) and backfills (ring exchanges).
import type { Command } from 'commander';
import type { TransferStatus } from '../domain/model.js';
import { parseDay, parseWindow, type DayWindow } from '../domain/time.js';
import {
  backfillCandidates, checkRouteOptions, transferRoutes, DEFAULT_BACKFILL_RESULTS, DEFAULT_BACKFILL_YEARS,
  type BackfillCandidate, type HopEvidence, type PathOrder, type RouteOptionsInput, type RouteOrderBy, type RoutePage,
} from '../query/index.js';
import type { NameOf } from './format.js';
import { formatBackfills, formatRoutes, formatWindow } from './format-routes.js';
import {
  inFlagTerms, namer, parseInteger, parseList, parseNumber, parseOrder, parseRouteOrderBy, parseStatuses, print, printJson, withFlagTerms,
  withStore, type GlobalOptions,
} from './options.js';

/** The flags of `routes`, as commander parses them. */
interface RouteFlags {
  readonly maxHops?: number;
  readonly order?: PathOrder;
  readonly between?: string;
  readonly knownAt?: string;
  readonly system?: string;
  readonly statuses?: TransferStatus[];
  readonly viaBackfill?: boolean;
  readonly sources?: string[];
  readonly via?: string[];
  readonly avoid?: string[];
  readonly categories?: string[];
  readonly minDeals?: number;
  readonly minTiv?: number;
  readonly orderBy?: RouteOrderBy;
  readonly first?: number;
  readonly after?: string;
}

/** The flags of `backfills`. */
interface BackfillFlags {
  readonly between?: string;
  readonly years?: number;
  readonly first?: number;
  readonly sources?: string[];
}

/** The question modules' argument names (`options.via[0]`) as the flags a CLI user typed (`--via`). */
const ROUTE_FLAGS: readonly (readonly [RegExp, string])[] = [
  [/\boptions\.via(\[\d+\])?/g, '--via'],
  [/\boptions\.avoid(\[\d+\])?/g, '--avoid'],
  [/\boptions\.system\b/g, '--system'],
  [/\boptions\.maxHops\b/g, '--max-hops'],
  [/\boptions\.orderBy\b/g, '--order-by'],
  [/\boptions\.order\b/g, '--order'],
  [/\boptions\.between(\.from|\.to)?\b/g, '--between'],
  [/\boptions\.knownAt\b/g, '--known-at'],
  [/\boptions\.statuses\b/g, '--statuses'],
  [/\boptions\.categories\b/g, '--categories'],
  [/\boptions\.minDeals\b/g, '--min-deals'],
  [/\boptions\.minTiv\b/g, '--min-tiv'],
  [/\boptions\.viaBackfill\b/g, '--via-backfill'],
];
/** Arguments named bare at the start of a message (`after: …`, `first must …`), only there: elsewhere they are words. */
const LEADING_FLAGS: Readonly<Record<string, string>> = { after: '--after', first: '--first', years: '--years', between: '--between' };
const LEADING = new RegExp(`^(${Object.keys(LEADING_FLAGS).join('|')})(\\.from|\\.to)?\\b`);

/**
 * The same error with its arguments named as CLI flags: `options.via[0]: unknown actor "Polnd"` → `--via: unknown actor
 * "Polnd"`, `options.maxHops: maxHops must be …` → `--max-hops must be …`. Other errors pass through.
 */
export function inCliTerms(error: unknown): unknown {
  return inFlagTerms(error, routeFlags);
}

/** Route and backfill argument names in a message as flags. */
function routeFlags(text: string): string {
  let message = text;
  for (const [pattern, flag] of ROUTE_FLAGS) message = message.replace(pattern, flag);
  message = message.replace(LEADING, (_, arg: string) => LEADING_FLAGS[arg]!);
  // `--max-hops: maxHops must be …`: the inner name repeats the flag.
  return message.replace(/^(--[\w-]+): ([a-zA-Z]+) (must|is)\b/, (whole, flag: string, leaf: string, verb: string) =>
    flag.slice(2).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) === leaf ? `${flag} ${verb}` : whole);
}

const cliTerms = <T,>(body: () => Promise<T>): Promise<T> => withFlagTerms(routeFlags, body);

const ref = (name: NameOf) => (id: string) => ({ id, name: name(id) });

/** A hop's evidence as JSON: ends and systems with ids and names, the transfers as ids. */
function hopJson(h: HopEvidence, name: NameOf) {
  return {
    from: ref(name)(h.from), to: ref(name)(h.to), deals: h.deals, units: h.units, tiv: h.tiv, span: h.span,
    categories: h.categories, systems: h.systems.map(ref(name)), transfers: h.transfers.map((t) => t.id),
  };
}

/** A page of routes as JSON rows (ids and names), with the page's counts and how complete the search was. */
export function routesJson(page: RoutePage, name: NameOf) {
  const r = ref(name);
  return {
    totalCount: page.totalCount,
    complete: page.complete,
    hopsCovered: page.hopsCovered,
    expansions: page.expansions,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors[page.cursors.length - 1] ?? null },
    routes: page.items.map((route, i) => ({
      cursor: page.cursors[i]!,
      id: route.id,
      actors: route.actors.map(r),
      length: route.length,
      score: route.score,
      hops: route.hops.map((h) => hopJson(h, name)),
      witness: route.witness.hops.map((h) => ({
        id: h.transfer.id, from: r(h.from), to: r(h.to), system: r(h.transfer.system), date: h.transfer.date.edtf, via: h.via,
        ...(h.transfer.sipri && { designation: h.transfer.sipri.designation, dealId: h.transfer.sipri.dealId }),
      })),
      checks: route.checks,
    })),
  };
}

/** Backfill candidates as JSON rows (ids and names). */
export function backfillsJson(candidates: readonly BackfillCandidate[], name: NameOf) {
  const r = ref(name);
  return candidates.map((c) => ({
    declared: c.declared, from: r(c.from), via: r(c.via), to: r(c.to), itemClass: c.itemClass, fit: c.fit, gapYears: c.gapYears,
    replenished: hopJson(c.replenished, name), delivered: hopJson(c.delivered, name),
  }));
}

/** The ids a hop names (ends and systems). */
const hopIds = (h: HopEvidence) => [h.from, h.to, ...h.systems];

/** Registers routes and backfills on the program. */
export function registerRouteCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('routes <from> <to>')
    .description('every route (sequence of actors) from one actor to another, counted and ranked, with each hop\'s evidence')
    .option('--max-hops <n>', 'longest route, 1–6 (default 3)', parseInteger)
    .option('--order <order>', 'any | time-respecting | strict (default any)', parseOrder)
    .option('--between <edtf>', 'only transfers that may fall in this window, e.g. 2022/2024 (TIV counted in its years)')
    .option('--known-at <day>', 'only transfers reported by this day')
    .option('--system <system>', 'system or family (id or alias), e.g. Patriot')
    .option('--statuses <list>', 'comma-separated statuses (default: all but CANCELLED, DENIED)', parseStatuses)
    .option('--via-backfill', 'let a backfill link connect two hops whatever their order')
    .option('--sources <list>', 'only transfers from these sources, comma-separated: seed, sipri (default all)', parseList)
    .option('--via <actors>', 'comma-separated actors every route passes through', parseList)
    .option('--avoid <actors>', 'comma-separated actors no route passes through', parseList)
    .option('--categories <list>', 'comma-separated categories, e.g. "Armoured vehicles,Artillery"', parseList)
    .option('--min-deals <n>', 'fewest deals on every hop (default 1)', parseInteger)
    .option('--min-tiv <x>', 'least TIV (millions) delivered on every hop (default 0)', parseNumber)
    .option('--order-by <rank>', 'evidence | recent | earliest-arrival | fewest-hops (default evidence)', parseRouteOrderBy)
    .option('--first <n>', 'routes per page, 0–100 (default 20)', parseInteger)
    .option('--after <cursor>', 'the next page: the cursor printed at the end of the previous one')
    .action((fromRef: string, toRef: string, o: RouteFlags) => withStore(globals(), (store) => cliTerms(async () => {
      const between = o.between !== undefined ? parseWindow(o.between, '--between') : undefined;
      const input: RouteOptionsInput = {
        ...(o.maxHops !== undefined && { maxHops: o.maxHops }),
        ...(o.order !== undefined && { order: o.order }),
        ...(between && { between }),
        ...(o.knownAt !== undefined && { knownAt: parseDay(o.knownAt, '--known-at') }),
        ...(o.system !== undefined && { system: o.system }),
        ...(o.statuses !== undefined && { statuses: o.statuses }),
        ...(o.viaBackfill && { viaBackfill: true }),
        ...(o.via !== undefined && { via: o.via }),
        ...(o.avoid !== undefined && { avoid: o.avoid }),
        ...(o.categories !== undefined && { categories: o.categories }),
        ...(o.minDeals !== undefined && { minDeals: o.minDeals }),
        ...(o.minTiv !== undefined && { minTiv: o.minTiv }),
        ...(o.orderBy !== undefined && { orderBy: o.orderBy }),
        ...(o.sources !== undefined && { sources: o.sources }),
      };
      const page = await transferRoutes(store, fromRef, toRef, input, {
        ...(o.first !== undefined && { first: o.first }), ...(o.after !== undefined && { after: o.after }),
      });
      // The question has resolved and checked everything by now: these only name what it was asked.
      const [from, to, system, via, avoid] = await Promise.all([
        store.resolveActor(fromRef), store.resolveActor(toRef), o.system === undefined ? undefined : store.resolveSystem(o.system),
        Promise.all((o.via ?? []).map((v) => store.resolveActor(v))), Promise.all((o.avoid ?? []).map((v) => store.resolveActor(v))),
      ]);
      const ids = [
        from, to, ...(system ? [system] : []), ...via, ...avoid,
        ...page.items.flatMap((r) => [
          ...r.hops.flatMap(hopIds), ...r.witness.hops.flatMap((h) => [h.from, h.to, h.transfer.system]),
          ...r.checks.flatMap((c) => (c.consentOf ? [c.consentOf] : [])),
        ]),
      ];
      const name = await namer(store, ids);
      if (globals().json) return printJson(routesJson(page, name));
      const resolved = checkRouteOptions(input);
      const filters = [
        ...(system ? [`for ${name(system)}`] : []),
        ...(via.length > 0 ? [`via ${via.map(name).join(' and ')}`] : []),
        ...(avoid.length > 0 ? [`avoiding ${avoid.map(name).join(', ')}`] : []),
        ...(resolved.categories ? [`categories ${resolved.categories.join(', ')}`] : []),
        ...(resolved.minDeals > 1 ? [`≥ ${resolved.minDeals} deals per hop`] : []),
        ...(resolved.minTiv > 0 ? [`≥ ${resolved.minTiv} TIV per hop`] : []),
        ...(resolved.knownAt ? [`as known on ${resolved.knownAt}`] : []),
        ...(resolved.viaBackfill ? ['backfill links connect hops'] : []),
      ];
      print(formatRoutes(page, {
        from, to, maxHops: resolved.maxHops, order: resolved.order, orderBy: resolved.orderBy, filters, after: o.after !== undefined,
        ...(between && { between }),
      }, name));
    })));

  program
    .command('backfills <recipient>')
    .description('who delivered to a recipient while being replenished in kind by someone else (Y → X → recipient)')
    .option('--between <edtf>', 'deliveries to the recipient in this window, e.g. 2022/2024')
    .option(`--years <n>`, `how many years from a delivery a replenishment may fall, 0–5 (default ${DEFAULT_BACKFILL_YEARS})`, parseInteger)
    .option('--first <n>', `most candidates, 1–100 (default ${DEFAULT_BACKFILL_RESULTS})`, parseInteger)
    .option('--sources <list>', 'only transfers from these sources, comma-separated: seed, sipri (default all)', parseList)
    .action((recipientRef: string, o: BackfillFlags) => withStore(globals(), (store) => cliTerms(async () => {
      const between: DayWindow | undefined = o.between !== undefined ? parseWindow(o.between, '--between') : undefined;
      const candidates = await backfillCandidates(store, recipientRef, {
        ...(between && { between }), ...(o.years !== undefined && { years: o.years }), ...(o.first !== undefined && { first: o.first }),
        ...(o.sources !== undefined && { sources: o.sources }),
      });
      const recipient = await store.resolveActor(recipientRef);
      const name = await namer(store, [recipient, ...candidates.flatMap((c) => [c.from, c.via, ...hopIds(c.replenished), ...hopIds(c.delivered)])]);
      const years = o.years ?? DEFAULT_BACKFILL_YEARS;
      if (globals().json) {
        return printJson({
          recipient: ref(name)(recipient), between: between ? formatWindow(between) : null, years, candidates: backfillsJson(candidates, name),
        });
      }
      print(formatBackfills(candidates, { recipient, years, first: o.first ?? DEFAULT_BACKFILL_RESULTS, ...(between && { between }) }, name));
    })));
}
