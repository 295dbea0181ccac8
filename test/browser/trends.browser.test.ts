// The dashboard's Trends view in headless chromium: on the seed (no TIV: a plain message, no empty charts; switching
// views and back through the history) and on the seed + the SIPRI export (shares, a recipient's supplier mix and
// delivery lags with real figures; a bar selects its actor in the graph view by mouse and keyboard; axe-core); and the
// committed-vs-delivered table on the seed + SIPRI and Kiel excerpts.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { buildWeb } from '../../tools/build-web.mjs';
import { SEED_DIR, SIPRI_EXCERPT } from '../contract/graph-store.contract.js';
import { KIEL_EXCERPT } from '../contract/graph-store/reconcile.js';
import { importKiel, importSipri, mergeDatasets } from '../../src/import/index.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { AXE_NOTE, axeIt, axeViolations, openPage, pageRecord, SCREENSHOTS, seedAndSipriStore, SHOTS_DIR, SIPRI_CSV } from './dashboard-page.js';

const STORY = '?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2023/2024';

describe.runIf(browserAvailable())('dashboard Trends view in headless chromium', () => {
  let browser: Browser;
  /** Requests that tried to leave 127.0.0.1 (blocked), page errors and console errors (CSP refusals among them). */
  const record = pageRecord();

  beforeAll(async () => {
    await buildWeb({ quiet: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a URL of a server in a fresh context, recording what leaves 127.0.0.1 and what goes wrong in the page. */
  function open(base: string, url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    return openPage(browser, record, `${base}${url}`, viewport);
  }

  /** Waits until the Trends view has loaded (or said why it cannot). */
  async function trendsReady(page: Page, state = 'ready'): Promise<void> {
    await page.waitForSelector('#trends[data-state="ready"], #trends[data-state="empty"], #trends[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('#trends').getAttribute('data-state'), (await page.locator('#trends').textContent()) ?? '').toBe(state);
  }

  async function graphReady(page: Page): Promise<void> {
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('#status').getAttribute('data-state'), (await page.locator('#status').textContent()) ?? '').toBe('ok');
  }

  /** Presses Tab until the focused element matches `selector`. */
  async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    }
    throw new Error(`Tab never reached ${selector} in ${max} presses`);
  }

  /** The aria-label of the focused element. */
  const focusedLabel = (page: Page) => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""') as Promise<string>;

  describe('on the seed (no TIV)', () => {
    let server: RunningServer;

    beforeAll(async () => {
      const store = new MemoryStore();
      await store.load(await loadSeedDir(SEED_DIR));
      server = await startServer(store);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('says plainly that there is no TIV, and draws no chart', async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page, 'empty');
      expect(await page.locator('#trends-message').isVisible()).toBe(true);
      expect(await page.locator('#trends-message').textContent()).toMatch(/^No SIPRI trend-indicator values \(TIV\) in the loaded data/);
      expect(await page.locator('#trend-cards').isVisible()).toBe(false);
      expect(await page.locator('#trends svg').count()).toBe(0);
      expect(await page.locator('#view-trends').getAttribute('aria-current')).toBe('page');
      expect(await page.locator('.graph-pane').isVisible()).toBe(false);
      // The graph view asked for nothing while hidden.
      expect(await page.locator('#app').getAttribute('data-state')).toBe('loading');
      await page.close();
    });

    axeIt(`passes axe-core on the empty Trends view: no serious or critical violation${AXE_NOTE}`, async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page, 'empty');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it('switches from the story to Trends and back, by link and through the history, the graph kept as it was', async () => {
      const page = await open(server.url, '/');
      await graphReady(page);
      expect(new URL(page.url()).search).toBe(STORY);
      await page.click('#view-trends');
      await trendsReady(page, 'empty');
      expect(new URL(page.url()).search).toBe('?view=trends');
      expect(await page.locator('#view-graph').getAttribute('href')).toBe(`/${STORY}`);
      // From the keyboard: the graph view's link is the one before.
      await page.focus('#view-trends');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('view-graph');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#app[data-view="graph"]');
      expect(new URL(page.url()).search).toBe(STORY);
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      expect(await page.locator('#trends').isVisible()).toBe(false);
      // The graph canvas has its size back.
      expect(await page.evaluate('document.querySelector("#graph canvas").clientWidth')).toBeGreaterThan(300);
      await page.goBack();
      await page.waitForSelector('#app[data-view="trends"]');
      expect(new URL(page.url()).search).toBe('?view=trends');
      await page.goForward();
      await page.waitForSelector('#app[data-view="graph"]');
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      await page.close();
    });
  });

  describe('committed vs delivered, on the seed + the SIPRI and Kiel excerpts', () => {
    let server: RunningServer;

    beforeAll(async () => {
      const seed = await loadSeedDir(SEED_DIR);
      const { dataset } = await importSipri(SIPRI_EXCERPT, { reservedSystemIds: seed.systems.map((x) => x.id) });
      const store = new MemoryStore();
      await store.load(mergeDatasets(mergeDatasets(seed, dataset), (await importKiel(KIEL_EXCERPT)).dataset));
      server = await startServer(store);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lists Ukraine\'s commitments per donor and family with SIPRI\'s deliveries; a donor\'s name selects it in the graph', async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page);
      await page.waitForSelector('#reconcile-body[data-state="ready"]');
      const rows = await page.locator('#reconcile-body tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      expect(rows).toContainEqual(['Germany', 'Patriot', 'air defence system', '5', '3 (2023: 2, 2024: 1)', 'partly delivered (sources disagree)', 'KIEL, SIPRI', 'weapons.csv:2, deal 66214']);
      // The missiles row: no Kiel count (Kiel lists no missiles), SIPRI's deliveries, and the seed's backfill and potential transfer.
      expect(rows).toContainEqual(['United States', 'Patriot', 'SAM', '—', '1095 (2023: 600~, 2024: 495~)', 'delivered, no commitment seen', 'SIPRI, SEED', 'deal 66460, deal 66863, deal 66864; 2 article claims']);
      expect(await page.locator('#reconcile-summary').textContent()).toMatch(/^\d+ donor and family rows with a commitment \(Kiel\) or an article claim for Ukraine; Kiel and SIPRI disagree on \d+\./);
      await page.locator('#reconcile-body button.select-actor', { hasText: 'Romania' }).first().click();
      await expect.poll(async () => await page.locator('#graph').getAttribute('data-selected-nodes'), { timeout: 15_000 }).toBe('RO');
      expect(record.pageErrors).toEqual([]);
      await page.close();
    });
  });

  describe.skipIf(!existsSync(SIPRI_CSV))('on the seed + the SIPRI export', () => {
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer(await seedAndSipriStore());
    });
    afterAll(async () => {
      await server?.close();
    });

    it('draws the shares of 2015–2019 and 2020–2024: the United States first, 42.6 % in 2020–2024', async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page);
      expect(await page.locator('#trends-status').textContent()).toBe(
        'SIPRI TIV (trend-indicator values) on record 1995–2024; 2 five-year periods: 2015–2019, 2020–2024.',
      );
      // Six five-year periods can be chosen, back to 1995.
      expect(await page.locator('#trend-periods option').allTextContents()).toEqual([
        '1 × 5 years (2020–2024)', '2 × 5 years (2015–2024)', '3 × 5 years (2010–2024)', '4 × 5 years (2005–2024)', '5 × 5 years (2000–2024)', '6 × 5 years (1995–2024)',
      ]);
      expect(await page.locator('#trend-periods').inputValue()).toBe('2');

      const shares = page.locator('#shares-body');
      const svg = shares.locator('svg');
      expect(await svg.getAttribute('aria-label')).toBe('Shares of world TIV delivered by supplier (the top 10 of 81), 2015–2019, 2020–2024');
      const bars = shares.locator('svg [role="button"]');
      expect(await bars.count()).toBe(20);
      const first = (await bars.nth(1).getAttribute('aria-label')) ?? '';
      expect(first).toMatch(/^United States, 2020–2024: 42\.6 % \(rank 1, 60,949 m TIV, \+21 %\)$/);
      expect(await bars.nth(0).getAttribute('aria-label')).toMatch(/^United States, 2015–2019: 35\.0 % \(rank 1, /);
      expect(await shares.locator('.trend-summary').textContent()).toMatch(/^In 2020–2024 the largest suppliers were United States 42\.6 % \(35\.0 % in 2015–2019\), France 9\.6 %/);
      // The text equivalent: the same figures in a table, its names buttons that select the actor.
      const row = shares.locator('table.figures tbody tr').first();
      expect(await row.locator('th').textContent()).toBe('United States');
      expect(await row.locator('td').nth(3).textContent()).toBe('42.6 % (#1)');
      expect(await shares.locator('table.figures tbody tr th button').count()).toBe(10);

      // A recipient's supplier mix: Ukraine by default, its main supplier and changes in words.
      const mix = page.locator('#mix-body');
      expect(await page.locator('#mix-recipient').inputValue()).toBe('Ukraine');
      expect(await mix.locator('svg').getAttribute('aria-label')).toMatch(/^Ukraine: its suppliers' shares of the TIV it received, 2015–2019, 2020–2024; the top 8 of 36 suppliers named$/);
      expect(await mix.locator('.trend-facts li').allTextContents()).toEqual([
        expect.stringMatching(/^2015–2019: 129 m TIV from 8 suppliers; main supplier Czechia \(40\.5 %\); HHI 2,460/),
        expect.stringMatching(/^2020–2024: 12,513 m TIV from 36 suppliers; main supplier United States \(45\.2 %\), changed from Czechia; HHI 2,375/),
      ]);
      expect(await mix.locator('svg [role="button"]').first().getAttribute('aria-label')).toMatch(/^United States, 2015–2019: 24\.0 % of Ukraine's TIV received/);

      // Delivery lags by supplier: median and 90th percentile, to the first and to the last delivery.
      const lags = page.locator('#lags-body');
      expect(await lags.locator('.trend-summary').textContent()).toMatch(/^All 11,540 deals ordered 1995 or later: median 1 year to the first delivery \(90th percentile 4 years\), 2 years to the last \(6 years\)\.$/);
      expect(await lags.locator('svg [role="button"]').first().getAttribute('aria-label')).toBe(
        'United States, to first delivery: median 1 year, 90th percentile 4 years (3,252 deals)',
      );

      if (SCREENSHOTS) {
        mkdirSync(SHOTS_DIR, { recursive: true });
        await page.mouse.move(5, 5);
        await page.screenshot({ path: path.join(SHOTS_DIR, 'trends.png') });
        // Tall enough for every card to show whole.
        await page.setViewportSize({ width: 1280, height: 1300 });
        await page.waitForTimeout(400);
        await page.locator('#shares').screenshot({ path: path.join(SHOTS_DIR, 'trends-shares.png') });
        await page.locator('#lags').screenshot({ path: path.join(SHOTS_DIR, 'trends-lags.png') });
      }
      await page.close();
    });

    it('clicking a bar selects its actor in the graph view (its neighbourhood drawn when the graph had none)', async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page);
      await page.locator('#shares-body svg [role="button"]').nth(1).click();
      await page.waitForSelector('#app[data-view="graph"]');
      await graphReady(page);
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe('US');
      expect(url.searchParams.get('sel')).toBe('US');
      expect(await page.locator('#from').inputValue()).toBe('US');
      await expect.poll(async () => await page.locator('#graph').getAttribute('data-selected-nodes'), { timeout: 15_000 }).toBe('US');
      await expect.poll(async () => await page.locator('#details').getAttribute('data-id'), { timeout: 10_000 }).toBe('US');
      expect(await page.locator('#view-graph').getAttribute('aria-current')).toBe('page');
      // Back: the Trends view again.
      await page.goBack();
      await page.waitForSelector('#app[data-view="trends"]');
      expect(new URL(page.url()).search).toBe('?view=trends');
      await trendsReady(page);
      await page.close();
    });

    it('from the keyboard: Tab to a chart, arrows to a bar, Enter selects its supplier in the graph drawn before', async () => {
      const page = await open(server.url, '/');
      await graphReady(page);
      expect(new URL(page.url()).search).toBe(STORY);
      await page.focus('#view-trends');
      await page.keyboard.press('Enter');
      await trendsReady(page);
      // One Tab stop per chart: the shares' first bar, then the mix's first segment.
      await tabTo(page, '#shares-body svg [role="button"]');
      expect(await focusedLabel(page)).toMatch(/^United States, 2015–2019/);
      await page.keyboard.press('ArrowDown');
      expect(await focusedLabel(page)).toMatch(/^United States, 2020–2024: 42\.6 %/);
      await page.keyboard.press('End');
      expect(await focusedLabel(page)).toMatch(/^South Korea, 2020–2024/);
      expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.matches("#shares-body svg [role=button]")')).toBe(false);
      await tabTo(page, '#mix-body svg [role="button"]');
      expect(await focusedLabel(page)).toMatch(/^United States, 2015–2019: 24\.0 % of Ukraine's TIV received/);
      await page.keyboard.press('Enter');
      // The United States is drawn in the story's graph: selected there, the story's query kept.
      await page.waitForSelector('#app[data-view="graph"]');
      await expect.poll(async () => await page.locator('#graph').getAttribute('data-selected-nodes'), { timeout: 10_000 }).toBe('US');
      const url = new URL(page.url());
      expect(url.searchParams.get('from')).toBe('JP');
      expect(url.searchParams.get('sel')).toBe('US');
      expect(await page.locator('#graph').getAttribute('data-highlighted-nodes')).toBe('JP,US,UA');
      await expect.poll(async () => await page.locator('#details').getAttribute('data-id'), { timeout: 10_000 }).toBe('US');
      expect(await page.evaluate('document.activeElement.id')).toBe('details-title');
      await page.close();
    });

    it('follows its controls: six periods, another recipient, lags by category (bars that select nothing), all in the URL', async () => {
      const page = await open(server.url, '/?view=trends');
      await trendsReady(page);
      await page.selectOption('#trend-periods', '6');
      await page.waitForURL((u) => u.search === '?view=trends&periods=6');
      await trendsReady(page);
      expect(await page.locator('#shares-body .trend-legend li').allTextContents()).toEqual(['1995–1999', '2000–2004', '2005–2009', '2010–2014', '2015–2019', '2020–2024']);
      expect(await page.locator('#shares-body svg [role="button"]').count()).toBe(60);
      expect(await page.locator('#lags-ordered option').count()).toBe(7);

      await page.fill('#mix-recipient', 'India');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('recipient') === 'IN');
      await trendsReady(page);
      expect(await page.locator('#mix-body .trend-facts li').count()).toBe(6);
      expect(await page.locator('#mix-body .trend-summary').textContent()).toMatch(/^India's main supplier in 2020–2024: Russia with /);

      await page.selectOption('#lags-by', 'CATEGORY');
      await page.waitForURL((u) => u.searchParams.get('lags') === 'CATEGORY');
      await trendsReady(page);
      expect(await page.locator('#lags-body svg rect').count()).toBeGreaterThan(0);
      expect(await page.locator('#lags-body svg [role="button"]').count()).toBe(0);
      expect(await page.locator('#lags-body table.figures button').count()).toBe(0);
      await page.locator('#lags-body svg g.lag-bars rect').first().click();
      expect(await page.locator('#app').getAttribute('data-view')).toBe('trends');

      // The URL restores it all in a fresh page.
      const url = new URL(page.url()).search;
      expect(url).toBe('?view=trends&periods=6&recipient=IN&lags=CATEGORY');
      const again = await open(server.url, `/${url}`);
      await trendsReady(again);
      expect(await again.locator('#mix-recipient').inputValue()).toBe('India');
      expect(await again.locator('#lags-by').inputValue()).toBe('CATEGORY');
      expect(await again.locator('#trend-periods').inputValue()).toBe('6');
      await again.close();
      await page.close();
    });

    it('says so when a recipient received nothing in the periods, and names an unknown one', async () => {
      // Sierra Leone's last delivery on record is in 2016.
      const page = await open(server.url, '/?view=trends&recipient=SL&periods=1');
      await trendsReady(page);
      expect(await page.locator('#mix-body').getAttribute('data-state')).toBe('empty');
      expect(await page.locator('#mix-body').textContent()).toBe('Sierra Leone received no TIV in 2020–2024: no supplier mix to draw.');
      expect(await page.locator('#mix-body svg').count()).toBe(0);
      await page.fill('#mix-recipient', 'Atlantis');
      await page.click('#mix-form button[type="submit"]');
      await page.waitForSelector('#mix-body[data-state="error"]');
      expect(await page.locator('#mix-body').textContent()).toMatch(/Atlantis.*\(NOT_FOUND\)/);
      expect(await page.locator('#mix-recipient').getAttribute('aria-invalid')).toBe('true');
      await page.close();
    });

    it('draws the supplier mix of Ukraine over three periods (2010–2024)', async () => {
      const page = await open(server.url, '/?view=trends&periods=3', { width: 1280, height: 1300 });
      await trendsReady(page);
      expect(await page.locator('#mix-body .trend-facts li').first().textContent()).toBe('2010–2014: 1.28 m TIV from 1 supplier; main supplier Canada (100.0 %); HHI 10,000 (a single supplier).');
      if (SCREENSHOTS) {
        mkdirSync(SHOTS_DIR, { recursive: true });
        await page.mouse.move(5, 5);
        await page.locator('#mix').screenshot({ path: path.join(SHOTS_DIR, 'trends-supplier-mix-ukraine.png') });
      }
      await page.close();
    });

    axeIt(`passes axe-core on the Trends view, tables open: no serious or critical violation${AXE_NOTE}`, async () => {
      const page = await open(server.url, '/?view=trends&periods=3');
      await trendsReady(page);
      expect(await axeViolations(page)).toEqual([]);
      for (const summary of await page.locator('#trends details.trend-table summary').all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  it('made no request beyond 127.0.0.1, raised no page error and broke no Content-Security-Policy', () => {
    expect(record.outside).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
  });
});
