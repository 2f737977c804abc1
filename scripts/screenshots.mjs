// Takes the README's screenshots: the headless host in demo mode, driven in Debian's Chromium.
// Usage: node scripts/screenshots.mjs   (after npm run build; writes docs/screenshots/*.png)
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { showAgentsWork } from './lib/agent-calls.mjs';
import { SIM, startDemoHost } from './lib/demo-host.mjs';
import { CHROMIUM_ARGS } from './lib/chromium.mjs';
import { findChromium, root } from './lib/setup.mjs';

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

async function session(colorScheme) {
  // A data folder the script knows, for the agent's calls (they find the host through it).
  const dataDir = join(mkdtempSync(join(tmpdir(), 'orbdeck-shots-')), 'data');
  const host = await startDemoHost(
    {
      ORBCTL_SIM_SEED: 'demo',
      ORBCTL_SIM_SPEED: '1',
      ORBCTL_SIM_EXPORT_SCALE: '0.01',
      ORBDECK_DATA_DIR: dataDir,
    },
    // debian was made with limits (2 CPUs, 4 GB, a 64 GB disk): Info and Change Limits… show them.
    (env) => {
      for (const [key, value] of [
        ['cpu', '2'],
        ['memory_mib', '4096'],
        ['disk_bytes', String(64 * 1024 ** 3)],
      ])
        spawnSync(SIM, ['config', 'set', `machine.debian.${key}`, value], { env });
    },
  );
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
  return { page, host, browser, row, dataDir };
}

/** A sandbox with its countdown in the inspector; in light also the New Sandbox sheet and an agent's History. */
async function sandboxShots({ page, row, dataDir }, scheme) {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New Sandbox…' }).click();
  const sheet = page.getByRole('dialog', { name: 'New Sandbox' });
  await sheet.getByLabel('Time limit').selectOption({ label: '2 hours' });
  await sheet
    .getByRole('textbox', { name: 'cloud-init user data' })
    .fill('#cloud-config\npackages:\n  - git\n  - nodejs\nruncmd:\n  - echo ready\n');
  await page.waitForTimeout(500);
  if (scheme === 'light') await page.screenshot({ path: join(out, 'new-sandbox-light.png') });
  await sheet.getByRole('button', { name: 'Create Sandbox' }).click();
  await page
    .getByRole('navigation', { name: 'Sidebar' })
    .getByRole('button', { name: /Sandboxes/ })
    .click();
  await row('sandbox').click({ timeout: 60_000 });
  const section = page.getByRole('region', { name: 'Sandbox', exact: true });
  await section.getByText('Resets to its golden checkpoint').waitFor({ timeout: 90_000 });
  // Passing messages fade after 4 s.
  await page.waitForTimeout(4500);
  await page.screenshot({ path: join(out, `sandbox-${scheme}.png`) });
  if (scheme !== 'light') return;
  await showAgentsWork(dataDir);
  await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'History' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, 'agent-history-light.png') });
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
// Change Limits… on a stopped machine: it opens with what the machine has; here the CPUs are being changed.
await more('debian', 'Change Limits…');
await page.getByRole('dialog').getByLabel('CPUs').fill('4');
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
await sandboxShots(light, 'light');

const dark = await session('dark');
await usage(dark, 'dark');
await sandboxShots(dark, 'dark');
for (const s of [light, dark]) {
  await s.browser.close();
  s.host.stop();
}
console.log(`Screenshots written to ${out}`);
