// The routes and backfills commands, run as a user runs them (bin/armsgraph.js in a subprocess): seed, and seed + SIPRI.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIPRI, runCli as run } from './helpers/cli.js';

/** Each run with --sipri reads the whole export (a few seconds). */
const SLOW = 120_000;

/** Runs with the SIPRI export and parses --json output. */
async function json<T>(...args: string[]): Promise<T> {
  const r = await run('--sipri', SIPRI, ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface Ref { id: string; name: string }
interface HopJson { from: Ref; to: Ref; deals: number; units: number | null; tiv: number | null; systems: Ref[]; transfers: string[]; categories: string[] }
interface RouteJson {
  cursor: string; id: string; actors: Ref[]; length: number; score: number; hops: HopJson[];
  witness: { id: string; from: Ref; to: Ref; system: Ref; date: string }[];
  checks: { effect: string; hop: number | null; restriction: string; message: string }[];
}
interface RoutesJson {
  totalCount: number; complete: boolean; hopsCovered: number; expansions: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null }; routes: RouteJson[];
}
interface BackfillJson { declared: boolean; from: Ref; via: Ref; to: Ref; itemClass: string; fit: number; gapYears: number; replenished: HopJson; delivered: HopJson }

const DE_UA = ['routes', 'Germany', 'Ukraine', '--max-hops', '2', '--order', 'time-respecting', '--between', '2022/2024'];
/** European countries, as the graph's actor ids. */
const EUROPE = new Set([
  'AT', 'BE', 'BG', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'NL', 'NO', 'PL',
  'PT', 'RO', 'SE', 'SI', 'SK',
]);

describe('armsgraph routes and backfills: bad input', () => {
  it('an unknown actor in --via exits 2 naming the flag, the name and what was meant', async () => {
    const r = await run('routes', 'Japan', 'Ukraine', '--via', 'Unted States');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('armsgraph: --via: unknown actor "Unted States" (did you mean "United States"?)\n');
  });

  it('the same actor in --via and --avoid exits 2 naming both flags', async () => {
    const r = await run('routes', 'JP', 'UA', '--via', 'US', '--avoid', 'United States');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^armsgraph: --avoid: US is also in --via/);
  });

  it('a cursor of another question exits 2 naming --after', async () => {
    const own = JSON.parse((await run('routes', 'JP', 'UA', '--json')).stdout) as RoutesJson;
    const timeline = JSON.parse((await run('timeline', '--actor', 'JP', '--first', '1', '--json')).stdout) as { cursors: string[] };
    for (const [args, cursor] of [[['routes', 'US', 'UA'], own.pageInfo.endCursor!], [['routes', 'JP', 'UA'], timeline.cursors[0]!]] as const) {
      const r = await run(...args, '--after', cursor);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('armsgraph: --after: this cursor belongs to another question; page with cursors of this one\n');
    }
    const garbage = await run('routes', 'JP', 'UA', '--after', 'not-a-cursor');
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/^armsgraph: --after: "not-a-cursor" is not a cursor/);
  });

  it('--first 101, --max-hops 7, --min-deals 0 and backfills --years 9 exit 2 naming the flag', async () => {
    const [first, hops, deals, years] = await Promise.all([
      run('routes', 'JP', 'UA', '--first', '101'),
      run('routes', 'JP', 'UA', '--max-hops', '7'),
      run('routes', 'JP', 'UA', '--min-deals', '0'),
      run('backfills', 'UA', '--years', '9'),
    ]);
    expect([first.code, hops.code, deals.code, years.code]).toEqual([2, 2, 2, 2]);
    expect(first.stderr).toBe('armsgraph: --first must be an integer from 0 to 100, got 101\n');
    expect(hops.stderr).toBe('armsgraph: --max-hops must be an integer from 1 to 6, got 7\n');
    expect(deals.stderr).toBe('armsgraph: --min-deals must be an integer of at least 1, got 0\n');
    expect(years.stderr).toBe('armsgraph: --years must be an integer from 0 to 5, got 9\n');
  });

  it('a malformed flag value is refused by the parser (exit 1), as for the other commands', async () => {
    const [orderBy, tiv] = await Promise.all([run('routes', 'JP', 'UA', '--order-by', 'best'), run('routes', 'JP', 'UA', '--min-tiv', 'lots')]);
    expect(orderBy.code).toBe(1);
    expect(orderBy.stderr).toContain("argument 'best' is invalid. expected evidence, recent, earliest-arrival, fewest-hops");
    expect(tiv.code).toBe(1);
    expect(tiv.stderr).toContain("argument 'lots' is invalid. expected a number");
  });
});

