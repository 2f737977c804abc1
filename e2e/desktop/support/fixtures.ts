import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../../test/electron-stand-in/lib/chromium-process.mjs';
import { AppHome, DesktopApp, type DesktopOptions } from './desktop-app';

const PROBLEM = /^\[electron-stand-in\] (uncaught|unhandled|preload failed|the main script|could not create)/;

interface Fixtures {
  desktopOptions: DesktopOptions;
  /** The app's windows open in the worker's Chromium (default), or in one the launch starts (false). */
  sharedChromium: boolean;
  /** Demo mode's orbctl calls run in the app's main process (default), or each as a process (false). */
  simulatorInProcess: boolean;
  home: AppHome;
  /** Starts a process of the app in this test's home; `ready: false` does not wait (a second instance). */
  launch: (options?: DesktopOptions, wait?: { ready: boolean }) => Promise<DesktopApp>;
  app: DesktopApp;
  window: Page;
}

interface WorkerFixtures {
  /** One Chromium per worker for the windows of every app it starts: each launch has a context of its own. */
  workerChromium: string;
}

/**
 * Every test gets the desktop app (the built main process and preload under the Electron stand-in) with its
 * own HOME, data folder and simulator state, and `window`, the page of its main window. A test fails when the
 * stand-in saw an uncaught error in the main process or a preload that did not load. The windows open in a
 * Chromium the worker keeps running, in a browser context per launch, unless a test sets `sharedChromium: false`.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  desktopOptions: [{}, { option: true }],
  sharedChromium: [true, { option: true }],
  simulatorInProcess: [true, { option: true }],
  workerChromium: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const chromium = await launchChromium();
      await use(chromium.endpoint);
      const exited = new Promise((resolve) => chromium.child.once('exit', resolve));
      chromium.child.kill('SIGTERM');
      const timer = setTimeout(() => chromium.child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      try {
        rmSync(chromium.profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // a helper process of Chromium still writing: the profile stays in the temp folder
      }
    },
    { scope: 'worker' },
  ],
  home: async ({ sharedChromium, workerChromium, simulatorInProcess }, use) => {
    const home = new AppHome();
    if (sharedChromium) home.chromium = workerChromium;
    home.simulatorInProcess = simulatorInProcess;
    await use(home);
    home.remove();
  },
  launch: async ({ home }, use, testInfo) => {
    const apps: DesktopApp[] = [];
    await use(async (options = {}, wait = { ready: true }) => {
      const app = DesktopApp.start(home, options);
      apps.push(app);
      if (wait.ready) await app.connect();
      return app;
    });
    const problems = apps.flatMap((app) => app.stderr.split('\n').filter((line) => PROBLEM.test(line)));
    for (const [i, app] of apps.entries()) {
      if (testInfo.status !== testInfo.expectedStatus || problems.length > 0)
        await testInfo.attach(`app ${i + 1} stderr`, {
          body: app.stderr || '(nothing)',
          contentType: 'text/plain',
        });
      await app.stop();
    }
    if (testInfo.status !== testInfo.expectedStatus) {
      const log = join(home.dataDir, 'logs', 'orbdeck.log');
      if (existsSync(log)) await testInfo.attach('orbdeck.log', { path: log, contentType: 'text/plain' });
    }
    expect(problems, 'errors the Electron stand-in saw in the main process or the preload').toEqual([]);
  },
  app: async ({ launch, desktopOptions }, use) => {
    await use(await launch(desktopOptions));
  },
  window: async ({ app }, use, testInfo) => {
    const page = await app.window();
    await use(page);
    // A failed test shows what the core was doing: its jobs and the machines it last saw.
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      const state = await page
        .evaluate(async () => {
          const bridge = (globalThis as unknown as Record<string, { invoke(c: string, r: object): unknown }>)
            .orbdeck!;
          return {
            jobs: await bridge.invoke('jobs:list', {}),
            machines: await bridge.invoke('machines:snapshot', {}),
          };
        })
        .catch((error: unknown) => ({ unreadable: String(error) }));
      await testInfo.attach('core state', {
        body: JSON.stringify(state, null, 2),
        contentType: 'application/json',
      });
    }
  },
});

export { expect };
