// What the dashboard's browser tests share: the seed + SIPRI store, a page that records what leaves 127.0.0.1 and
// what goes wrong in it, axe-core run in the page, and where screenshots go.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { importSipri, mergeDatasets } from '../../src/import/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';

/** SCREENSHOTS=1 writes docs/screenshots/*.png. */
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';
export const SHOTS_DIR = path.resolve('docs/screenshots');
/** The SIPRI export beside the repository; the seed + SIPRI cases are skipped without it. */
export const SIPRI_CSV = path.resolve('../shared/data/sipri-trade-register-1995-2025.csv');
/** axe-core's browser build, injected into the page (npm i -D axe-core). */
export const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const AXE_AVAILABLE = existsSync(AXE);
/** Cases that need axe-core: skipped (saying so) when it is not installed, unless REQUIRE_AXE=1 or REQUIRE_BROWSER=1 (CI) makes that a failure. */
export const axeIt = AXE_AVAILABLE || process.env.REQUIRE_AXE === '1' || process.env.REQUIRE_BROWSER === '1' ? it : it.skip;
export const AXE_NOTE = AXE_AVAILABLE ? '' : ' (skipped: node_modules/axe-core is missing: npm i -D axe-core)';

/** A memory store holding the seed and the SIPRI export, joined. */
export async function seedAndSipriStore(): Promise<MemoryStore> {
  const seed = await loadSeedDir(SEED_DIR);
  const { dataset } = await importSipri(SIPRI_CSV, { reservedSystemIds: seed.systems.map((s) => s.id) });
  const store = new MemoryStore();
  await store.load(mergeDatasets(seed, dataset));
  return store;
}

/** What the pages of a suite did that they should not have (and the local paths they asked for). */
export interface PageRecord {
  /** Requests that tried to leave 127.0.0.1 (blocked). */
  readonly outside: string[];
  readonly pageErrors: string[];
  /** Console errors (CSP refusals among them), but for requests cancelled because the page moved on. */
  readonly consoleErrors: string[];
  readonly localPaths: Set<string>;
}

/** An empty record. */
export function pageRecord(): PageRecord {
  return { outside: [], pageErrors: [], consoleErrors: [], localPaths: new Set() };
}

/**
 * Opens a URL in a fresh context (no shared storage or history), blocking and recording every request not to
 * 127.0.0.1, and recording page and console errors; resolves once the dashboard has started.
 */
export async function openPage(browser: Browser, record: PageRecord, url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    // A page closed while its requests are under way (a route's deals still loading) rejects these: no matter.
    if (target.hostname === '127.0.0.1') {
      record.localPaths.add(target.pathname);
      return route.continue().catch(() => undefined);
    }
    record.outside.push(target.href);
    return route.abort().catch(() => undefined);
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/ERR_ABORTED|net::ERR_FAILED/.test(message.text())) record.consoleErrors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('#app[data-started="true"]');
  return page;
}

/** Runs axe-core in the page; returns its serious and critical violations (id, impact, the first targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  expect(existsSync(AXE), `axe-core is required (REQUIRE_AXE=1) but ${AXE} is missing: npm i -D axe-core`).toBe(true);
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}
