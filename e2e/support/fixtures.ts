import { test as base, expect } from '@playwright/test';
import { Host, type HostOptions } from './host';

export const test = base.extend<{ hostOptions: HostOptions; host: Host }>({
  hostOptions: [{}, { option: true }],
  // Every test gets its own host and opens the app in it, whether or not it names `host`: in this worker
  // process unless the test asks for a process of its own (HostOptions.process).
  host: [
    async ({ hostOptions, page, context }, use, testInfo) => {
      const host = new Host({ ...hostOptions, process: hostOptions.process ?? false });
      await host.start();
      await page.goto(host.url);
      await use(host);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('host stderr', { body: host.stderr || '(nothing)', contentType: 'text/plain' });
        await testInfo
          .attach('host log', { path: `${host.dataDir}/logs/orbdeck.log`, contentType: 'text/plain' })
          .catch(() => {});
      }
      await host.stop();
      // The context goes on to the worker's next test (reuseContext). Playwright's reset leaves permissions
      // and routes as they are: a test that set them takes them back here.
      await context.clearPermissions();
      await context.unrouteAll({ behavior: 'ignoreErrors' });
    },
    { auto: true },
  ],
});

export { expect };
