// Launches Debian's chromium through playwright-core (never a downloaded browser), headless and offline-safe.
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when chromium is installed; registers a failing test when it is not and REQUIRE_BROWSER=1. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    describe('browser (required: REQUIRE_BROWSER=1)', () => {
      it(`chromium is installed at ${CHROMIUM_PATH}`, () => {
        throw new Error(`chromium is required but missing at ${CHROMIUM_PATH}: apt-get install chromium`);
      });
    });
  } else {
    describe.skip(`chromium missing at ${CHROMIUM_PATH}; set REQUIRE_BROWSER=1 to make this a failure`, () => {
      it('skipped', () => {});
    });
  }
  return false;
}

/** Starts headless chromium with the flags this machine needs (no background networking, no sandbox as root). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}
