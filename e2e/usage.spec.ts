import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { details, machineTable, row } from './support/ui';

/** The inspector's tab of a machine, opened by a click on its row. */
async function openTab(page: Page, machine: string, tab: 'Usage' | 'Ports') {
  await row(page, machine).click();
  await details(page, machine).getByRole('tab', { name: tab }).click();
}

const status = (page: Page, machine: string) =>
  details(page, machine)
    .getByRole('status')
    .filter({ hasText: /Read from inside|Listening TCP|Not available/ });

/** A row's cell under a column header (hidden columns of a narrow list are not counted on either side). */
async function cell(page: Page, machine: string, column: string) {
  const headers = await machineTable(page).getByRole('columnheader').allTextContents();
  return row(page, machine)
    .getByRole('gridcell')
    .nth(headers.findIndex((h) => h.trim() === column));
}

/** Makes the page hidden or visible, as switching tabs or minimising does (headless Chromium never hides one). */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      value: h ? 'hidden' : 'visible',
      configurable: true,
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('the Usage tab shows figures read from inside the machine, and they change', async ({ page }) => {
  await openTab(page, 'ubuntu', 'Usage');
  const usage = page.getByRole('region', { name: 'Usage of ubuntu' });
  await expect(usage.getByText(/^\d+(\.\d)? % of 8 CPUs$/)).toBeVisible({ timeout: 15_000 });
  await expect(usage.getByText(/cache .* not counted/)).toBeVisible();
  await expect(usage.getByRole('img', { name: 'CPU graph' })).toBeVisible();
  const first = await status(page, 'ubuntu').textContent();
  // A new sample every 2 s: the time of the last one moves on.
  await expect(status(page, 'ubuntu')).not.toHaveText(first!, { timeout: 10_000 });
  await expect(usage.getByText(/^\d+(\.\d+)? (MB|GB) of 128\.0 GB \(\d+ %\),/)).toBeVisible();
});

test('a stopped machine says why it has no figures, and is not started', async ({ page }) => {
  await openTab(page, 'debian', 'Usage');
  await expect(status(page, 'debian')).toHaveText('Not available: debian is stopped.');
  await expect(row(page, 'debian')).toContainText('Stopped');
});

test('the largest folders are measured on request, and a folder opens its own', async ({ page }) => {
  await openTab(page, 'ubuntu', 'Usage');
  await page.getByRole('button', { name: 'Largest Folders' }).click();
  const root = page.getByRole('table', { name: 'Largest folders in /' });
  await expect(root.getByRole('row').first()).toContainText('/usr');
  await root.getByRole('button', { name: '/var' }).click();
  await expect(
    page.getByRole('table', { name: 'Largest folders in /var' }).getByRole('row').first(),
  ).toContainText('/var/lib');
  await page.getByRole('button', { name: 'Up to /' }).click();
  await expect(page.getByRole('table', { name: 'Largest folders in /' })).toBeVisible();
});

test('each port links to NAME.orb.local:PORT, and a port another machine serves too is pointed out', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const opened: string[] = [];
    Object.defineProperty(window, 'openedAddresses', { value: opened });
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  await page.reload();
  await openTab(page, 'web-server', 'Ports');
  const ports = page.getByRole('table', { name: 'Ports of web-server' });
  await expect(ports.getByRole('row', { name: 'Port 8080', exact: true })).toContainText('node');
  await ports
    .getByRole('row', { name: 'Port 80', exact: true })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { openedAddresses: string[] }).openedAddresses))
    .toEqual(['http://web-server.orb.local:80/']);
  // fedora also serves 8080 on every address (its ports are read in the background for this).
  await expect(page.getByRole('note')).toHaveText(/^Port 8080 is also served on every address by fedora/, {
    timeout: 20_000,
  });
});

test('nothing is read for a page while it is hidden', async ({ page, context, host }) => {
  await openTab(page, 'ubuntu', 'Usage');
  await expect(status(page, 'ubuntu')).toContainText('Read from inside', { timeout: 15_000 });
  await setHidden(page, true);
  // Another page of the same host stays visible and reads fedora: the time its samples take is the clock.
  const other = await context.newPage();
  await other.goto(host.url);
  await openTab(other, 'fedora', 'Usage');
  await expect(status(other, 'fedora')).toContainText('Read from inside', { timeout: 15_000 });
  const frozen = await status(page, 'ubuntu').textContent();
  for (let samples = 0; samples < 3; samples++) {
    const seen = await status(other, 'fedora').textContent();
    await expect(status(other, 'fedora')).not.toHaveText(seen!, { timeout: 10_000 });
  }
  // Three of fedora's samples later (4 s and more), ubuntu, read every 2 s while shown, was not read.
  await expect(status(page, 'ubuntu')).toHaveText(frozen!);
  await setHidden(page, false);
  await expect(status(page, 'ubuntu')).not.toHaveText(frozen!, { timeout: 10_000 });
});

test('the CPU and Memory columns come on from the header’s menu, sort, and mark a filesystem that is full', async ({
  page,
  host,
}) => {
  expect(host.sim('__sim', 'set', 'fedora', 'fs_total=2000000000', 'disk_size=1900000000').status).toBe(0);
  await expect(machineTable(page).getByRole('columnheader', { name: 'CPU' })).toHaveCount(0);
  await machineTable(page).getByRole('columnheader', { name: 'Name' }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'CPU and Memory' }).click();
  await expect(machineTable(page).getByRole('columnheader', { name: 'CPU' })).toBeVisible();
  await expect(await cell(page, 'ubuntu', 'CPU')).toHaveText(/^\d+(\.\d)? %$/, { timeout: 20_000 });
  await expect(await cell(page, 'ubuntu', 'Memory')).toHaveText(/^\d+(\.\d)? (MB|GB)$/);
  await expect(await cell(page, 'debian', 'CPU')).toHaveText('—');
  await expect(row(page, 'fedora').getByLabel('Filesystem 95 % full')).toBeVisible();
  await expect(page.getByText('fedora’s filesystem is 95 % full (100.0 MB free).')).toHaveCount(1);
  // Highest CPU first: a running machine leads, the stopped ones (no figure) come last.
  await machineTable(page).getByRole('columnheader', { name: 'CPU' }).click();
  await machineTable(page).getByRole('columnheader', { name: 'CPU' }).click();
  await expect(machineTable(page).getByRole('row').nth(1)).toContainText('Running');
  await expect(machineTable(page).getByRole('row').last()).toContainText('Stopped');
});
