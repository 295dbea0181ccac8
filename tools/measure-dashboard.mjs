#!/usr/bin/env -S npx tsx
// Measures the dashboard on the seed + the SIPRI export in headless chromium: first render and a path query.
// Run: npx tsx tools/measure-dashboard.mjs [--csv FILE] [--runs N]   (builds the dashboard first when stale)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { importSipri, mergeDatasets } from '../src/import/index.js';
import { loadSeedDir } from '../src/seeds/index.js';
import { MemoryStore } from '../src/store/index.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { startServer } from '../test/helpers/http.js';
import { buildWeb } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const csv = path.resolve(arg('--csv', path.join(root, '../shared/data/sipri-trade-register-1995-2025.csv')));
const runs = Number(arg('--runs', '3'));
const TARGET_MS = 2000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Child mode: load seed + SIPRI, serve on an ephemeral port, print the URL, run until stdin closes. */
async function serve() {
  const t0 = performance.now();
  const seed = await loadSeedDir(path.join(root, 'seeds'));
  const { dataset, summary } = await importSipri(csv, { reservedSystemIds: seed.systems.map((s) => s.id) });
  const store = new MemoryStore();
  await store.load(mergeDatasets(seed, dataset));
  const stats = await store.stats();
  const server = await startServer(store);
  const loaded = `seed + SIPRI (${summary.deals} deals; ${stats.actors} actors, ${stats.transfers} transfers) loaded in ${Math.round(performance.now() - t0)} ms`;
  process.stdout.write(`${JSON.stringify({ url: server.url, loaded })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}

/** Starts the server in its own process, so its work does not stall the browser driver's event loop. */
async function spawnServer() {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', '--csv', csv], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before serving`)));
  });
  const { url, loaded } = JSON.parse(first);
  return { url, loaded, close: () => new Promise((resolve) => { child.once('exit', resolve); child.stdin.end(); }) };
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await measure();
}

async function measure() {
let t;
await buildWeb({ quiet: true });
const server = await spawnServer();
console.log(server.loaded);
const browser = await launchBrowser();
const rows = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const outside = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // First render: navigation start → app started and sigma has drawn (empty) once.
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#app[data-started="true"]');
    await page.waitForFunction('Number(document.getElementById("graph").dataset.renders || 0) > 0');
    const firstRender = await page.evaluate('Math.round(performance.now())');
    const started = Number(await page.locator('#app').getAttribute('data-started-ms'));

    // Path query from the controls: click → paths drawn, and → neighbourhood + timeline drawn.
    await page.fill('#from', 'Germany');
    await page.fill('#to', 'Ukraine');
    // The first screen opens on the seed's story (Patriot, 2023–2024): clear what it set.
    await page.fill('#system', '');
    await page.fill('#win-from', '');
    await page.fill('#win-to', '');
    await page.selectOption('#order', 'TIME_RESPECTING');
    t = performance.now();
    await page.click('#show');
    await page.waitForSelector('#app[data-paths="ready"]', { timeout: 30_000 });
    const pathsWall = performance.now() - t;
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]', { timeout: 60_000 });
    const readyWall = performance.now() - t;
    const state = await page.locator('#app').getAttribute('data-state');
    const status = await page.locator('#status').textContent();
    const pathsMs = Number(await page.locator('#app').getAttribute('data-paths-ms'));
    const readyMs = Number(await page.locator('#app').getAttribute('data-ready-ms'));
    const subgraphMs = Number(await page.locator('#app').getAttribute('data-subgraph-ms'));
    const timelineMs = Number(await page.locator('#app').getAttribute('data-timeline-ms'));
    await page.waitForSelector('#graph[data-layout="done"]', { timeout: 10_000 }).catch(() => undefined);
    const layoutWall = performance.now() - t;
    const graph = { nodes: await page.locator('#graph').getAttribute('data-nodes'), edges: await page.locator('#graph').getAttribute('data-edges') };

    // The same view from a shared URL, in a fresh page.
    const shared = page.url();
    const page2 = await context.newPage();
    t = performance.now();
    await page2.goto(shared);
    await page2.waitForSelector('#app[data-paths="ready"]', { timeout: 30_000 });
    const sharedPaths = performance.now() - t;
    await page2.waitForSelector('#app[data-state="ready"]', { timeout: 60_000 });
    const sharedReady = performance.now() - t;

    rows.push({ firstRender, started, pathsWall, readyWall, layoutWall, pathsMs, readyMs, sharedPaths, sharedReady });
    console.log(
      `run ${run + 1}: first render ${firstRender} ms (app started at ${started} ms); Germany → Ukraine TIME_RESPECTING: ` +
        `paths drawn ${Math.round(pathsWall)} ms (app: ${pathsMs}), neighbourhood + timeline ${Math.round(readyWall)} ms (app: ${readyMs}; neighbourhood drawn at ${subgraphMs}, timeline at ${timelineMs}), ` +
        `layout settled ${Math.round(layoutWall)} ms; shared URL: paths ${Math.round(sharedPaths)} ms, all ${Math.round(sharedReady)} ms ` +
        `[${state}; graph ${graph.nodes} nodes / ${graph.edges} routes; ${status}]`,
    );
    if (outside.length) console.log(`  requests that left localhost (blocked): ${outside.join(', ')}`);
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const m = (k) => Math.round(median(rows.map((r) => r[k])));
const verdict = (ms) => (ms < TARGET_MS ? 'ok' : `OVER ${TARGET_MS} ms`);
console.log(`median of ${runs}: first render ${m('firstRender')} ms (${verdict(m('firstRender'))}); path query: paths drawn ${m('pathsWall')} ms (${verdict(m('pathsWall'))}), ` +
  `everything drawn ${m('readyWall')} ms (${verdict(m('readyWall'))}); shared URL everything ${m('sharedReady')} ms`);
}
