import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// The end-to-end suite drives the real UI and the real core with the orbctl simulator standing in for OrbStack:
// - chromium: through the headless host, in Debian's Chromium. Each test gets its own host, state and data; the
//   host runs in the worker's own process (e2e/support/in-process-host.ts) unless a test needs one of its own.
//   The worker's browser context is reused from test to test (`reuseContext`): Playwright resets it between
//   tests (other pages closed, about:blank, storage, clock, viewport and media back to the project's), and every
//   test opens its own host on a port, so an origin, of its own. A context of its own per test cost each test a
//   new renderer process and a cold start of the app: a third of the browser tests' CPU time, measured.
// - desktop: the desktop rehearsal. The built main process and preload run under plain Node with a stand-in
//   for the `electron` module (test/electron-stand-in), whose windows are Chromium pages the tests drive.
// - electron: the real Electron runtime (_electron.launch), where a binary exists (a Mac); skipped elsewhere.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  // Two workers per core (ORBDECK_E2E_WORKERS overrides): a browser test spends about half its time waiting for
  // the simulator's clock, and one worker per core left the cores idle for that half (measured with /proc/stat).
  workers: Number(process.env.ORBDECK_E2E_WORKERS) || 2 * availableParallelism(),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    screenshot: 'only-on-failure',
    // A failed test keeps its trace: every action with its timing, the console, the network and the test's
    // source; and its screenshot and the page's accessibility tree at the failure. Not recorded, for every test
    // that passes: the screencast filmstrip (Chromium encoding frames all through every test, 40 % of the
    // browser tests' CPU time) and the page's DOM before and after every action (20 %, measured).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    viewport: { width: 1200, height: 760 },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [/electron\.spec\.ts/, /e2e\/desktop\//],
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions(), reuseContext: true },
    },
    // The app's windows are pages of the worker's Chromium; Playwright's screenshots and traces would need a
    // page of its own. Each test starts the whole main process: the first paint can take a while on a loaded
    // 2-core machine.
    {
      name: 'desktop',
      testDir: 'e2e/desktop',
      timeout: 60_000,
      expect: { timeout: 15_000 },
      use: { screenshot: 'off', trace: 'off' },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/, testIgnore: /e2e\/desktop\// },
  ],
});
