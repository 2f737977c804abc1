import { test as base, expect } from '@playwright/test';
import { Host, type HostOptions } from './host';

export const test = base.extend<{ hostOptions: HostOptions; host: Host }>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions, page }, use) => {
    const host = new Host(hostOptions);
    await host.start();
    await page.goto(host.url);
    await use(host);
    await host.stop();
  },
});

export { expect };
