import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Browser tests: Debian's Chromium against the real engine (API + worker from dist/, a fresh
 * database, real Redis), started once by global-setup.ts. `npm run test:browser`.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.browser-spec.ts',
  outputDir: path.join(ROOT, 'test-results/browser'),
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  // One engine for the run; each worker has a browser and a vendor of its own (global-setup.ts),
  // and runs its files' tests in order, each test in a fresh browser context. BROWSER_WORKERS
  // chooses how many; by default one per two cores: one journey keeps about two cores busy (the
  // page's renderer, the browser and GPU processes, the API and the test runner), so two workers
  // on a 2-core machine ran every test at half speed, past its time limit, for no shorter run.
  workers: Number(process.env.BROWSER_WORKERS ?? Math.max(1, Math.floor(os.availableParallelism() / 2))),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    // Axe judges colours as they settle: a dialog fading in is, for a moment, grey on grey. The
    // app honours reduced motion (theme.respectReducedMotion), so nothing fades while it is read.
    reducedMotion: 'reduce',
    // A trace records a screencast and a DOM snapshot at every step: 12–20% of the suite's CPU
    // (navigation + shell specs: 235 CPU-s with it, 188–217 without). CI keeps no artifacts to
    // open one from, so it records none; BROWSER_TRACE=retain-on-failure asks for them there too.
    trace:
      (process.env.BROWSER_TRACE as 'off' | 'retain-on-failure' | undefined) ??
      (process.env.CI ? 'off' : 'retain-on-failure'),
    screenshot: 'only-on-failure',
  },
});
