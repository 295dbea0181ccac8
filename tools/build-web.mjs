#!/usr/bin/env node
// Builds the dashboard (src/web → dist/web) with Vite when it is missing or older than its sources; --force always.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The dashboard's sources and the files that shape its build. */
const SOURCES = [path.join(root, 'src/web'), path.join(root, 'vite.config.ts'), path.join(root, 'package-lock.json')];
const INDEX = path.join(root, 'dist/web/index.html');

/** Newest modification time under `p` (a file or a directory), with the file it belongs to. */
function newest(p) {
  let best = { mtime: 0, file: p };
  let stat;
  try {
    stat = statSync(p);
  } catch {
    return best;
  }
  if (!stat.isDirectory()) return { mtime: stat.mtimeMs, file: p };
  for (const entry of readdirSync(p)) {
    const found = newest(path.join(p, entry));
    if (found.mtime > best.mtime) best = found;
  }
  return best;
}

/** Why a build is needed, or undefined when dist/web is up to date. */
export function staleReason(force = false) {
  if (force) return 'forced (--force)';
  let built;
  try {
    built = statSync(INDEX).mtimeMs;
  } catch {
    return 'dist/web/index.html is missing';
  }
  for (const source of SOURCES) {
    const found = newest(source);
    if (found.mtime > built) return `${path.relative(root, found.file)} is newer than dist/web/index.html`;
  }
  return undefined;
}

/** Builds the dashboard if needed; returns what it did. */
export async function buildWeb({ force = false, quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  const reason = staleReason(force);
  if (reason === undefined) {
    log('dashboard: dist/web is up to date (npm run build:web rebuilds it)');
    return { built: false };
  }
  log(`dashboard: building dist/web with Vite: ${reason}`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'silent' : 'warn' });
  log(`dashboard: built dist/web in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { built: true, reason };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  buildWeb({ force, quiet: process.argv.includes('--quiet') }).catch((error) => {
    console.error(`dashboard: build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
