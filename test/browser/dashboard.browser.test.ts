// The dashboard in headless chromium on the seed: Patriot paths, timeline, details, export, shared URLs, offline.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { buildWeb } from '../../tools/build-web.mjs';
import { SEED_DIR } from '../contract/graph-store.contract.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/http.js';

const POLICY_CHANGE = 'Japan changes its arms-export rules to allow transfers of weapons';
const WSJ_QUOTE = 'U.S. officials told The Wall Street Journal (WSJ) that Japan plans to send dozens of Patriot missiles';
const JP_US = 'transfer:jp-us-patriot-missiles-2024';
const SCREENSHOTS = process.env.SCREENSHOTS === '1';
const SHOTS_DIR = path.resolve('docs/screenshots');

describe.runIf(browserAvailable())('dashboard in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  /** Requests that tried to leave 127.0.0.1 (blocked), and page errors, over every page of the suite. */
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const localPaths = new Set<string>();
  let sharedUrl = '';

  beforeAll(async () => {
    await buildWeb({ quiet: true });
    const store = new MemoryStore();
    await store.load(await loadSeedDir(SEED_DIR));
    server = await startServer(store);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a URL in a fresh context (no shared storage or history), recording what leaves 127.0.0.1. */
  async function open(url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    await page.route('**/*', (route) => {
      const target = new URL(route.request().url());
      if (target.hostname === '127.0.0.1') {
        localPaths.add(target.pathname);
        return route.continue();
      }
      outside.push(target.href);
      return route.abort();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url.startsWith('http') ? url : `${server.url}${url}`);
    await page.waitForSelector('#app[data-started="true"]');
    return page;
  }

  async function ready(page: Page): Promise<void> {
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 20_000 });
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

  it('labels every control and starts idle, with disabled export links', async () => {
    const page = await open('/');
    await page.waitForSelector('#app[data-state="idle"]');
    expect(await page.evaluate('[...document.querySelectorAll("#controls input, #controls select, #search")].every((el) => el.labels.length > 0)')).toBe(true);
    expect(await page.locator('a.export[href]').count()).toBe(0);
    await page.close();
  });

  it('draws Japan → United States → Ukraine for Patriot with the three actors highlighted', async () => {
    const page = await open('/');
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

    const graph = page.locator('#graph');
    expect(await graph.getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
    expect(await graph.getAttribute('data-highlighted-edges')).toBe('JP->US,US->UA');
    expect(await page.locator('#graph canvas').count()).toBeGreaterThanOrEqual(3);
    expect(Number(await graph.getAttribute('data-renders'))).toBeGreaterThan(0);
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(3);

    const paths = page.locator('#paths > li.path');
    expect(await paths.count()).toBe(1);
    expect(await paths.first().locator('.path-route').textContent()).toBe('Japan → United States → Ukraine');
    const hops = paths.first().locator('button.hop');
    expect(await hops.allTextContents()).toEqual([
      expect.stringContaining('Patriot missile · PLANNED · 2024-01/..'),
      expect.stringContaining('Patriot missile · POTENTIAL · 2023-12-22/..'),
    ]);
    // The rules bearing on the path are listed beside it, each naming its restriction.
    const checks = await paths.first().locator('.check').allTextContents();
    expect(checks).toEqual([expect.stringMatching(/^requires consent \(hop 2\)/), expect.stringMatching(/^prohibited \(direct route\)/)]);
    expect(await paths.first().locator('.check button[data-restriction="restriction:jp-reexport-consent"]').count()).toBe(1);

    expect(new URL(page.url()).search).toBe('?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2023/2024');
    sharedUrl = page.url();
    await page.close();
  });

  it('shows the Dec 22 policy change on the timeline, imprecise dates as ranges and open ends clipped', async () => {
    const page = await open(sharedUrl);
    await ready(page);
    const policy = page.locator('#timeline .vis-item', { hasText: POLICY_CHANGE });
    expect(await policy.count()).toBe(1);
    expect(await policy.getAttribute('class')).toContain('vis-point');
    // "as early as the beginning of 2024", open-ended: a range clipped at the window's end, marked ▸.
    const backfill = page.locator('#timeline .vis-item', { hasText: 'Japan → United States: Patriot missile (planned, backfill)' });
    expect(await backfill.getAttribute('class')).toEqual(expect.stringMatching(/vis-range.*clipped-end|clipped-end.*vis-range/));
    expect(await backfill.textContent()).toContain('▸');
    await page.close();
  });

  it('selecting a hop shows its quote, and selects its edge and timeline entry; the timeline selects back', async () => {
    const page = await open(sharedUrl);
    await ready(page);
    await page.click(`#paths button.hop[data-transfer="${JP_US}"]`);
    const details = page.locator('#details');
    await expect.poll(async () => (await details.textContent()) ?? '', { timeout: 10_000 }).toContain(WSJ_QUOTE);
    expect(await details.getAttribute('data-id')).toBe(JP_US);
    expect(await details.textContent()).toContain('The Kyiv Independent');
    expect(await page.locator('#graph').getAttribute('data-selected-edges')).toBe('JP->US');
    expect((await page.locator('#timeline').getAttribute('data-selected'))?.split(',')).toContain(JP_US);
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
    await page.close();
  });

  it('clicking a hop on the graph selects its transfer, and an actor selects its timeline entries', async () => {
    const page = await open(sharedUrl.replace(/&sel=[^&]*/, ''));
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
    expect(await page.locator('#paths button.hop[aria-current="true"]').getAttribute('data-transfer')).toBe(JP_US);
    // The United States node: its details, and the timeline entries it takes part in. (Two clicks in quick
    // succession would be a double click, which zooms.)
    await page.waitForTimeout(500);
    await page.mouse.click(us.x, us.y);
    await expect.poll(async () => await details.getAttribute('data-id'), { timeout: 10_000 }).toBe('US');
    expect(await page.locator('#graph').getAttribute('data-selected-nodes')).toBe('US');
    expect((await page.locator('#timeline').getAttribute('data-selected'))?.split(',')).toEqual(expect.arrayContaining([JP_US, 'transfer:us-ua-patriot-missiles-potential']));
    await page.close();
  });

  it('links GEXF export of the selected path, which downloads a GEXF document', async () => {
    const page = await open(sharedUrl);
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
    const first = await open(sharedUrl);
    await ready(first);
    const expected = {
      highlighted: await first.locator('#graph').getAttribute('data-highlighted-nodes'),
      controls: await controlValues(first),
      details: await first.locator('#details').getAttribute('data-id'),
      url: first.url(),
    };
    await first.close();
    // A fresh context: nothing carried over but the URL.
    const page = await open(expected.url);
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
    const page = await open('/?from=Japn&to=UA');
    await page.waitForSelector('#app[data-state="error"]', { timeout: 20_000 });
    const status = page.locator('#status');
    expect(await status.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(await status.textContent()).toMatch(/Japn.*\(NOT_FOUND\)$/);
    await page.close();
  });

  it('fits a 1280×800 screen without page scrolling and a 390 px screen without sideways scrolling', async () => {
    const wide = await open(sharedUrl);
    await ready(wide);
    expect(await wide.evaluate('document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await wide.close();
    const narrow = await open(sharedUrl, { width: 390, height: 844 });
    await ready(narrow);
    expect(await narrow.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await narrow.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
    if (SCREENSHOTS) {
      await narrow.waitForSelector('#graph[data-layout="done"]', { timeout: 10_000 });
      await narrow.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-narrow.png'), fullPage: true });
    }
    await narrow.close();
  });

  it('made no request beyond 127.0.0.1 and raised no page error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect([...localPaths]).toEqual(expect.arrayContaining(['/', '/graphql']));
    expect([...localPaths].some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);
  });
});