describe('armsgraph routes on the seed', () => {
  it('routes Japan Ukraine --system Patriot: the witness, and the rules as paths shows them', async () => {
    const [text, paths] = await Promise.all([
      run('routes', 'Japan', 'Ukraine', '--system', 'Patriot'),
      run('paths', 'Japan', 'Ukraine', '--system', 'Patriot'),
    ]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Routes from Japan (JP) to Ukraine (UA), 3 hops at most, any order, for Patriot: 1 route (complete)');
    expect(text.stdout).toContain('1. Japan → United States → Ukraine   score 0 (a hop without SIPRI TIV)');
    expect(text.stdout).toMatch(/witness 1\. Japan → United States {2}Patriot missile \(planned\) {2}2024-01\/\.\. {2}\[transfer:jp-us-patriot-missiles-2024\]/);
    expect(text.stdout).toMatch(/2\. United States → Ukraine {2}Patriot missile \(potential\) {2}2023-12-22\/\.\./);
    // The rule lines are the ones `paths` prints for the same chain.
    const rules = (s: string) => s.split('\n').filter((l) => /^\s+(REQUIRES_CONSENT|PROHIBITED)/.test(l)).map((l) => l.trim());
    expect(rules(text.stdout)).toEqual(rules(paths.stdout));
    expect(rules(text.stdout)).toHaveLength(2);
    expect(lines.at(-2)).toBe('-- 1 route shown of 1; no more pages');
  });
});

describe.skipIf(!existsSync(SIPRI))('armsgraph routes and backfills on the seed and the full SIPRI export', () => {
  it('Germany → Ukraine, 2 hops, time-respecting, 2022/2024: the first page has routes through many neighbours, each hop with deals', async () => {
    const page = await json<RoutesJson>(...DE_UA);
    expect(page.complete).toBe(true);
    expect(page.routes).toHaveLength(20);
    expect(page.totalCount).toBeGreaterThan(20);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.routes[19]!.cursor });
    for (const r of page.routes) {
      expect(r.actors[0]!.id).toBe('DE');
      expect(r.actors.at(-1)!.id).toBe('UA');
      expect(r.id).toBe(r.actors.map((a) => a.id).join('>'));
      expect(r.length).toBe(r.hops.length);
      for (const h of r.hops) {
        expect(h.deals).toBeGreaterThanOrEqual(1);
        expect(h.transfers).toHaveLength(h.deals);
        expect(h.systems.every((s) => s.id.startsWith('system:') && s.name !== '')).toBe(true);
      }
      expect(r.witness.map((w) => `${w.from.id}>${w.to.id}`)).toEqual(r.hops.map((h) => `${h.from.id}>${h.to.id}`));
    }
    const neighbours = new Set(page.routes.filter((r) => r.length === 2).map((r) => r.actors[1]!.id));
    expect(neighbours.size).toBeGreaterThanOrEqual(8);
    const cz = page.routes.find((r) => r.id === 'DE>CZ>UA')!;
    expect(cz).toBeDefined();
    expect(cz.actors.map((a) => a.name)).toEqual(['Germany', 'Czechia', 'Ukraine']);
    expect(cz.hops[0]!.systems.map((s) => s.name)).toContainEqual(expect.stringMatching(/^Leopard/));
    expect(cz.hops[1]!.systems.map((s) => s.name)).toContainEqual(expect.stringMatching(/^T-72/));
    expect(cz.witness[0]!.id).toMatch(/^transfer:sipri-\d+$/);
  }, SLOW);

  it('paging with --after reaches every route exactly once', async () => {
    const all = await json<RoutesJson>(...DE_UA, '--first', '100');
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.routes).toHaveLength(all.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: RoutesJson = await json<RoutesJson>(...DE_UA, '--first', '7', ...(after ? ['--after', after] : []));
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.routes.map((r) => r.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.routes.map((r) => r.id));
  }, SLOW);

  it('the text output: header with the count, hops with evidence and systems by name, the witness, the next-page hint', async () => {
    const r = await run('--sipri', SIPRI, ...DE_UA);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Routes from Germany \(DE\) to Ukraine \(UA\), 2 hops at most, time-respecting, 2022\/2024: \d+ routes \(complete\)$/);
    expect(lines[3]).toMatch(/^ 1\. Germany → Ukraine {3}score [\d,.]+ ▇{10}$/);
    const cz = lines.findIndex((l) => /^\d+\. Germany → Czechia → Ukraine {3}score /.test(l));
    expect(cz).toBeGreaterThan(0);
    expect(lines[cz + 1]).toMatch(/hop 1 {2}Germany → Czechia: \d+ deals? · [\d,]+ units? · TIV [\d,.]+ · 2022–2023 · Armoured vehicles/);
    expect(lines[cz + 2]).toMatch(/systems: .*Leopard-2A4 \(TIV/);
    expect(lines[cz + 4]).toMatch(/systems: .*T-72M1 \(TIV/);
    expect(lines[cz + 5]).toMatch(/witness 1\. Germany → Czechia {2}.* \(SIPRI deal \d+\) {2}\S+ {2}\[transfer:sipri-\d+\]/);
    expect(lines.at(-2)).toMatch(/^-- 20 routes shown of \d+; the next page: the same command with --after \S+$/);
  }, SLOW);

  it('routes Japan Ukraine --system Patriot: Japan → United States → Ukraine with its witness and rules', async () => {
    const page = await json<RoutesJson>('routes', 'Japan', 'Ukraine', '--system', 'Patriot');
    const jp = page.routes.find((r) => r.id === 'JP>US>UA')!;
    expect(jp).toBeDefined();
    expect(jp.witness.map((w) => [w.from.name, w.to.name])).toEqual([['Japan', 'United States'], ['United States', 'Ukraine']]);
    expect(jp.witness[0]!.id).toBe('transfer:jp-us-patriot-missiles-2024');
    expect(jp.checks.map((c) => [c.effect, c.hop, c.restriction])).toEqual([
      ['REQUIRES_CONSENT', 1, 'restriction:jp-reexport-consent'],
      ['PROHIBITED', null, 'restriction:jp-no-export-to-party-at-war'],
    ]);
  }, SLOW);

  it('backfills Ukraine 2022/2024: the declared Japan → United States backfill first, then European exchanges with both hops', async () => {
    const answer = await json<{ recipient: Ref; between: string; candidates: BackfillJson[] }>('backfills', 'Ukraine', '--between', '2022/2024');
    expect(answer.recipient).toEqual({ id: 'UA', name: 'Ukraine' });
    expect(answer.between).toBe('2022/2024');
    const [first, ...rest] = answer.candidates;
    expect(first).toMatchObject({ declared: true, from: { id: 'JP', name: 'Japan' }, via: { id: 'US', name: 'United States' }, to: { id: 'UA' } });
    expect(first!.replenished.transfers).toEqual(['transfer:jp-us-patriot-missiles-2024']);
    expect(rest.every((c) => !c.declared)).toBe(true);
    const european = rest.filter((c) => EUROPE.has(c.via.id) && c.replenished.deals >= 1 && c.delivered.deals >= 1);
    expect(new Set(european.map((c) => c.via.id)).size).toBeGreaterThanOrEqual(3);
    for (const c of european) {
      expect(c.replenished.to.id).toBe(c.via.id);
      expect(c.delivered.from.id).toBe(c.via.id);
      expect(c.delivered.transfers.length).toBe(c.delivered.deals);
    }
  }, SLOW);

  it('backfills text: declared marker, Y → X → recipient by name, both hops with SIPRI deal ids', async () => {
    const r = await run('--sipri', SIPRI, 'backfills', 'Ukraine', '--between', '2022/2024');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Backfill candidates for Ukraine \(UA\): deliveries in 2022\/2024, replenished within 2 years: 20 candidates/);
    const declared = lines.findIndex((l) => l.startsWith(' 1. declared  Japan → United States → Ukraine'));
    expect(declared).toBeGreaterThan(0);
    expect(lines[declared + 1]).toMatch(/replenished +Japan → United States: 1 deal/);
    expect(lines[declared + 2]).toContain('Patriot missile (transfer:jp-us-patriot-missiles-2024, 2024–open)');
    expect(lines[declared + 3]).toMatch(/delivered +United States → Ukraine: 1 deal/);
    expect(lines[declared + 5]).toMatch(/^ 2\. \S.* → .* → Ukraine {3}/);
    expect(lines[declared + 7]).toMatch(/\(deal \d+, \d{4}/);
  }, SLOW);
});
