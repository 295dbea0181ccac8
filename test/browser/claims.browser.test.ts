// Analysts write from the dashboard (issue [15]) in headless chromium: an editor signs in with a token, fills the
// claim form (the quote checked as typed against the seed article), sees the API's issues next to their fields,
// adds a transfer that the routes show at once, while a second page sees it arrive over the change feed; then
// retracts it with a reason and both pages drop it; adds an event and corrects it. A reader's token sees no write
// controls. axe-core on the form and on the details with "Retract…" open.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfig, hashToken, newToken } from '../../src/auth/index.js';
import { ClaimService, MemoryClaimLog } from '../../src/claims/index.js';
import { loadSeedDir, readSourceTexts } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { buildWeb } from '../../tools/build-web.mjs';
import { SEED_DIR } from '../contract/graph-store.contract.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { AXE, AXE_NOTE, axeIt, axeViolations, openPage, pageRecord, SCREENSHOTS, SHOTS_DIR } from './dashboard-page.js';

const STORY = '/?from=JP&to=UA&system=system:patriot&order=TIME_RESPECTING&between=2023/2024';
const ARTICLE = 'source:kyiv-independent-2023-12-japan-patriots';
/** Verbatim in ../shared/sources/japan-patriots-2023-12.txt, the article the seed source stores. */
const RIGHT_QUOTE = 'The U.S. would still need to obtain permission from the Japanese government before transferring the weapons abroad.';
const WRONG_QUOTE = 'Japan sends Ukraine five hundred Patriot missiles';
const editor = newToken();
const reader = newToken();

