import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { expect, test } from './support/fixtures';
import type { Host } from './support/host';
import { button, details, openActivity, row } from './support/ui';

// Sandboxes in the demo: New Sandbox…, golden after cloud-init, a change undone by Reset, a time limit that
// runs out, and the start policy in the context menu.
test.use({ hostOptions: { env: { ORBCTL_SIM_CLOUD_INIT_MS: '4000' } } });

const sandbox = (page: Page, name: string) =>
  details(page, name).getByRole('region', { name: 'Sandbox', exact: true });
const historyItem = async (page: Page, title: string) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' }).getByRole('listitem', { name: title });
};

/** What another window of the same host asks the core (here: a time limit shorter than the sheet offers). */
async function invoke(host: Host, channel: string, request: unknown): Promise<unknown> {
  const url = new URL(host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const ws = new WebSocket(`ws://${url.host}/ws?token=${token}`, { headers: { Origin: url.origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answer = new Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>((resolve) =>
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: never };
      if (message.id === 1) resolve(message.result!);
    }),
  );
  ws.send(JSON.stringify({ id: 1, channel, request }));
  const result = await answer;
  ws.close();
  if (!result.ok) throw new Error(result.error!.message);
  return result.data;
}

/** A file put in a machine from the terminal (`orbctl push`), as a change to undo. */
function change(host: Host, machine: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'orbdeck-change-')), 'notes.txt');
  writeFileSync(file, 'changed\n');
  expect(host.sim('push', '-m', machine, file, 'notes.txt').status).toBe(0);
  expect(host.sim('run', '-m', machine, 'cat', 'notes.txt').stdout).toBe('changed\n');
}

test('a new sandbox becomes golden once cloud-init is done, and Reset undoes a change', async ({
  page,
  host,
}) => {
  test.slow(); // a create, cloud-init, a golden checkpoint and a reset, one after another
  await page
    .getByRole('navigation', { name: 'Sidebar' })
    .getByRole('button', { name: /Sandboxes/ })
    .click();
  await expect(page.getByRole('region', { name: 'No sandboxes' })).toContainText('No sandboxes yet');
  await button(page, 'New Sandbox…').click();
  const sheet = page.getByRole('dialog', { name: 'New Sandbox' });
  await expect(sheet.getByLabel('Name')).toHaveValue('sandbox');
  await sheet.getByLabel('Time limit').selectOption({ label: '1 hour' });
  await sheet.getByRole('textbox', { name: /cloud-init/i }).fill('#cloud-config\nruncmd:\n  - echo ready\n');
  await button(sheet, 'Create Sandbox').click();
  await expect(sheet).toBeHidden();

  await expect(row(page, 'sandbox')).toContainText('sandbox', { timeout: 20_000 });
  await row(page, 'sandbox').click();
  const section = sandbox(page, 'sandbox');
  await expect(section).toContainText('Setting up: its golden checkpoint is taken once cloud-init is done.');
  await expect(button(section, 'Reset')).toBeDisabled();
  await expect(section).toContainText('Resets to its golden checkpoint of', { timeout: 20_000 });
  await expect(section.getByRole('timer', { name: 'Time left' })).toHaveText(/^(59:\d\d|1:00:00)$/);
  await expect(details(page, 'sandbox').getByText('Isolated')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sidebar' });
  await expect(nav.getByRole('button', { name: /Sandboxes/ })).toContainText('1');

  change(host, 'sandbox');
  await button(section, 'Reset').click();
  await expect(await historyItem(page, 'Reset sandbox sandbox to its golden checkpoint')).toContainText(
    'Done',
    {
      timeout: 20_000,
    },
  );
  await page.keyboard.press('Escape');
  expect(host.sim('run', '-m', 'sandbox', 'cat', 'notes.txt').status).not.toBe(0);
  // Only the golden checkpoint is left: the state before was deleted once the reset succeeded.
  await row(page, 'sandbox').click();
  await details(page, 'sandbox').getByRole('tab', { name: 'Checkpoints' }).click();
  const checkpoints = details(page, 'sandbox').getByRole('region', { name: 'Checkpoints' });
  await expect(checkpoints).toContainText('1 checkpoint');
  await expect(checkpoints.getByRole('row', { name: /Golden \(sandbox\)/ })).toBeVisible();
});

test('a time limit warns with Extend 1 Hour, then runs out and resets the sandbox, and says so', async ({
  page,
  host,
}) => {
  test.slow();
  await invoke(host, 'sandbox:create', {
    distro: 'alpine',
    name: 'timed',
    timeLimit: { seconds: 14, then: 'reset' },
  });
  await expect(row(page, 'timed')).toContainText('sandbox', { timeout: 20_000 });
  await row(page, 'timed').click();
  const section = sandbox(page, 'timed');
  await expect(section).toContainText('Resets to its golden checkpoint of', { timeout: 20_000 });

  // Halfway through a short limit, the warning, with its button.
  const warning = page.getByRole('alert').filter({ hasText: 'The sandbox “timed” will be reset in' });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await button(warning, 'Extend 1 Hour').click();
  await expect(section.getByRole('timer', { name: 'Time left' })).toHaveText(/^1:00:\d\d$/);

  // A shorter limit again, a change, and this time it runs out.
  await invoke(host, 'sandbox:set-time-limit', { name: 'timed', timeLimit: { seconds: 10, then: 'reset' } });
  change(host, 'timed');
  await expect(
    page.getByRole('status').or(page.getByRole('alert')).filter({
      hasText: 'The time limit of the sandbox “timed” ran out: it is being reset to its golden checkpoint.',
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(
    await historyItem(page, 'Time ran out: Reset sandbox timed to its golden checkpoint'),
  ).toContainText('Done', { timeout: 20_000 });
  expect(host.sim('run', '-m', 'timed', 'cat', 'notes.txt').status).not.toBe(0);
  await page.keyboard.press('Escape');
  await row(page, 'timed').click();
  await expect(section).toContainText('Resets to its golden checkpoint of');
  await expect(section.getByRole('timer')).toHaveCount(0);
});

test('the start policy is a check mark in the context menu and a box in the inspector', async ({ page }) => {
  await row(page, 'debian').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for debian' });
  const item = menu.getByRole('menuitemcheckbox', { name: 'Start with OrbDeck' });
  await expect(item).toHaveAttribute('aria-checked', 'false');
  await item.click();
  await row(page, 'debian').click();
  const policy = details(page, 'debian').getByRole('region', { name: 'With OrbDeck' });
  await expect(policy.getByRole('checkbox', { name: 'Start with OrbDeck' })).toBeChecked();
  await expect(policy.getByRole('checkbox', { name: 'Stop When OrbDeck Quits' })).not.toBeChecked();
  await row(page, 'debian').click({ button: 'right' });
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Start with OrbDeck' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});
