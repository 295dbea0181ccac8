// The GraphQL API over real HTTP, one suite run against every store: every query of DESIGN §6 and every error code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/query/index.js';
import { importKiel, importSipri, mergeDatasets } from '../../src/import/index.js';
import { KIEL_EXCERPT } from './graph-store/reconcile.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import type { GraphStore } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { SEED_DIR, SIPRI_EXCERPT } from './graph-store.contract.js';

/** Loads the SIPRI excerpt joined with the seed for the enclosing describe, and the seed again after it. */
function withSipriExcerpt(store: () => GraphStore): void {
  beforeAll(async () => {
    const seed = await loadSeedDir(SEED_DIR);
    const { dataset } = await importSipri(SIPRI_EXCERPT, { reservedSystemIds: seed.systems.map((x) => x.id) });
    await store().load(mergeDatasets(seed, dataset));
  });
  afterAll(async () => {
    await store().load(await loadSeedDir(SEED_DIR));
  });
}

/** The route question's nested selection, as a dashboard asks it (evidence, a few transfers, witness, chains, rules). */
const ROUTE_FIELDS = `id length actors { id } score
  hops { from { id } to { id } deals tiv units span { earliest latest } systems { id } categories transfers(first: 2) { totalCount nodes { id } } }
  witness { hops { via transfer { id } } }
  chains(first: 5) { totalCount nodes { length } }
  checks { effect hop consentOf { id } restriction { id } }`;

