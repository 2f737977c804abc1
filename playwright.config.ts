import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// The end-to-end suite drives the real UI and the real core through the headless host, with the orbctl
// simulator standing in for OrbStack. Each test gets its own host, simulator state and data folder.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1200, height: 760 },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
