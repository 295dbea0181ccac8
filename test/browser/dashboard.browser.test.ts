// The dashboard in headless chromium: on the seed (the Patriot story: routes, chains, timeline, details, export,
// shared URLs, offline) and on the seed + the SIPRI export (Germany → Ukraine routes, a selected route's chains and
// its deals' deliveries by year, keyboard), with axe-core's accessibility checks on both.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { buildWeb } from '../../tools/build-web.mjs';
import { SEED_DIR } from '../contract/graph-store.contract.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { AXE_NOTE, axeIt, axeViolations, openPage, pageRecord, SCREENSHOTS, seedAndSipriStore, SHOTS_DIR, SIPRI_CSV } from './dashboard-page.js';

const POLICY_CHANGE = 'Japan changes its arms-export rules to allow transfers of weapons';
const WSJ_QUOTE = 'U.S. officials told The Wall Street Journal (WSJ) that Japan plans to send dozens of Patriot missiles';
const JP_US = 'transfer:jp-us-patriot-missiles-2024';
const STORY = '?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2023/2024';

describe.runIf(browserAvailable())('dashboard in headless chromium', () => {
  let browser: Browser;
  /** Requests that tried to leave 127.0.0.1 (blocked), page errors and the paths asked for, over every page of the suite. */
  const record = pageRecord();

  beforeAll(async () => {
    await buildWeb({ quiet: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a URL of a server (or a whole URL) in a fresh context, recording what leaves 127.0.0.1. */
  function open(base: string, url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    return openPage(browser, record, url.startsWith('http') ? url : `${base}${url}`, viewport);
  }

  async function ready(page: Page): Promise<void> {
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('#status').getAttribute('data-state'), (await page.locator('#status').textContent()) ?? '').toBe('ok');
  }

  async function controlValues(page: Page): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const id of ['from', 'to', 'system', 'order', 'hops', 'win-from', 'win-to']) values[id] = await page.locator(`#${id}`).inputValue();
    return values;
  }

  /** Picks a search hit for a use (from, to, system), as a user would. */
  async function pick(page: Page, text: string, use: 'from' | 'to' | 'system', id: string): Promise<void> {
    await page.fill('#search', text);
    const button = page.locator(`#search-results button[data-use="${use}"][data-id="${id}"]`);
    await button.waitFor({ timeout: 10_000 });
    await button.click();
    expect(await page.locator(`#${use}`).inputValue()).toBe(id);
  }

  /** Presses Tab until the focused element matches `selector` (at most `max` presses); returns what was passed on the way. */
  async function tabTo(page: Page, selector: string, max = 120): Promise<string[]> {
    const passed: string[] = [];
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      const here = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el) return null;
        return { match: el.matches(${JSON.stringify(selector)}), what: el.tagName + '.' + el.className + (el.dataset.route ? '[' + el.dataset.route + ']' : '') };
      })()`)) as { match: boolean; what: string } | null;
      if (here?.match) return passed;
      if (here) passed.push(here.what);
    }
    throw new Error(`Tab never reached ${selector} in ${max} presses; passed ${passed.slice(-10).join(', ')}`);
  }

  /** The focused element shows a visible focus ring (the :focus-visible outline). */
  async function focusVisible(page: Page): Promise<boolean> {
    return (await page.evaluate(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    })()`)) as boolean;
  }

  describe('on the seed', () => {
    let server: RunningServer;
    let sharedUrl = '';

    beforeAll(async () => {
      const store = new MemoryStore();
      await store.load(await loadSeedDir(SEED_DIR));
      server = await startServer(store);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('opens on the seed story (Japan → Ukraine for Patriot), every control labelled, export links set', async () => {
      const page = await open(server.url, '/');
      await ready(page);
      expect(await page.locator('#app').getAttribute('data-story')).toBe('default');
      expect(new URL(page.url()).search).toBe(STORY);
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      expect(await page.locator('#routes > li.route').count()).toBe(1);
      expect(await page.evaluate('[...document.querySelectorAll("#controls input, #controls select, #search")].every((el) => el.labels.length > 0)')).toBe(true);
      expect(await page.locator('a.export[data-format="gexf"]').getAttribute('href')).toBe('/export?format=gexf&around=JP,US,UA&depth=1');
      await page.close();
    });

    axeIt(`passes axe-core: no serious or critical violation on the seed story${AXE_NOTE}`, async () => {
      const page = await open(server.url, `/${STORY}`);
      await ready(page);
      await page.waitForSelector('#app[data-route-state="ready"]');
      expect(await axeViolations(page)).toEqual([]);
      // And with a transfer's details open.
      await page.click(`#chains button.hop[data-transfer="${JP_US}"]`);
      await expect.poll(async () => (await page.locator('#details').textContent()) ?? '', { timeout: 10_000 }).toContain(WSJ_QUOTE);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it('draws Japan → United States → Ukraine for Patriot: one route, its chain and rules, the three actors highlighted', async () => {
      const page = await open(server.url, '/');
      await ready(page);
      await pick(page, 'Japan', 'from', 'JP');
      await pick(page, 'Ukraine', 'to', 'UA');
      await pick(page, 'Patriot', 'system', 'system:patriot');
      await page.selectOption('#order', 'TIME_RESPECTING');
      await page.fill('#win-from', '2023');
      await page.fill('#win-to', '2024');
      // Keyboard: Enter in a field submits the form.
      await page.focus('#to');
      await page.keyboard.press('Enter');
      await ready(page);
      await page.waitForSelector('#app[data-route-state="ready"]');

      const graph = page.locator('#graph');
      expect(await graph.getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      expect(await graph.getAttribute('data-highlighted-edges')).toBe('JP->US,US->UA');
      expect(await page.locator('#graph canvas').count()).toBeGreaterThanOrEqual(3);
      expect(Number(await graph.getAttribute('data-renders'))).toBeGreaterThan(0);
      expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(3);

      expect(await page.locator('#routes-summary').textContent()).toBe('1 route (complete)');
      const routes = page.locator('#routes > li.route');
      expect(await routes.count()).toBe(1);
      expect(await routes.first().locator('.route-actors').textContent()).toBe('Japan → United States → Ukraine');
      expect(await routes.first().locator('.route-rule').allTextContents()).toEqual(['requires consent (hop 2)', 'prohibited (direct route)']);
      expect(await page.locator('#more-routes').isVisible()).toBe(false);
      // The selected route's chains, in the details: one, hop by hop.
      const details = page.locator('#details');
      expect(await details.getAttribute('data-route')).toBe('JP>US>UA');
      const hops = page.locator('#chains > li.chain button.hop');
      expect(await hops.allTextContents()).toEqual([
        expect.stringContaining('Patriot missile · PLANNED · 2024-01/..'),
        expect.stringContaining('Patriot missile · POTENTIAL · 2023-12-22/..'),
      ]);
      // The rules bearing on the route are listed with it, each naming its restriction.
      const checks = await details.locator('.rules .check').allTextContents();
      expect(checks).toEqual([expect.stringMatching(/^requires consent \(hop 2\)/), expect.stringMatching(/^prohibited \(direct route\)/)]);
      expect(await details.locator('.rules .check button[data-restriction="restriction:jp-reexport-consent"]').count()).toBe(1);
      // The graph's selection as buttons: the route's actors and hops.
      expect(await page.locator('#route-strip button').allTextContents()).toEqual(['Japan', '→ 1 deal →', 'United States', '→ 1 deal →', 'Ukraine']);

      expect(new URL(page.url()).search).toBe(STORY);
      sharedUrl = page.url();
      await page.close();
    });

    it("shows the route's deals in a lane per hop, the Dec 22 policy change, imprecise dates as ranges, open ends clipped", async () => {
      const page = await open(server.url, sharedUrl);
      await ready(page);
      const timeline = page.locator('#timeline');
      expect(await timeline.getAttribute('data-lanes')).toBe('hop-1,hop-2,events,rules');
      expect((await timeline.getAttribute('data-deals'))?.split(',')).toEqual([JP_US, 'transfer:us-ua-patriot-missiles-potential']);
      expect(await page.locator('#timeline .vis-label').first().textContent()).toBe('Japan → United States');
      const policy = page.locator('#timeline .vis-item', { hasText: POLICY_CHANGE });
      expect(await policy.count()).toBe(1);
      expect(await policy.getAttribute('class')).toContain('vis-point');
      // "as early as the beginning of 2024", open-ended: a range clipped at the window's end, marked ▸.
      const backfill = page.locator('#timeline .vis-item', { hasText: 'Patriot missile (planned, backfill)' });
      expect(await backfill.getAttribute('class')).toEqual(expect.stringMatching(/vis-range.*clipped-end|clipped-end.*vis-range/));
      expect(await backfill.textContent()).toContain('▸');
      await page.close();
    });

    it('selecting a chain hop shows its quote, and selects its edge and timeline entry; the timeline selects back', async () => {
      const page = await open(server.url, sharedUrl);
      await ready(page);
      await page.click(`#chains button.hop[data-transfer="${JP_US}"]`);
      const details = page.locator('#details');
      await expect.poll(async () => (await details.textContent()) ?? '', { timeout: 10_000 }).toContain(WSJ_QUOTE);
      expect(await details.getAttribute('data-id')).toBe(JP_US);
      expect(await details.textContent()).toContain('The Kyiv Independent');
      expect(await page.locator('#graph').getAttribute('data-selected-edges')).toBe('JP->US');
      expect((await page.locator('#timeline').getAttribute('data-selected'))?.split(',')).toContain(JP_US);
      expect(await page.locator('#route-strip button.strip-hop[aria-current="true"]').getAttribute('data-edge')).toBe('JP->US');
      expect(new URL(page.url()).searchParams.get('sel')).toBe(JP_US);
      if (SCREENSHOTS) {
        mkdirSync(SHOTS_DIR, { recursive: true });
        await page.waitForSelector('#graph[data-layout="done"]', { timeout: 10_000 });
        await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-paths.png') });
      }
      sharedUrl = page.url();

      // An event in the timeline selects its actors in the graph.
      await page.locator('#timeline .vis-item', { hasText: POLICY_CHANGE }).click();
      await expect.poll(async () => (await details.getAttribute('data-id')) ?? '', { timeout: 10_000 }).toBe('event:jp-export-rules-2023-12-22');
      expect(await details.textContent()).toContain('Japan changed its laws regarding arms exports');
      expect(await page.locator('#graph').getAttribute('data-selected-nodes')).toBe('JP');
      if (SCREENSHOTS) {
        await page.mouse.move(5, 5); // no tooltip over the timeline
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-timeline.png') });
      }
      // Back to the route: its chains again, nothing selected.
      await details.locator('button.back').click();
      expect(await details.getAttribute('data-view')).toBe('route');
      expect(await page.locator('#graph').getAttribute('data-selected-nodes')).toBe('');
      expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
      await page.close();
    });

    it('clicking a hop on the graph selects its transfer, and an actor selects its timeline entries', async () => {
      const page = await open(server.url, sharedUrl.replace(/&sel=[^&]*/, ''));
      await ready(page);
      await page.waitForSelector('#graph[data-layout="done"]', { timeout: 15_000 });
      const positions = JSON.parse((await page.locator('#graph').getAttribute('data-path-positions')) ?? '{}') as Record<string, [number, number]>;
      const box = (await page.locator('#graph').boundingBox())!;
      const at = (id: string) => ({ x: box.x + positions[id]![0], y: box.y + positions[id]![1] });
      // The middle of the Japan → United States edge.
      const jp = at('JP');
      const us = at('US');
      await page.mouse.click((jp.x + us.x) / 2, (jp.y + us.y) / 2);
      const details = page.locator('#details');
      await expect.poll(async () => (await details.textContent()) ?? '', { timeout: 10_000 }).toContain(WSJ_QUOTE);
      expect(await page.locator('#graph').getAttribute('data-selected-edges')).toBe('JP->US');
      expect(await page.locator('#route-strip button.strip-hop[aria-current="true"]').getAttribute('data-edge')).toBe('JP->US');
      // The United States node: its details, and the timeline entries it takes part in. (Two clicks in quick
      // succession would be a double click, which zooms.)
      await page.waitForTimeout(500);
      await page.mouse.click(us.x, us.y);
      await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe('US');
      expect(await page.locator('#graph').getAttribute('data-selected-nodes')).toBe('US');
      expect(await page.locator('#route-strip button.strip-actor[aria-current="true"]').getAttribute('data-id')).toBe('US');
      expect((await page.locator('#timeline').getAttribute('data-selected'))?.split(',')).toEqual(expect.arrayContaining([JP_US, 'transfer:us-ua-patriot-missiles-potential']));
      await page.close();
    });

    it('reaches the route, its actors and hops, and the timeline entries from the keyboard', async () => {
      const page = await open(server.url, sharedUrl.replace(/&sel=[^&]*/, ''));
      await ready(page);
      await page.focus('#show');
      // The graph's selection as buttons: Tab to the route's second hop, Space selects it.
      const passed = await tabTo(page, '#route-strip button.strip-hop[data-hop="2"]');
      expect(passed).toEqual(expect.arrayContaining(['BUTTON.strip-actor']));
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Space');
      const details = page.locator('#details');
      await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe('hop:2');
      expect(await page.locator('#graph').getAttribute('data-selected-edges')).toBe('US->UA');
      expect(await details.locator('.deal-list button[data-id="transfer:us-ua-patriot-missiles-potential"]').count()).toBe(1);
      // On to the route itself, then to a timeline entry: Enter selects it.
      await tabTo(page, '#routes button.route-pick[data-route="JP>US>UA"]');
      expect(await focusVisible(page)).toBe(true);
      await tabTo(page, '#timeline button.tl-item');
      expect(await focusVisible(page)).toBe(true);
      const item = (await page.evaluate('document.activeElement.dataset.id')) as string;
      await page.keyboard.press('Enter');
      expect(await page.locator('#timeline').getAttribute('data-selected')).toBe(item);
      await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe(item.replace(/#status-\d+$/, ''));
      // → steps to the next entry in time.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate('document.activeElement.matches("#timeline button.tl-item") && document.activeElement.dataset.id')).not.toBe(false);
      expect(await page.evaluate('document.activeElement.dataset.id')).not.toBe(item);
      await page.close();
    });

    it('links GEXF export of the selected route, which downloads a GEXF document', async () => {
      const page = await open(server.url, sharedUrl);
      await ready(page);
      const link = page.locator('a.export[data-format="gexf"]');
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toBe('/export?format=gexf&around=JP,US,UA&depth=1');
      expect(await link.getAttribute('download')).toBe('');
      // Fetched from the page, as the link would be; parsed by the browser's XML parser.
      const result = (await page.evaluate(`fetch(${JSON.stringify(href)}).then(async (r) => {
        const text = await r.text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { status: r.status, disposition: r.headers.get('content-disposition'), root: doc.documentElement.localName,
          parseError: doc.getElementsByTagName('parsererror').length > 0 };
      })`)) as { status: number; disposition: string | null; root: string; parseError: boolean };
      expect(result.status, 'GET /export answered (404 until the export endpoint exists)').toBe(200);
      expect(result.disposition).toMatch(/^attachment/);
      expect(result.parseError).toBe(false);
      expect(result.root).toBe('gexf');
      await page.close();
    });

    it('restores the same view from a shared URL in a fresh page', async () => {
      const first = await open(server.url, sharedUrl);
      await ready(first);
      const expected = {
        highlighted: await first.locator('#graph').getAttribute('data-highlighted-nodes'),
        controls: await controlValues(first),
        details: await first.locator('#details').getAttribute('data-id'),
        url: first.url(),
      };
      await first.close();
      // A fresh context: nothing carried over but the URL.
      const page = await open(server.url, expected.url);
      await ready(page);
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe(expected.highlighted);
      expect(await controlValues(page)).toEqual(expected.controls);
      expect(expected.controls).toMatchObject({ from: 'JP', to: 'UA', system: 'system:patriot', order: 'TIME_RESPECTING', 'win-from': '2023', 'win-to': '2024' });
      await expect.poll(async () => await page.locator('#details').getAttribute('data-id'), { timeout: 10_000 }).toBe(expected.details);
      expect(expected.details).toBe(JP_US);
      expect(page.url()).toBe(expected.url);
      await page.close();
    });

    it('shows a server error and its code in the status line', async () => {
      const page = await open(server.url, '/?from=Japn&to=UA');
      await page.waitForSelector('#app[data-state="error"]', { timeout: 20_000 });
      const status = page.locator('#status');
      expect(await status.getAttribute('data-code')).toBe('NOT_FOUND');
      expect(await status.textContent()).toMatch(/Japn.*\(NOT_FOUND\)$/);
      await page.close();
    });

    it('fits a 1280×800 screen without page scrolling and a 390 px screen without sideways scrolling', async () => {
      const wide = await open(server.url, sharedUrl);
      await ready(wide);
      expect(await wide.evaluate('document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await wide.close();
      const narrow = await open(server.url, sharedUrl, { width: 390, height: 844 });
      await ready(narrow);
      expect(await narrow.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await narrow.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      if (SCREENSHOTS) {
        await narrow.waitForSelector('#graph[data-layout="done"]', { timeout: 10_000 });
        await narrow.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-narrow.png'), fullPage: true });
      }
      await narrow.close();
    });
  });

  describe.skipIf(!existsSync(SIPRI_CSV))('on the seed + the SIPRI export', () => {
    let server: RunningServer;
    /** Germany → Ukraine, at most 2 hops, time-respecting, 2022–2024. */
    const QUERY = '?from=Germany&to=Ukraine&order=TIME_RESPECTING&hops=2&between=2022/2024';
    const OPTIONS = { maxHops: 2, order: 'TIME_RESPECTING', between: { from: '2022', to: '2024' } };

    beforeAll(async () => {
      server = await startServer(await seedAndSipriStore());
    });
    afterAll(async () => {
      await server?.close();
    });

    /** The deals of each hop of Germany → Czechia → Ukraine as the API's route gives them, with their delivery years. */
    async function czechRoute(): Promise<{ hops: { from: string; to: string; deals: { id: string; years: number[] }[] }[]; chains: number }> {
      const { body } = await server.gql(
        `query($o: RouteOptions) { transferRoutes(from: "DE", to: "UA", options: $o, first: 1) { nodes { id chains(first: 0) { totalCount }
          hops { from { id } to { id } transfers(first: 100) { totalCount nodes { id sipri { deliveries { year } } } } } } } }`,
        { o: { ...OPTIONS, via: ['CZ'] } },
      );
      expect(body.errors).toBeUndefined();
      const route = body.data.transferRoutes.nodes[0];
      expect(route.id).toBe('DE>CZ>UA');
      return {
        chains: route.chains.totalCount,
        hops: route.hops.map((h: any) => {
          expect(h.transfers.nodes).toHaveLength(h.transfers.totalCount);
          return { from: h.from.id, to: h.to.id, deals: h.transfers.nodes.map((t: any) => ({ id: t.id, years: (t.sipri?.deliveries ?? []).map((d: any) => d.year) })) };
        }),
      };
    }

    it('lists Germany → Ukraine routes (2 hops, time-respecting, 2022–2024) with evidence bars, a page at a time', async () => {
      const page = await open(server.url, '/');
      await ready(page);
      await page.fill('#from', 'Germany');
      await page.fill('#to', 'Ukraine');
      await page.fill('#system', '');
      await page.selectOption('#order', 'TIME_RESPECTING');
      await page.selectOption('#hops', '2');
      await page.fill('#win-from', '2022');
      await page.fill('#win-to', '2024');
      await page.click('#show');
      await page.waitForURL((url) => url.search === QUERY);
      await ready(page);
      await page.waitForSelector('#app[data-route-state="ready"]');

      const summary = (await page.locator('#routes-summary').textContent()) ?? '';
      expect(summary).toMatch(/^\d+ routes \(complete\)$|^at least \d+ routes; search stopped after every route of up to \d hops?$/);
      const routes = page.locator('#routes > li.route');
      expect(await routes.count()).toBeGreaterThanOrEqual(8);
      const czech = page.locator('#routes > li.route[data-route="DE>CZ>UA"]');
      expect(await czech.locator('.route-actors').textContent()).toBe('Germany → Czechia → Ukraine');
      expect(await czech.locator('.hop-cell .bar').count()).toBe(2);
      expect(await page.locator('#routes-scale').textContent()).toMatch(/^Bars: TIV delivered in 2022–2024 per hop, relative to the largest hop listed \([\d,.]+ m\)\.$/);
      // The first route is selected: the timeline shows its deals only, never the actors' older deals.
      const first = await routes.first().getAttribute('data-route');
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe(first!.split('>').join(','));
      expect(await page.locator('#timeline').getAttribute('data-route')).toBe(first);
      expect(await page.locator('#timeline').textContent()).not.toContain('MILAN');
      if (SCREENSHOTS) {
        mkdirSync(SHOTS_DIR, { recursive: true });
        await page.waitForSelector('#graph[data-layout="done"]', { timeout: 15_000 });
        await page.mouse.move(5, 5);
        await page.screenshot({ path: path.join(SHOTS_DIR, 'routes-de-ua.png') });
      }
      // More routes: the next page, after the last cursor.
      const total = Number(summary.match(/\d[\d,]*/)![0].replace(/,/g, ''));
      const listed = await routes.count();
      if (listed < total) {
        await page.click('#more-routes');
        await expect.poll(() => routes.count(), { timeout: 10_000 }).toBe(Math.min(total, listed + 20));
        const ids = (await page.evaluate('[...document.querySelectorAll("#routes > li.route")].map((li) => li.dataset.route)')) as string[];
        expect(new Set(ids).size).toBe(ids.length);
      }
      await page.close();
    });

    it('selects Germany → Czechia → Ukraine from the keyboard: highlighted, its chains listed, its deals delivered by year', async () => {
      const expected = await czechRoute();
      const page = await open(server.url, `/${QUERY}`);
      await ready(page);
      await page.focus('#show');
      // Tab through the list to the route (past others), Enter selects it.
      const passed = await tabTo(page, '#routes button.route-pick[data-route="DE>CZ>UA"]');
      expect(passed.filter((w) => w.startsWith('BUTTON.route-pick')).length).toBeGreaterThanOrEqual(1);
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#app[data-route="DE>CZ>UA"][data-route-state="ready"]', { timeout: 20_000 });

      expect(await page.locator('#routes li.route.selected').getAttribute('data-route')).toBe('DE>CZ>UA');
      expect(await page.locator('#routes li.route.selected button.route-pick').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('DE,CZ,UA');
      expect(await page.locator('#graph').getAttribute('data-highlighted-edges')).toBe('DE->CZ,CZ->UA');
      expect(new URL(page.url()).searchParams.get('route')).toBe('DE,CZ,UA');
      // Its chains, 20 at a time.
      const details = page.locator('#details');
      expect(await details.getAttribute('data-route')).toBe('DE>CZ>UA');
      expect(await details.locator('#chains-title').textContent()).toBe(`Chains (${expected.chains})`);
      const chains = page.locator('#chains > li.chain');
      expect(await chains.count()).toBe(Math.min(20, expected.chains));
      for (const chain of await chains.all()) {
        expect(await chain.locator('.hop-route').allTextContents()).toEqual([expect.stringMatching(/^Germany → Czechia/), expect.stringMatching(/^Czechia → Ukraine/)]);
      }
      if (SCREENSHOTS) {
        await page.waitForSelector('#graph[data-layout="done"]', { timeout: 15_000 });
        await page.mouse.move(5, 5);
        await page.evaluate('document.activeElement.blur()');
        await page.screenshot({ path: path.join(SHOTS_DIR, 'route-selected-de-cz-ua.png') });
      }
      if (expected.chains > 20) {
        await page.click('#more-chains');
        await expect.poll(() => chains.count(), { timeout: 10_000 }).toBe(Math.min(40, expected.chains));
      }
      // The timeline: that route's deals only, a lane per hop, a SIPRI deal as one item per delivery year.
      const timeline = page.locator('#timeline');
      expect(await timeline.getAttribute('data-route')).toBe('DE>CZ>UA');
      expect((await timeline.getAttribute('data-lanes'))?.split(',').slice(0, 2)).toEqual(['hop-1', 'hop-2']);
      const deals = expected.hops.flatMap((h) => h.deals);
      expect((await timeline.getAttribute('data-deals'))?.split(',')).toEqual(deals.map((d) => d.id).sort());
      expect(Number(await timeline.getAttribute('data-deliveries'))).toBe(deals.reduce((n, d) => n + d.years.length, 0));
      const delivered = new Set(deals.flatMap((d) => d.years.map((y) => `${d.id}@${y}`)));
      const drawn = (await page.evaluate('[...document.querySelectorAll("#timeline .vis-item.kind-delivery button.tl-item")].map((el) => el.dataset.id)')) as string[];
      expect(drawn.length).toBeGreaterThan(0);
      for (const id of drawn) expect(delivered.has(id), id).toBe(true);
      expect(await page.locator('#timeline .vis-label').nth(0).textContent()).toBe('Germany → Czechia');
      expect(await page.locator('#timeline .vis-label').nth(1).textContent()).toBe('Czechia → Ukraine');
      expect(await timeline.textContent()).not.toContain('MILAN');

      // The route's second hop from the graph's buttons: its edge, its deals' items, its deals in the details.
      await page.focus('#route-strip button.strip-hop[data-hop="2"]');
      await page.keyboard.press('Enter');
      await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe('hop:2');
      expect(await page.locator('#graph').getAttribute('data-selected-edges')).toBe('CZ->UA');
      const czUa = expected.hops[1]!.deals;
      const selected = ((await timeline.getAttribute('data-selected')) ?? '').split(',');
      expect(selected).toHaveLength(czUa.reduce((n, d) => n + Math.max(1, d.years.length), 0));
      expect(await details.locator('.deal-list li').count()).toBe(czUa.length);

      // A delivery in the timeline from the keyboard: Tab reaches it, Enter selects its deal.
      await page.focus('#route-strip button.strip-hop[data-hop="2"]');
      await tabTo(page, '#timeline .vis-item.kind-delivery button.tl-item');
      expect(await focusVisible(page)).toBe(true);
      const item = (await page.evaluate('document.activeElement.dataset.id')) as string;
      expect(delivered.has(item)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await timeline.getAttribute('data-selected')).toBe(item);
      await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe(item.split('@')[0]);
      expect(await details.locator('.sipri table.deliveries').count()).toBe(1);
      await page.close();
    });

    axeIt(`passes axe-core on Germany → Ukraine with a route selected: no serious or critical violation${AXE_NOTE}`, async () => {
      const page = await open(server.url, `/${QUERY}&route=DE,CZ,UA`);
      await ready(page);
      await page.waitForSelector('#app[data-route="DE>CZ>UA"][data-route-state="ready"]', { timeout: 20_000 });
      expect(await axeViolations(page)).toEqual([]);
      await page.click('#route-strip button.strip-hop[data-hop="1"]');
      await expect.poll(async () => await page.locator('#details').getAttribute('data-id'), { timeout: 10_000 }).toBe('hop:1');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  it('made no request beyond 127.0.0.1 and raised no page error', () => {
    expect(record.outside).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect([...record.localPaths]).toEqual(expect.arrayContaining(['/', '/graphql']));
    expect([...record.localPaths].some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);
  });
});