/** Registers the API suite for one store; `makeStore` returns a fresh, connected store. */
export function describeGraphqlApi(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphQL API over HTTP: ${name}`, () => {
    let store: GraphStore;
    let server: RunningServer;
    let pathCalls = 0;
    /** Calls of the ports that read transfers for routes and backfills (a refused question reaches neither). */
    let routeReads = 0;

    beforeAll(async () => {
      const real = await makeStore();
      await real.load(await loadSeedDir(SEED_DIR));
      store = new Proxy(real, {
        get(target, prop, receiver) {
          if (prop === 'pathCandidates') pathCalls += 1;
          if (prop === 'routeCandidates' || prop === 'allTransfers') routeReads += 1;
          return Reflect.get(target, prop, receiver);
        },
      });
      server = await startServer(store, { maxBatch: 5 });
    });
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    const ok = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      const { status, body } = await server.gql<T>(query, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      return body.data!;
    };
    const fails = async (query: string, variables?: Record<string, unknown>) => {
      const { status, body } = await server.gql(query, variables);
      expect(body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
      return { status, error: body.errors![0], body };
    };

    describe('queries of DESIGN §6', () => {
      it('transferPaths: Japan → United States → Ukraine for Patriot, with the rules', async () => {
        const data = await ok(`{
          transferPaths(from: "Japan", to: "Ukraine", options: { system: "Patriot" }) {
            truncated
            paths { length departs { edtf } arrives { edtf }
              hops { via from { id } to { id } transfer { id status kind quantity { text min } citations { quote source { publisher } } } }
              checks { effect hop message consentOf { name } restriction { id rule imposedBy { id } } citations { quote } } }
          }
        }`);
        const result = data.transferPaths;
        expect(result.truncated).toBe(false);
        expect(result.paths).toHaveLength(1);
        const [p] = result.paths;
        expect(p.length).toBe(2);
        expect(p.hops.map((h: any) => `${h.from.id}>${h.to.id}:${h.transfer.status}:${h.via}`)).toEqual(['JP>US:PLANNED:TRANSFER', 'US>UA:POTENTIAL:TRANSFER']);
        expect(p.hops[0].transfer.quantity).toEqual({ text: 'dozens', min: 24 });
        expect(p.hops[0].transfer.citations[0].source.publisher).toBe('The Kyiv Independent');
        expect(p.checks.map((c: any) => [c.restriction.id, c.effect, c.hop, c.consentOf?.name ?? null])).toEqual([
          ['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 1, 'Japan'],
          ['restriction:jp-no-export-to-party-at-war', 'PROHIBITED', null, null],
        ]);
      });

      it('transferPaths with STRICT order and viaBackfill', async () => {
        const data = await ok(`{
          strict: transferPaths(from: "JP", to: "UA", options: { system: "system:patriot", order: STRICT }) { paths { length } }
          backfill: transferPaths(from: "JP", to: "UA", options: { order: STRICT, viaBackfill: true }) { paths { hops { via } } }
        }`);
        expect(data.strict.paths).toEqual([]);
        expect(data.backfill.paths[0].hops.map((h: any) => h.via)).toEqual(['TRANSFER', 'BACKFILL']);
      });

      it('transferCheck JP → UA on 2024-01-15 and 2023-12-01; US → UA with Japanese-supplied Patriots', async () => {
        const data = await ok(`{
          now: transferCheck(supplier: "JP", recipient: "UA", system: "Patriot", on: "2024-01-15") { verdict on reasons { rule effect citations { quote } } }
          before: transferCheck(supplier: "Japan", recipient: "Ukraine", system: "Patriot", on: "2023-12-01") { verdict reasons { restriction { id } } }
          consent: transferCheck(supplier: "U.S.", recipient: "UA", system: "Patriot", on: "2024-01-15", origin: "JP") { verdict reasons { consentOf { id } } }
        }`);
        expect(data.now.verdict).toBe('PROHIBITED');
        expect(data.now.reasons).toEqual([
          {
            rule: 'NO_EXPORT_TO_PARTY_AT_WAR', effect: 'PROHIBITED',
            citations: [
              { quote: 'The change in rules still does not allow for the export of weapons to countries currently at war, so Japan cannot send Patriot missiles directly to Ukraine.' },
              { quote: null },
            ],
          },
        ]);
        expect(data.before.reasons.map((r: any) => r.restriction.id)).toEqual(['restriction:jp-arms-export-ban', 'restriction:jp-no-export-to-party-at-war']);
        expect(data.consent).toEqual({ verdict: 'REQUIRES_CONSENT', reasons: [{ consentOf: { id: 'JP' } }] });
      });

      it('timeline of Japan known at 2023-12-01', async () => {
        const data = await ok(`{
          all: timeline(filter: { actors: ["Japan"] }, first: 100) { totalCount nodes { id kind } }
          known: timeline(filter: { actors: ["JP"], knownAt: "2023-12-01" }) {
            totalCount nodes { id kind title knownSince date { edtf earliest latest precision } subject { id ... on Restriction { rule } } actors { id } }
          }
        }`);
        expect(data.all.totalCount).toBe(10);
        expect(data.all.nodes[4]).toEqual({ id: 'event:jp-export-rules-2023-12-22', kind: 'POLICY_CHANGE' });
        expect(data.known).toEqual({
          totalCount: 1,
          nodes: [
            {
              id: 'restriction:jp-no-export-to-party-at-war', kind: 'RESTRICTION',
              title: 'Japan does not export weapons to countries at war (NO_EXPORT_TO_PARTY_AT_WAR)', knownSince: '2014-04-01',
              date: { edtf: '2014-04-01/..', earliest: '2014-04-01', latest: '9999-12-31', precision: 'RANGE' },
              subject: { id: 'restriction:jp-no-export-to-party-at-war', rule: 'NO_EXPORT_TO_PARTY_AT_WAR' },
              actors: [{ id: 'JP' }],
            },
          ],
        });
      });

      it('transfers into Ukraine, and an actor’s transfers', async () => {
        const data = await ok(`{
          transfers(filter: { recipient: "Ukraine" }) { totalCount nodes { id supplier { name } system { name family { name } } date { edtf precision } } }
          actor(id: "Japan") { name kind transfersOut { totalCount nodes { id backfills { id } enabledBy { kind } subjectTo { rule } inferredFields } } }
        }`);
        expect(data.transfers.totalCount).toBe(2);
        expect(data.transfers.nodes.map((t: any) => [t.id, t.supplier.name, t.system.name, t.date.precision])).toEqual([
          ['transfer:ua-first-patriot-systems-2023-04', 'Unknown supplier', 'Patriot', 'MONTH'],
          ['transfer:us-ua-patriot-missiles-potential', 'United States', 'Patriot missile', 'RANGE'],
        ]);
        expect(data.transfers.nodes[1].system.family).toEqual({ name: 'Patriot' });
        expect(data.actor.transfersOut).toEqual({
          totalCount: 1,
          nodes: [
            {
              id: 'transfer:jp-us-patriot-missiles-2024', backfills: [{ id: 'transfer:us-ua-patriot-missiles-potential' }],
              enabledBy: [{ kind: 'POLICY_CHANGE' }, { kind: 'ANNOUNCEMENT' }], subjectTo: [{ rule: 'REEXPORT_REQUIRES_CONSENT' }], inferredFields: ['quantity'],
            },
          ],
        });
      });

      it('search "patriot" ranks the system first, with nodes of the right type', async () => {
        const data = await ok(`{ search(text: "patriot", first: 3) { type match matched node { id ... on WeaponSystem { category } ... on Event { kind } } } }`);
        expect(data.search).toEqual([
          { type: 'WEAPON_SYSTEM', match: 'EXACT', matched: 'Patriot', node: { id: 'system:patriot', category: 'air-defence system' } },
          { type: 'WEAPON_SYSTEM', match: 'PREFIX', matched: 'Patriot missile', node: { id: 'system:patriot-missile', category: 'interceptor missile' } },
          { type: 'EVENT', match: 'CONTAINS', matched: "Ambassador Rahm Emanuel says Japan's Patriots help the U.S. manage its inventory", node: { id: 'event:emanuel-patriot-inventory-statement', kind: 'STATEMENT' } },
        ]);
      });

      it('node, actor, system, actors, systems, subgraph and stats', async () => {
        const data = await ok(`{
          node(id: "aid:jp-ua-since-2022") { id ... on AidCommitment { donor { id } amountUsd { min text } categories } }
          source: node(id: "source:un-ga-res-es-11-1") { ... on Source { publisher publishedAt { edtf } } }
          actor(id: "Japanese Foreign Ministry") { id partOf { id } country { name } }
          missing: actor(id: "Atlantis") { id }
          system(id: "Кинджал") { id name aliases }
          actors(filter: { kinds: [PERSON] }) { totalCount nodes { id } }
          systems(filter: { family: "Patriot" }) { totalCount nodes { id } }
          subgraph(around: ["JP"], depth: 2) { actors { id } systems { id } edges { id source { id } target { id } } }
          stats { actors systems transfers events restrictions aidCommitments sources citations }
        }`);
        expect(data.node).toEqual({ id: 'aid:jp-ua-since-2022', donor: { id: 'JP' }, amountUsd: { min: 7e9, text: 'more than $7 billion' }, categories: ['HUMANITARIAN', 'NON_LETHAL_MILITARY'] });
        expect(data.source).toEqual({ publisher: 'United Nations General Assembly', publishedAt: { edtf: '2022-03-02' } });
        expect(data.actor).toEqual({ id: 'org:jp-mofa', partOf: { id: 'JP' }, country: { name: 'Japan' } });
        expect(data.missing).toBeNull();
        expect(data.system).toEqual({ id: 'system:kinzhal', name: 'Kinzhal', aliases: ['Кинджал', 'Kh-47M2', 'Kh-47M2 Kinzhal'] });
        expect(data.actors).toEqual({ totalCount: 2, nodes: [{ id: 'person:rahm-emanuel' }, { id: 'person:volodymyr-zelensky' }] });
        expect(data.systems).toEqual({ totalCount: 2, nodes: [{ id: 'system:patriot' }, { id: 'system:patriot-missile' }] });
        expect(data.subgraph.actors.map((a: any) => a.id)).toEqual(['JP', 'UA', 'US']);
        expect(data.subgraph.edges.map((e: any) => `${e.source.id}>${e.target.id}`)).toEqual(['JP>US', 'US>UA']);
        expect(data.stats).toEqual({ actors: 10, systems: 3, transfers: 3, events: 8, restrictions: 3, aidCommitments: 1, sources: 3, citations: 29 });
      });
    });

    describe('transferRoutes and backfillCandidates', () => {
      it('transferRoutes: Japan → United States → Ukraine for Patriot, with evidence, witness, chains and rules', async () => {
        const data = await ok(`{
          transferRoutes(from: "Japan", to: "Ukraine", options: { system: "Patriot" }) {
            totalCount complete hopsCovered pageInfo { hasNextPage hasPreviousPage }
            nodes { ${ROUTE_FIELDS} }
          }
        }`);
        const open = '9999-12-31';
        expect(data.transferRoutes).toEqual({
          totalCount: 1, complete: true, hopsCovered: 3, pageInfo: { hasNextPage: false, hasPreviousPage: false },
          nodes: [
            {
              id: 'JP>US>UA', length: 2, actors: [{ id: 'JP' }, { id: 'US' }, { id: 'UA' }], score: 0,
              hops: [
                {
                  from: { id: 'JP' }, to: { id: 'US' }, deals: 1, tiv: null, units: null, span: { earliest: '2024-01-01', latest: open },
                  systems: [{ id: 'system:patriot-missile' }], categories: ['interceptor missile'],
                  transfers: { totalCount: 1, nodes: [{ id: 'transfer:jp-us-patriot-missiles-2024' }] },
                },
                {
                  from: { id: 'US' }, to: { id: 'UA' }, deals: 1, tiv: null, units: null, span: { earliest: '2023-12-22', latest: open },
                  systems: [{ id: 'system:patriot-missile' }], categories: ['interceptor missile'],
                  transfers: { totalCount: 1, nodes: [{ id: 'transfer:us-ua-patriot-missiles-potential' }] },
                },
              ],
              witness: { hops: [{ via: 'TRANSFER', transfer: { id: 'transfer:jp-us-patriot-missiles-2024' } }, { via: 'TRANSFER', transfer: { id: 'transfer:us-ua-patriot-missiles-potential' } }] },
              chains: { totalCount: 1, nodes: [{ length: 2 }] },
              checks: [
                { effect: 'REQUIRES_CONSENT', hop: 1, consentOf: { id: 'JP' }, restriction: { id: 'restriction:jp-reexport-consent' } },
                { effect: 'PROHIBITED', hop: null, consentOf: null, restriction: { id: 'restriction:jp-no-export-to-party-at-war' } },
              ],
            },
          ],
        });
      });

      it('backfillCandidates: the declared Japan → United States backfill of what the United States sends Ukraine', async () => {
        const data = await ok(`{
          backfillCandidates(recipient: "Ukraine") {
            via { id } from { id } to { id } declared fit itemClass gapYears
            replenished { deals transfers(first: 2) { nodes { id } } } delivered { deals transfers { nodes { id } } }
          }
        }`);
        expect(data.backfillCandidates).toEqual([
          {
            via: { id: 'US' }, from: { id: 'JP' }, to: { id: 'UA' }, declared: true, fit: 1, itemClass: 'SAM', gapYears: 1,
            replenished: { deals: 1, transfers: { nodes: [{ id: 'transfer:jp-us-patriot-missiles-2024' }] } },
            delivered: { deals: 1, transfers: { nodes: [{ id: 'transfer:us-ua-patriot-missiles-potential' }] } },
          },
        ]);
      });

      it('refuses bad route and backfill arguments, naming them, before reading any transfer', async () => {
        const before = routeReads;
        const refused = async (query: string, extensions: Record<string, unknown>) => {
          const { status, error } = await fails(query);
          expect(status, query).toBe(200);
          expect(error.extensions, query).toMatchObject(extensions);
        };
        const routes = (args: string) => `{ transferRoutes(from: "JP", to: "UA"${args}) { totalCount } }`;
        await refused(routes(', options: { via: ["Japn"] }'), { code: 'NOT_FOUND', argument: 'options.via[0]', suggestions: ['Japan', 'JPN', 'JP'] });
        await refused(routes(', options: { avoid: ["US", "Japn"] }'), { code: 'NOT_FOUND', argument: 'options.avoid[1]', suggestions: ['Japan', 'JPN', 'JP'] });
        await refused(routes(', options: { via: ["United States"], avoid: ["US"] }'), { code: 'BAD_USER_INPUT', argument: 'options.avoid' });
        await refused(routes(', options: { avoid: ["Ukraine"] }'), { code: 'BAD_USER_INPUT', argument: 'options.avoid' });
        await refused(routes(', first: 101'), { code: 'BAD_USER_INPUT', argument: 'first' });
        await refused(routes(', options: { maxHops: 7 }'), { code: 'BAD_USER_INPUT', argument: 'options.maxHops' });
        await refused(routes(', options: { minDeals: 0 }'), { code: 'BAD_USER_INPUT', argument: 'options.minDeals' });
        await refused(routes(', options: { minTiv: -1 }'), { code: 'BAD_USER_INPUT', argument: 'options.minTiv' });
        await refused(routes(', options: { between: { from: "2024-02-30" } }'), { code: 'BAD_USER_INPUT', argument: 'options.between.from' });
        const timelineCursor = (await ok(`{ timeline(first: 1) { pageInfo { endCursor } } }`)).timeline.pageInfo.endCursor;
        await refused(routes(`, after: "${timelineCursor}"`), { code: 'BAD_USER_INPUT', argument: 'after' });
        const routeCursor = (await ok(`{ transferRoutes(from: "JP", to: "UA") { pageInfo { endCursor } } }`)).transferRoutes.pageInfo.endCursor;
        const readsBefore = routeReads;
        await refused(`{ transferRoutes(from: "US", to: "UA", after: "${routeCursor}") { totalCount } }`, { code: 'BAD_USER_INPUT', argument: 'after' });
        await refused(`{ transferRoutes(from: "JP", to: "UA", options: { orderBy: RECENT }, after: "${routeCursor}") { totalCount } }`, { code: 'BAD_USER_INPUT', argument: 'after' });
        expect(routeReads).toBe(readsBefore);
        await refused(`{ backfillCandidates(recipient: "UA", years: 6) { declared } }`, { code: 'BAD_USER_INPUT', argument: 'years' });
        await refused(`{ backfillCandidates(recipient: "UA", first: 0) { declared } }`, { code: 'BAD_USER_INPUT', argument: 'first' });
        await refused(`{ backfillCandidates(recipient: "Ukrane") { declared } }`, { code: 'NOT_FOUND', argument: 'recipient' });
        // One successful question above read transfers (the cursor's own); no refused one did.
        expect(routeReads).toBe(before + 1);
      });

      it('costs a routes query by its page, its chains’ page and its hops’ transfers’ page', async () => {
        const before = routeReads;
        const costly = await fails(`{ transferRoutes(from: "JP", to: "UA", first: 100) {
          nodes { chains(first: 100) { nodes { hops { transfer { id } } } } hops { transfers(first: 100) { nodes { id } } } } } }`);
        expect(costly.status).toBe(400);
        expect(costly.error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 10000 });
        expect(routeReads).toBe(before);
        const dashboard = await ok(`{ transferRoutes(from: "JP", to: "UA", first: 20, options: { maxHops: 6 }) {
          nodes { chains(first: 20) { nodes { hops { transfer { id } } } } hops { transfers(first: 5) { nodes { id } } } } } }`);
        expect(dashboard.transferRoutes.nodes).toHaveLength(1);
      });

      describe('on the SIPRI excerpt joined with the seed', () => {
        withSipriExcerpt(() => store);

        it('Germany → Ukraine: direct, and through Czechia (Leopards in, T-72s and more out)', async () => {
          const data = await ok(`{ transferRoutes(from: "Germany", to: "Ukraine", first: 20) { totalCount complete nodes { ${ROUTE_FIELDS} } } }`);
          const { totalCount, complete, nodes } = data.transferRoutes;
          expect([totalCount, complete, nodes.map((r: any) => r.id)]).toEqual([2, true, ['DE>UA', 'DE>CZ>UA']]);
          const [direct, viaCzechia] = nodes;
          // Six German deals with Ukraine; the weakest hop of the Czech route is the one Leopard deal (14 tanks, TIV 22.4).
          expect([direct.hops[0].deals, direct.chains.totalCount, direct.witness.hops.map((h: any) => h.transfer.id)]).toEqual([6, 6, ['transfer:sipri-66287']]);
          expect(viaCzechia.score).toBe(22.4);
          expect(viaCzechia.hops.map((h: any) => [h.from.id, h.to.id, h.deals, h.units, h.tiv, h.span, h.categories, h.transfers.totalCount])).toEqual([
            ['DE', 'CZ', 1, 14, 22.4, { earliest: '2022-01-01', latest: '2023-12-31' }, ['Armoured vehicles'], 1],
            ['CZ', 'UA', 6, 132, 129.44, { earliest: '2014-01-01', latest: '2023-12-31' }, ['Armoured vehicles', 'Artillery'], 6],
          ]);
          // The hop's transfers in time order: the BMP-1 deal of 2014–2018 first, then the 2022 T-72 deals by id.
          expect(viaCzechia.hops[1].transfers.nodes).toEqual([{ id: 'transfer:sipri-61791' }, { id: 'transfer:sipri-39573' }]);
          expect(viaCzechia.chains).toEqual({ totalCount: 6, nodes: Array(5).fill({ length: 2 }) });
          expect(viaCzechia.witness.hops.map((h: any) => h.transfer.id)).toEqual(['transfer:sipri-65515', 'transfer:sipri-61791']);
          expect(viaCzechia.checks).toEqual([]);
        });

        it('Australia → Ukraine a route at a time: the pages make the full listing; a cursor of another question is refused', async () => {
          const query = `query Page($after: String, $orderBy: RouteOrderBy) { transferRoutes(from: "AU", to: "UA", first: 1, after: $after, options: { orderBy: $orderBy }) {
            totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
          for (const [orderBy, expected] of [['EVIDENCE', ['AU>UA', 'AU>NL>UA', 'AU>JP>US>UA']], ['RECENT', ['AU>UA', 'AU>JP>US>UA', 'AU>NL>UA']]] as const) {
            const ids: string[] = [];
            let after: string | null = null;
            for (;;) {
              const page: any = (await ok(query, { after, orderBy })).transferRoutes;
              expect(page.totalCount).toBe(3);
              expect(page.pageInfo.hasPreviousPage).toBe(ids.length > 0);
              ids.push(...page.edges.map((e: any) => e.node.id));
              if (!page.pageInfo.hasNextPage) break;
              after = page.pageInfo.endCursor;
            }
            expect(ids).toEqual(expected);
          }
          const cursor = (await ok(query, { after: null, orderBy: 'EVIDENCE' })).transferRoutes.pageInfo.endCursor;
          expect((await fails(query, { after: cursor, orderBy: 'RECENT' })).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
          expect((await fails(`{ transferRoutes(from: "DE", to: "UA", after: "${cursor}") { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
        });

        it('filters over HTTP: via, avoid, categories, minDeals, minTiv', async () => {
          const data = await ok(`{
            via: transferRoutes(from: "AU", to: "UA", options: { via: ["Japan"] }) { nodes { id } }
            avoid: transferRoutes(from: "AU", to: "UA", options: { avoid: ["Netherlands"] }) { nodes { id } }
            armour: transferRoutes(from: "AU", to: "UA", options: { categories: ["Armoured vehicles"] }) { nodes { id hops { deals tiv units } } }
            deals: transferRoutes(from: "AU", to: "UA", options: { minDeals: 2 }) { nodes { id } }
            tiv: transferRoutes(from: "AU", to: "UA", options: { minTiv: 5 }) { nodes { id } }
          }`);
          const ids = (k: string) => data[k].nodes.map((r: any) => r.id);
          expect([ids('via'), ids('avoid'), ids('deals'), ids('tiv')]).toEqual([['AU>JP>US>UA'], ['AU>UA', 'AU>JP>US>UA'], ['AU>UA'], ['AU>UA', 'AU>NL>UA']]);
          expect(data.armour.nodes).toEqual([{ id: 'AU>UA', hops: [{ deals: 1, tiv: 16.8, units: 120 }] }]);
        });

        it('backfillCandidates into Ukraine: the declared link, then Leopards to Czechia for its T-72s', async () => {
          const data = await ok(`{ backfillCandidates(recipient: "UA") { via { id } from { id } declared fit itemClass replenished { deals tiv } delivered { deals tiv units } } }`);
          expect(data.backfillCandidates).toEqual([
            { via: { id: 'US' }, from: { id: 'JP' }, declared: true, fit: 1, itemClass: 'SAM', replenished: { deals: 1, tiv: null }, delivered: { deals: 1, tiv: null, units: null } },
            { via: { id: 'CZ' }, from: { id: 'DE' }, declared: false, fit: 1, itemClass: 'tank', replenished: { deals: 1, tiv: 22.4 }, delivered: { deals: 4, tiv: 82.58, units: 56 } },
          ]);
        });
      });
    });

    describe('transferStats', () => {
      it('groups the seed’s transfers by supplier and year, with names as labels', async () => {
        const data = await ok(`{ transferStats(filter: { system: "Patriot" }, groupBy: [SUPPLIER, YEAR]) { key labels transfers units tivDelivered } }`);
        expect(data.transferStats).toEqual([
          { key: ['JP', '2024'], labels: ['Japan', '2024'], transfers: 1, units: null, tivDelivered: null },
          { key: ['US', '2023'], labels: ['United States', '2023'], transfers: 1, units: null, tivDelivered: null },
          { key: ['unknown:supplier', '2023'], labels: ['Unknown supplier', '2023'], transfers: 1, units: null, tivDelivered: null },
        ]);
        expect((await fails(`{ transferStats(groupBy: []) { key } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
      });
    });

    describe('transferTrends, dependence and deliveryLags', () => {
      const P = 'periods: [{ from: "2015", to: "2019" }, { from: "2020", to: "2024" }]';
      it('on the seed alone: no TIV, so empty trends, whatever the articles say', async () => {
        const data = await ok(`{ transferTrends(by: SUPPLIER, ${P}) { universe periods { period tiv change groups } groups { key } groupCount } }`);
        expect(data.transferTrends).toEqual({
          universe: 'WORLD',
          periods: [{ period: '2015/2019', tiv: 0, change: null, groups: 0 }, { period: '2020/2024', tiv: 0, change: null, groups: 0 }],
          groups: [], groupCount: 0,
        });
      });

      describe('on the SIPRI excerpt joined with the seed', () => {
        withSipriExcerpt(() => store);

        it('answers exactly what the question modules answer, with names', async () => {
          const periods = [{ from: '2015', to: '2019' }, { from: '2020', to: '2024' }];
          const data = await ok(`{
            t: transferTrends(by: RECIPIENT, ${P}, top: 5) { by universe periods { period from to tiv change groups } groups { key label cells { period tiv share change rank } } groupCount }
            d: dependence(actor: "Ukraine", ${P}, top: 3) { actor { id name } role periods { period tiv hhi mainChanged main { key label share } } partners { key label } partnerCount }
            l: deliveryLags(by: CATEGORY, top: 3) { by orderedFrom orderedTo all { deals toFirst { median p90 } toLast { median p90 } } groups { key label deals } groupCount }
          }`);
          const q = ask(store);
          expect(data.t).toEqual(await q.transferTrends({ by: 'RECIPIENT', periods, top: 5 }));
          const d = await q.dependence('Ukraine', { periods, top: 3 });
          expect(data.d.actor).toEqual({ id: 'UA', name: 'Ukraine' });
          expect(data.d.periods).toEqual(d.periods.map((p) => ({ period: p.period, tiv: p.tiv, hhi: p.hhi, mainChanged: p.mainChanged, main: p.main })));
          expect(data.d.partners).toEqual(d.partners.map((p) => ({ key: p.key, label: p.label })));
          expect(data.d.periods[1].main.label).toBeTypeOf('string');
          const l = await q.deliveryLags({ by: 'CATEGORY', top: 3 });
          expect(data.l).toEqual({ ...l, groups: l.groups.map((g) => ({ key: g.key, label: g.label, deals: g.deals })) });
          expect(data.l.all.deals).toBeGreaterThan(0);
        });
      });
    });

    describe('reconcile', () => {
      beforeAll(async () => {
        const seed = await loadSeedDir(SEED_DIR);
        const { dataset } = await importSipri(SIPRI_EXCERPT, { reservedSystemIds: seed.systems.map((x) => x.id) });
        await store.load(mergeDatasets(mergeDatasets(seed, dataset), (await importKiel(KIEL_EXCERPT)).dataset));
      });
      afterAll(async () => {
        await store.load(await loadSeedDir(SEED_DIR));
      });

      it('answers what the question module answers, with names, sources and citations', async () => {
        const data = await ok(`{
          reconcile(recipient: "Ukraine", by: FAMILY, donors: ["Germany", "US"]) {
            recipient { id } by sources
            rows {
              donor { id name } group label unit status committed delivered difference agreement counting note sources
              commitments { id source count text citations { locator source { id } } }
              deliveries { id source count }
              deliveredByYear { year units estimated transfers }
              claims { id role supplier { id } recipient { id } status kind quantity citations { quote } }
              corroborates { from fromSource to toSource }
            }
          }
        }`);
        const answer = await ask(store).reconcile('Ukraine', { by: 'FAMILY', donors: ['Germany', 'US'] });
        expect(data.reconcile.rows.map((r: { donor: { id: string }; group: string; unit: string; status: string; committed: number | null; delivered: number | null }) =>
          [r.donor.id, r.group, r.unit, r.status, r.committed, r.delivered]))
          .toEqual(answer.rows.map((r) => [r.donor, r.group, r.unit, r.status, r.committed, r.delivered]));
        const patriot = data.reconcile.rows.find((r: { donor: { id: string }; group: string; unit: string }) => r.donor.id === 'DE' && r.group === 'system:patriot' && r.unit === 'air defence system');
        expect(patriot).toMatchObject({
          donor: { name: 'Germany' }, status: 'PARTLY_DELIVERED', committed: 5, delivered: 3, difference: 2, agreement: 'DISAGREES', sources: ['KIEL', 'SIPRI'],
          commitments: [{ source: 'KIEL', count: 5, citations: [{ locator: 'weapons.csv:2', source: { id: 'source:kiel-ust-release-29' } }] }],
        });
        const backfill = data.reconcile.rows.flatMap((r: { claims: { role: string }[] }) => r.claims).find((c: { role: string }) => c.role === 'BACKFILL');
        expect(backfill).toMatchObject({ id: 'transfer:jp-us-patriot-missiles-2024', supplier: { id: 'JP' }, recipient: { id: 'US' }, kind: 'BACKFILL', quantity: 'dozens' });
        const { aidCommitment } = await ok(`{ aidCommitment: node(id: "aid:kiel-de-air-defense-patriot-air-defense-battery") { ... on AidCommitment { source amountUsd { min } system { id } quantity { exact } kiel { file line item category } } } }`);
        expect(aidCommitment).toEqual({ source: 'KIEL', amountUsd: null, system: { id: 'system:patriot' }, quantity: { exact: 5 }, kiel: { file: 'weapons.csv', line: 2, item: 'Patriot air defense battery', category: 'Air Defense' } });
        const { month } = await ok(`{ month: node(id: "aid:kiel-jp-2022-03") { ... on AidCommitment { amountEur { min max } categories date { edtf precision } kiel { kind month figuresEur { total financial humanitarian military } } } } }`);
        // data_explorer.csv: "Japan","JPN",2022,3,0.139641,0.090753,0.048888,0,… (EUR billions)
        expect(month).toEqual({
          amountEur: { min: 139641000, max: 139641000 }, categories: ['FINANCIAL', 'HUMANITARIAN'], date: { edtf: '2022-03', precision: 'MONTH' },
          kiel: { kind: 'MONTHLY', month: '2022-03', figuresEur: { total: 139641000, financial: 90753000, humanitarian: 48888000, military: 0 } },
        });
      });

      it('refuses a bad source or recipient, naming the argument', async () => {
        expect((await fails('{ reconcile(recipient: "Ukraine", sources: [WIKI]) { by } }')).status).toBe(400);
        const unknown = await fails('{ reconcile(recipient: "Ukrain") { by } }');
        expect(unknown.error.extensions?.code).toBe('NOT_FOUND');
      });
    });

    describe('exports', () => {
      it('GraphQL export and GET /export give the same selection, with the download name and content type', async () => {
        const data = await ok(`{ export(format: GEXF, around: ["Japan"], depth: 2) { format url files { name contentType content } } }`);
        const [file] = data.export.files;
        expect(file.name).toBe('armsgraph-JP-d2.gexf');
        expect(file.contentType).toBe('application/gexf+xml; charset=utf-8');
        expect(data.export.url).toBe('/export?format=gexf&around=JP&depth=2');
        const res = await fetch(`${server.url}${data.export.url}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe('attachment; filename="armsgraph-JP-d2.gexf"');
        expect(await res.text()).toBe(file.content);
        expect(file.content).toContain('<gexf xmlns="http://gexf.net/1.3"');
        expect(file.content.match(/<node /g)).toHaveLength(3);
        expect(file.content.match(/<edge /g)).toHaveLength(2);
      });

      it('exports the whole graph as JSON and CSV in two parts', async () => {
        const data = await ok(`{ json: export(format: JSON) { files { name content } } csv: export(format: CSV, around: ["UA"]) { url files { name } } }`);
        const graph = JSON.parse(data.json.files[0].content);
        expect(data.json.files[0].name).toBe('armsgraph-all.json');
        expect(graph.nodes).toHaveLength(10);
        expect(graph.edges).toHaveLength(3);
        expect(data.csv.files.map((f: any) => f.name)).toEqual(['armsgraph-UA-d1-nodes.csv', 'armsgraph-UA-d1-relationships.csv']);
        const rels = await fetch(`${server.url}/export?format=csv&around=UA&part=relationships`);
        expect(rels.headers.get('content-disposition')).toBe('attachment; filename="armsgraph-UA-d1-relationships.csv"');
        expect((await rels.text()).split('\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
      });

      it('answers a bad format 400 and an unknown actor 404, naming the problem', async () => {
        const bad = await fetch(`${server.url}/export?format=pdf`);
        expect(bad.status).toBe(400);
        expect(await bad.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'format must be one of graphml, gexf, json, csv, cypher, got "pdf"' } });
        const unknown = await fetch(`${server.url}/export?format=gexf&around=Atlantis`);
        expect(unknown.status).toBe(404);
        expect(((await unknown.json()) as any).error.code).toBe('NOT_FOUND');
        expect((await fails(`{ export(format: GEXF, around: ["Atlantis"]) { url } }`)).error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'around[0]' });
      });
    });

    describe('pagination', () => {
      it('round-trips cursors with totalCount and a last page', async () => {
        const query = `query Page($after: String) { timeline(first: 5, after: $after) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
        const ids: string[] = [];
        let after: string | null = null;
        let total = -1;
        let pages = 0;
        for (;;) {
          const page: any = (await ok(query, { after })).timeline;
          if (total < 0) total = page.totalCount;
          expect(page.totalCount).toBe(total);
          expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
          expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
          ids.push(...page.edges.map((e: any) => e.node.id));
          pages += 1;
          if (!page.pageInfo.hasNextPage) {
            expect(page.edges.length).toBe(total - 5 * (pages - 1));
            break;
          }
          after = page.pageInfo.endCursor;
        }
        expect(total).toBe(16);
        expect(pages).toBe(4);
        expect(new Set(ids).size).toBe(total);
        const all = await ok(`{ timeline(first: 100) { nodes { id } } }`);
        expect(ids).toEqual(all.timeline.nodes.map((n: any) => n.id));
      });
    });

    describe('errors carry extensions.code', () => {
      it('an unknown actor in transferPaths is NOT_FOUND with suggestions, and never reaches the path query', async () => {
        const before = pathCalls;
        const { error } = await fails(`{ transferPaths(from: "Japn", to: "Ukraine") { truncated } }`);
        expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from', suggestions: ['Japan', 'JPN', 'JP'] });
        expect(pathCalls).toBe(before);
      });

      it('maxHops: 50 is BAD_USER_INPUT and never reaches the store', async () => {
        const before = pathCalls;
        const { error } = await fails(`{ transferPaths(from: "Japan", to: "Ukraine", options: { maxHops: 50 }) { truncated } }`);
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'options.maxHops' });
        expect(error.message).toBe('options.maxHops: maxHops must be an integer from 1 to 6, got 50');
        expect(pathCalls).toBe(before);
      });

      it('bad ids, dates and page sizes are BAD_USER_INPUT naming the argument', async () => {
        expect((await fails(`{ transfers(first: 101) { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
        expect((await fails(`{ timeline(after: "not-a-cursor") { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
        expect((await fails(`{ transferCheck(supplier: "JP", recipient: "UA", on: "2024-13-01") { verdict } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'on' });
        expect((await fails(`{ timeline(filter: { between: { from: "soon" } }) { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.between.from' });
        expect((await fails(`{ transfers(filter: { knownAt: "yesterday" }) { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.knownAt' });
        expect((await fails(`{ transfers(filter: { system: "Patriott" }) { totalCount } }`)).error.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: ['Patriot'] });
        expect((await fails(`{ subgraph(around: ["JP"], depth: 9) { actors { id } } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
        expect((await fails(`{ search(text: "...") { name } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
        expect((await fails(`{ actors(filter: { text: "'}{)" }) { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
        expect((await fails(`{ systems(filter: { text: "" }) { totalCount } }`)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
        expect((await fails(`{ transferCheck(supplier: "JP", recipient: "Narnia") { verdict } }`)).error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'recipient' });
        // Arguments are looked up side by side; with several wrong, the first in order is reported, every time.
        for (let i = 0; i < 5; i += 1) {
          expect((await fails(`{ transferPaths(from: "Narnia", to: "Atlantis", options: { system: "Excalibur" }) { truncated } }`)).error.extensions)
            .toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
        }
        expect((await fails(`{ transferPaths(from: "JP", to: "Atlantis", options: { system: "Excalibur" }) { truncated } }`)).error.extensions)
          .toMatchObject({ code: 'NOT_FOUND', argument: 'to' });
      });

      it('rejects queries that are too deep or too costly before running them', async () => {
        const deep = `{ actor(id: "JP") { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } } } } } } } } }`;
        const tooDeep = await fails(deep);
        expect(tooDeep.status).toBe(400);
        expect(tooDeep.error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(tooDeep.error.message).toMatch(/exceeds maximum operation depth/);
        const before = pathCalls;
        const costly = await fails(`{
          a: transferPaths(from: "JP", to: "UA", options: { limit: 100, maxHops: 6 }) { paths { hops { transfer { id } } } }
          b: timeline(first: 100) { nodes { actors { transfersOut(first: 100) { nodes { id } } } } }
        }`);
        expect(costly.status).toBe(400);
        expect(costly.error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 10000 });
        expect(costly.error.extensions.cost).toBeGreaterThan(10000);
        expect(pathCalls).toBe(before);
      });

      it('costs one document anew when its size variables change (a cached cost never leaks)', async () => {
        const doc = `query Q($from: ID!, $n: Int!) {
          a: transferPaths(from: $from, to: "UA", options: { limit: $n, maxHops: 6 }) { paths { hops { transfer { id } } } }
          b: timeline(first: $n) { nodes { actors { transfersOut(first: $n) { nodes { id } } } } }
        }`;
        await ok(doc, { from: 'JP', n: 1 });
        const costly = await fails(doc, { from: 'JP', n: 100 });
        expect(costly.error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 10000 });
        await ok(doc, { from: 'US', n: 2 });
        expect((await fails(doc, { from: 'US', n: 100 })).error.extensions.code).toBe('QUERY_TOO_COMPLEX');
      });

      it('rejects a CSRF-style simple request and oversized batches', async () => {
        const simple = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ stats { actors } }')}`);
        expect(simple.status).toBe(400);
        expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
        const form = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ stats { actors } }"}' });
        expect(form.status).toBe(400);
        const preflighted = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ stats { actors } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
        expect(await preflighted.json()).toEqual({ data: { stats: { actors: 10 } } });
        const op = { query: '{ stats { actors } }' };
        const batch = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array(6).fill(op)) });
        expect(batch.status).toBe(400);
        expect(((await batch.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
        const small = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array(5).fill(op)) });
        expect(await small.json()).toEqual(Array(5).fill({ data: { stats: { actors: 10 } } }));
      });

      it('health probes report the store', async () => {
        expect(await (await fetch(`${server.url}/health/live`)).json()).toEqual({ status: 'ok' });
        const ready = await fetch(`${server.url}/health/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', store: name, stats: { transfers: 3 } });
      });
    });
  });
}
