import { test as base, expect, type Page } from '@playwright/test';
import { AppHome, DesktopApp, type DesktopOptions } from './desktop-app';

/**
 * Every test gets the desktop app (the built main process and preload under the Electron stand-in) with its
 * own HOME, data folder and simulator state, and `window`, the page of its main window. A test fails when the
 * stand-in saw an uncaught error in the main process or a preload that did not load.
 */
export const test = base.extend<{ desktopOptions: DesktopOptions; home: AppHome; app: DesktopApp; window: Page }>({
  desktopOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  home: async ({}, use) => {
    const home = new AppHome();
    await use(home);
    home.remove();
  },
  app: async ({ home, desktopOptions }, use, testInfo) => {
    const app = await DesktopApp.launch(home, desktopOptions);
    await use(app);
    const problems = app.stderr
      .split('\n')
      .filter((line) => /^\[electron-stand-in\] (uncaught|unhandled|preload failed|the main script)/.test(line));
    if (testInfo.status !== testInfo.expectedStatus || problems.length > 0) {
      await testInfo.attach('main process stderr', { body: app.stderr || '(nothing)', contentType: 'text/plain' });
    }
    await app.stop();
    expect(problems, 'errors the Electron stand-in saw in the main process or the preload').toEqual([]);
  },
  window: async ({ app }, use) => {
    await use(await app.window());
  },
});

export { expect };
