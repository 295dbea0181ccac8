// GraphiQL loads from the running server with no network beyond localhost, and runs a query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/http.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';

describe.runIf(browserAvailable())('GraphiQL in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(await loadSeedDir(SEED_DIR));
    server = await startServer(store);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads offline and runs the default paths query', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const local: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
        local.push(url.pathname);
        return route.continue();
      }
      outside.push(url.href);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/graphiql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 }).toContain('United States');
    const text = (await result.textContent()) ?? '';
    // The result pane renders only its visible lines; the first hops are enough to know the query ran.
    expect(text).toContain('"status": "PLANNED"');
    expect(text).toContain('"status": "POTENTIAL"');
    expect(outside).toEqual([]);
    expect(local).toEqual(expect.arrayContaining(['/graphiql', '/graphiql/assets/graphiql.min.js', '/graphql']));
    expect(errors).toEqual([]);
  }, 60_000);
});
