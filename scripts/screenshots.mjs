// Takes the README's screenshots: the headless host in demo mode, driven in Debian's Chromium.
// Usage: node scripts/screenshots.mjs   (after npm run build; writes docs/screenshots/*.png)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoHost } from './lib/demo-host.mjs';
import { CHROMIUM_ARGS } from './lib/chromium.mjs';
import { findChromium, root } from './lib/setup.mjs';

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

async function session(colorScheme) {
  const host = await startDemoHost({
    ORBCTL_SIM_SEED: 'demo',
    ORBCTL_SIM_SPEED: '1',
    ORBCTL_SIM_EXPORT_SCALE: '0.01',
  });
  const url = host.url;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme });
  await page.goto(url);
  const row = (n) => page.getByRole('grid', { name: 'Machines' }).getByRole('row', { name: n, exact: true });
  await row('ubuntu').click();
  // Wait for what `orbctl info` adds (addresses, disk sizes): a screenshot of "—" everywhere shows nothing.
  await row('ubuntu')
    .getByText(/\d+\.\d+\.\d+\.\d+/)
    .waitFor({ timeout: 30_000 });
  await row('alpine')
    .getByText(/\d+(\.\d)? [KMG]B/)
    .waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `machines-${colorScheme}.png`) });
  return { page, host, browser, row };
}

const light = await session('light');
const { page, row } = light;
// A clone and an export running: progress in their rows and in the Activity popover.
const more = async (machine, item) => {
  await row(machine).click();
  await page
    .getByRole('toolbar', { name: `Actions for ${machine}` })
    .getByRole('button', { name: 'More Actions' })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
};
await more('ubuntu', 'Export…');
await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
await page.waitForTimeout(12000);
await more('ubuntu', 'Export…');
await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
await more('fedora', 'Clone…');
await page.getByRole('dialog').getByRole('button', { name: 'Clone', exact: true }).click();
await page.getByRole('button', { name: 'Activity', exact: true }).click();
await page.waitForTimeout(4000);
await page.screenshot({ path: join(out, 'activity-light.png') });
await page.keyboard.press('Escape');
await page.getByRole('button', { name: 'New Machine' }).click();
// The cloud-init editor with user data, and the near miss it warns of.
await page
  .getByRole('dialog')
  .getByRole('textbox', { name: 'cloud-init user data' })
  .fill('#cloud-config\npackges:\n  - nginx\nruncmd:\n  - systemctl enable --now nginx\n');
await page.waitForTimeout(800);
await page.screenshot({ path: join(out, 'create-light.png') });

await page.keyboard.press('Escape');
// Several machines selected, with the context menu open on them.
await row('alpine').click();
await row('debian').click({ modifiers: ['Shift'] });
await row('debian').click({ button: 'right' });
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'context-menu-light.png') });
await page.keyboard.press('Escape');
// Change Limits… on a stopped machine.
await more('debian', 'Change Limits…');
await page.getByRole('dialog').getByLabel('CPUs').fill('2');
await page.getByRole('dialog').getByLabel('Memory').fill('4G');
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'limits-light.png') });
await page.keyboard.press('Escape');
// Export for a New Mac…, from the File menu (the ☰ button in a browser).
await page.getByRole('button', { name: 'File', exact: true }).click();
await page.getByRole('menuitem', { name: 'Export for a New Mac…' }).click();
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'new-mac-light.png') });
await page.keyboard.press('Escape');

/** The Usage tab with the list's CPU and Memory columns on, and the Ports tab of a machine sharing a port. */
async function usage(s, scheme) {
  await s.page
    .getByRole('grid', { name: 'Machines' })
    .getByRole('columnheader', { name: 'Name' })
    .click({ button: 'right' });
  await s.page.getByRole('menuitem', { name: /CPU and Memory/ }).click();
  await s.row('ubuntu').click();
  await s.page.getByRole('tab', { name: 'Usage' }).click();
  await s.page.getByText(/% of \d+ CPUs/).waitFor({ timeout: 30_000 });
  // Some points for the graphs.
  await s.page.waitForTimeout(20_000);
  await s.page.screenshot({ path: join(out, `usage-${scheme}.png`) });
  await s.row('web-server').click();
  await s.page.getByRole('tab', { name: 'Ports' }).click();
  await s.page.getByText(/also served on every address/).waitFor({ timeout: 30_000 });
  await s.page.screenshot({ path: join(out, `ports-${scheme}.png`) });
}
await usage(light, 'light');

const dark = await session('dark');
await usage(dark, 'dark');
for (const s of [light, dark]) {
  await s.browser.close();
  s.host.stop();
}
console.log(`Screenshots written to ${out}`);