describe.runIf(browserAvailable())('claims on the dashboard in headless chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const record = pageRecord();
  /** The editor's page and a second one (another browser context) that only watches. */
  let writer: Page;
  let watcher: Page;

  beforeAll(async () => {
    await buildWeb({ quiet: true });
    const seed = await loadSeedDir(SEED_DIR);
    const store = new MemoryStore();
    const texts = (await readSourceTexts(seed.sources, SEED_DIR)).texts;
    server = await startServer(store, {
      claims: await ClaimService.open({ base: seed, texts, log: new MemoryClaimLog(), store }),
      auth: authConfig({
        rateLimit: false,
        tokens: [{ name: 'alice', role: 'editor', sha256: hashToken(editor) }, { name: 'rob', role: 'reader', sha256: hashToken(reader) }],
      }),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await writer?.close();
    await watcher?.close();
    await browser?.close();
    await server?.close();
  });

  async function ready(page: Page): Promise<void> {
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('#status').getAttribute('data-state'), (await page.locator('#status').textContent()) ?? '').toBe('ok');
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.click('#sign-in');
    await page.fill('#token', token);
    await page.press('#token', 'Enter');
  }

  const routeCount = (page: Page) => page.locator('#routes > li.route').count();

  it('refuses an unknown token plainly; a reader sees who it is and no write controls', async () => {
    const page = await openPage(browser, record, `${server.url}${STORY}`);
    await ready(page);
    expect(await page.locator('#add-claim').count()).toBe(0);
    await signIn(page, 'ag_not-a-token-this-server-knows-aaaaaaaaaaaaaaaaaaaaaa');
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toContain('The server refused this token');
    await page.click('#sign-in-dialog button:has-text("Cancel")');
    expect(await page.evaluate(`sessionStorage.getItem('armsgraph.token')`)).toBeNull();

    await signIn(page, reader);
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as rob (reader)');
    expect(await page.locator('#add-claim').count()).toBe(0);
    expect(await page.locator('#no-write').textContent()).toContain('may not write');
    await page.click('#chains button.hop[data-transfer="transfer:jp-us-patriot-missiles-2024"]');
    await expect.poll(() => page.locator('#details .fact-claims').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#details .fact-claims').textContent()).toContain('the seed files or an import, not a claim');
    expect(await page.locator('#retract-open').count()).toBe(0);
    // Never in the URL.
    expect(page.url()).not.toContain(reader);
    await page.click('#sign-out');
    await expect.poll(() => page.locator('#sign-in').count()).toBe(1);
    expect(await page.evaluate(`sessionStorage.getItem('armsgraph.token')`)).toBeNull();

    // A token kept in the tab that the server no longer accepts: forgotten, said so, the page reads on without it.
    await page.evaluate(`sessionStorage.setItem('armsgraph.token', 'ag_revoked-or-mistyped-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')`);
    await page.reload();
    await ready(page);
    expect(await page.locator('#account-refusal').textContent()).toMatch(/^The server refused this token: /);
    expect(await page.evaluate(`sessionStorage.getItem('armsgraph.token')`)).toBeNull();
    await page.close();
  });

  it('with anonymous reading off, the view refused without a token loads once signed in', async () => {
    const seed = await loadSeedDir(SEED_DIR);
    const store = new MemoryStore();
    const closed = await startServer(store, {
      claims: await ClaimService.open({ base: seed, texts: new Map(), log: new MemoryClaimLog(), store }),
      auth: authConfig({ rateLimit: false, anonymousRead: false, tokens: [{ name: 'rob', role: 'reader', sha256: hashToken(reader) }] }),
    });
    const page = await openPage(browser, record, `${closed.url}/`);
    try {
      await page.waitForSelector('#app[data-state="error"]', { timeout: 30_000 });
      expect(await page.locator('#status').getAttribute('data-code')).toBe('UNAUTHENTICATED');
      await signIn(page, reader);
      await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as rob (reader)');
      await ready(page);
      expect(await routeCount(page)).toBe(1);
      await page.waitForSelector('#app[data-feed="live"]', { timeout: 10_000 });
    } finally {
      // The page first: a page left open would log its WebSocket's failed reconnections.
      await page.close();
      await closed.close();
    }
  });

  it('an editor adds a transfer: the quote checked as typed, issues by field, then the routes show it at once and a second page live', async () => {
    watcher = await openPage(browser, record, `${server.url}${STORY}`);
    await ready(watcher);
    await watcher.waitForSelector('#app[data-feed="live"]', { timeout: 10_000 });
    writer = await openPage(browser, record, `${server.url}${STORY}`);
    await ready(writer);
    expect(await routeCount(writer)).toBe(1);
    // Marks that survive only as long as the pages are not reloaded.
    for (const page of [writer, watcher]) await page.evaluate('window.__noReload = true');

    await signIn(writer, editor);
    await expect.poll(() => writer.locator('#who').textContent()).toBe('Signed in as alice (editor)');
    expect(await writer.evaluate(`sessionStorage.getItem('armsgraph.token')`)).toBe(editor);
    expect(writer.url()).not.toContain(editor);

    await writer.click('#add-claim');
    expect(await writer.evaluate('document.activeElement.id')).toBe('claim-supplier');
    const typed = { supplier: 'Japan', recipient: 'Atlantis', system: 'Patriot missile', date: '2024/..', quantity: 'dozens' };
    for (const [field, value] of Object.entries(typed)) await writer.fill(`#claim-${field}`, value);
    await writer.selectOption('#claim-status', 'POTENTIAL');
    // Names and aliases are suggested as they are typed (search).
    await expect.poll(() => writer.locator('#claim-system-list option[value="Patriot missile"]').count(), { timeout: 10_000 }).toBe(1);
    await writer.waitForSelector(`#claim-source option[value="${ARTICLE}"]`, { state: 'attached' });
    const check = writer.locator('#claim-quote-check');
    // A source without a stored text, and a new source: a note instead of a checked quote.
    await writer.selectOption('#claim-source', 'source:un-ga-res-es-11-1');
    expect(await check.getAttribute('data-verdict')).toBe('no-text');
    await writer.selectOption('#claim-source', '(new)');
    expect(await check.getAttribute('data-verdict')).toBe('new-source');
    expect(await writer.locator('#claim-source-id').isVisible()).toBe(true);
    await writer.selectOption('#claim-source', ARTICLE);
    expect(await writer.locator('#claim-source-id').isVisible()).toBe(false);
    await writer.fill('#claim-quote', WRONG_QUOTE);
    await expect.poll(() => check.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('not-found');
    expect(await check.textContent()).toContain('not found');

    // Submitted as it is: the API's issues next to their fields, nothing written.
    await writer.click('#claim-submit');
    await expect.poll(() => writer.locator('#claim-recipient-error').textContent()).toBe('unknown actor "Atlantis"');
    expect(await writer.locator('#claim-recipient').getAttribute('aria-invalid')).toBe('true');
    expect(await writer.locator('#claim-quote-error').textContent()).toContain('quote not found verbatim');
    expect(await writer.evaluate('document.activeElement.id')).toBe('claim-recipient');
    expect(await routeCount(writer)).toBe(1);

    // Editing a field clears its issues (and the summary of the refusal).
    await writer.fill('#claim-recipient', 'Ukraine');
    expect(await writer.locator('#claim-recipient-error').isVisible()).toBe(false);
    expect(await writer.locator('#claim-recipient').getAttribute('aria-invalid')).toBeNull();
    expect(await writer.locator('#claim-result').textContent()).toBe('');
    await writer.fill('#claim-quote', RIGHT_QUOTE);
    await expect.poll(() => check.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('found');
    expect(await check.textContent()).toBe('Quote found in the stored text of the source.');
    if (SCREENSHOTS) {
      mkdirSync(SHOTS_DIR, { recursive: true });
      await writer.screenshot({ path: path.join(SHOTS_DIR, 'claim-form.png') });
    }
    await writer.click('#claim-submit');
    await expect.poll(() => writer.locator('#claim-result').getAttribute('data-claim'), { timeout: 10_000 }).toBe('claim:1');
    expect(await writer.locator('#claim-result').textContent()).toBe('Written: claim:1 by alice added transfer:claim-1.');
    expect(await writer.locator('#claim-recipient-error').isVisible()).toBe(false);

    // Both pages, not reloaded: the new route Japan → Ukraine, and the polite line saying who added what.
    for (const page of [writer, watcher]) {
      await expect.poll(() => routeCount(page), { timeout: 15_000 }).toBe(2);
      await expect.poll(() => page.locator('#claims-live').textContent(), { timeout: 10_000 }).toBe('claim:1 by alice added transfer:claim-1');
      expect(await page.locator('#routes > li.route[data-route="JP>UA"]').count()).toBe(1);
      expect(await page.evaluate('window.__noReload')).toBe(true);
    }
    await writer.click('#claim-close');
    // Signed in, with the live line: still no page scrolling at 1280×800.
    expect(await writer.evaluate('document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Its route selected: the timeline's deals are the new transfer; its details say who wrote it.
    await ready(writer);
    await writer.click('#routes li.route[data-route="JP>UA"] button.route-pick');
    await expect.poll(() => writer.locator('#timeline').getAttribute('data-deals'), { timeout: 15_000 }).toBe('transfer:claim-1');
    await writer.click('#chains button.hop[data-transfer="transfer:claim-1"]');
    await expect.poll(() => writer.locator('#details .stamp').textContent(), { timeout: 10_000 }).toMatch(/^alice, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(claim:1\)$/);
    expect(await writer.locator('#details').textContent()).toContain(RIGHT_QUOTE);
    await writer.click('#details button:has-text("History")');
    await expect.poll(() => writer.locator('#fact-history li').allTextContents()).toEqual([expect.stringMatching(/^transfer:claim-1: known \d{4}-\d\d-\d\d → now · claim:1 by alice$/)]);
  });

  it('fits a 390 px screen signed in, with the claim form open, without sideways scrolling', async () => {
    const phone = await openPage(browser, record, `${server.url}${STORY}`, { width: 390, height: 844 });
    try {
      await ready(phone);
      await signIn(phone, editor);
      await expect.poll(() => phone.locator('#who').textContent()).toBe('Signed in as alice (editor)');
      expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await phone.click('#add-claim');
      await phone.waitForSelector('#claim-dialog[open]');
      expect(await phone.evaluate(`(() => { const d = document.getElementById('claim-dialog'); return d.scrollWidth <= d.clientWidth; })()`)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  axeIt(`passes axe-core on the claim form and on the details with "Retract…" open${AXE_NOTE}`, async () => {
    await writer.click('#add-claim');
    await writer.waitForSelector('#claim-dialog[open]');
    expect(await axeViolations(writer)).toEqual([]);
    await writer.keyboard.press('Escape');
    await writer.waitForSelector('#claim-dialog:not([open])', { state: 'attached' });
    // The focus goes back to the button that opened it.
    expect(await writer.evaluate('document.activeElement.id')).toBe('add-claim');
    await writer.click('#retract-open');
    await writer.waitForSelector('#retract-form:not([hidden])');
    expect(await axeViolations(writer)).toEqual([]);
  });

  it('retracts with a reason (required): the route leaves both pages, the claim is announced', async () => {
    if (await writer.locator('#retract-form').isHidden()) await writer.click('#retract-open');
    expect(await writer.evaluate('document.activeElement.id')).toBe('retract-reason');
    await writer.click('#retract-form button[type="submit"]');
    expect(await writer.locator('#retract-error').textContent()).toBe('Say why: a retraction needs a reason.');
    expect(await routeCount(writer)).toBe(2);
    await writer.fill('#retract-reason', 'The article says the U.S. would need permission: not a transfer yet');
    await writer.press('#retract-reason', 'Tab');
    await writer.keyboard.press('Enter');
    for (const page of [writer, watcher]) {
      await expect.poll(() => routeCount(page), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => page.locator('#claims-live').textContent(), { timeout: 10_000 }).toBe(
        'claim:2 by alice retracted transfer:claim-1 (The article says the U.S. would need permission: not a transfer yet)',
      );
      expect(await page.evaluate('window.__noReload')).toBe(true);
    }
    expect(await writer.locator('#routes > li.route[data-route="JP>UA"]').count()).toBe(0);
  });

  it('an editor adds an event: the timeline of the selected route shows it at once, on both pages', async () => {
    const title = 'Japan says it will send Patriot missiles to the United States (analyst)';
    await writer.click('#add-claim');
    await writer.selectOption('#claim-what', 'event');
    expect(await writer.locator('#claim-heading').textContent()).toBe('Add an event');
    expect(await writer.locator('#claim-supplier').isVisible()).toBe(false);
    if (existsSync(AXE)) expect(await axeViolations(writer)).toEqual([]);
    await writer.selectOption('#claim-event-kind', 'ANNOUNCEMENT');
    const typed = { title, actors: 'Japan, United States', systems: 'Patriot missile', date: '2023-12-22', quantity: '', note: '' };
    for (const [field, value] of Object.entries(typed)) await writer.fill(`#claim-${field}`, value);
    await writer.selectOption('#claim-source', ARTICLE);
    await writer.fill('#claim-quote', 'The ministry added that it will send the U.S. Patriot missiles');
    await expect.poll(() => writer.locator('#claim-quote-check').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('found');
    await writer.click('#claim-submit');
    await expect.poll(() => writer.locator('#claim-result').getAttribute('data-claim'), { timeout: 10_000 }).toBe('claim:3');
    await writer.click('#claim-close');
    for (const page of [writer, watcher]) {
      await expect.poll(() => page.locator('#claims-live').textContent(), { timeout: 10_000 }).toBe('claim:3 by alice added event:claim-3');
      await expect.poll(() => page.locator('#timeline .vis-item', { hasText: title }).count(), { timeout: 15_000 }).toBe(1);
    }
  });

  it('an editor corrects the event with a reason (required): the form comes filled, the new version replaces it on both pages', async () => {
    const before = 'Japan says it will send Patriot missiles to the United States (analyst)';
    const after = 'Japan announces Patriot missiles for the United States (corrected)';
    await writer.click('#timeline button.tl-item[data-id="event:claim-3"]');
    await writer.locator('#correct-open').click({ timeout: 10_000 });
    await writer.waitForSelector('#claim-dialog[open]');
    expect(await writer.locator('#claim-heading').textContent()).toBe('Correct event:claim-3');
    expect(await writer.locator('#claim-what').isDisabled()).toBe(true);
    expect(await writer.locator('#claim-title').inputValue()).toBe(before);
    expect(await writer.locator('#claim-actors').inputValue()).toBe('JP, US');
    expect(await writer.locator('#claim-date').inputValue()).toBe('2023-12-22');
    await expect.poll(() => writer.locator('#claim-source').inputValue(), { timeout: 10_000 }).toBe(ARTICLE);
    await expect.poll(() => writer.locator('#claim-quote-check').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('found');
    await writer.fill('#claim-title', after);
    await writer.click('#claim-submit');
    expect(await writer.locator('#claim-reason-error').textContent()).toBe('Say why: a correction needs a reason.');
    expect(await writer.evaluate('document.activeElement.id')).toBe('claim-reason');
    await writer.fill('#claim-reason', 'A clearer title');
    await writer.click('#claim-submit');
    await expect.poll(() => writer.locator('#claim-result').getAttribute('data-claim'), { timeout: 10_000 }).toBe('claim:4');
    expect(await writer.locator('#claim-result').textContent()).toBe('Written: claim:4 by alice corrected event:claim-3 as event:claim-3.v2.');
    await writer.click('#claim-close');
    for (const page of [writer, watcher]) {
      await expect.poll(() => page.locator('#claims-live').textContent(), { timeout: 10_000 }).toBe('claim:4 by alice corrected event:claim-3 as event:claim-3.v2');
      await expect.poll(() => page.locator('#timeline .vis-item', { hasText: after }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('#timeline .vis-item', { hasText: before }).count()).toBe(0);
    }
    // Adding again: the form is the add form once more.
    await writer.click('#add-claim');
    expect(await writer.locator('#claim-heading').textContent()).toBe('Add an event');
    expect(await writer.locator('#claim-what').isDisabled()).toBe(false);
    expect(await writer.locator('#claim-reason').isVisible()).toBe(false);
    await writer.click('#claim-close');
  });

  it('sent nothing outside 127.0.0.1 and met no page error or console error (so no CSP refusal of the WebSocket)', () => {
    expect(record.outside).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  });
});
