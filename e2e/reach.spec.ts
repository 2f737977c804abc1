import { expect, test } from './support/fixtures';
import { machineAction, row } from './support/ui';

test('copies the SSH command of a machine', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await row(page, 'web-server').click();
  await (await machineAction(page, 'web-server', 'Copy SSH Command')).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied: ssh ubuntu@web-server@orb' }),
  ).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('ssh ubuntu@web-server@orb');
});

test('hands Terminal and VS Code addresses to the browser, and stays on the page', async ({ page }) => {
  // Record the addresses the window hands to the browser (a link click). The click itself is not passed on:
  // headless Chromium answers an ssh:// or vscode:// link by trying to launch a handler, and the page takes
  // no input for seconds while it does (a person sees "Open xdg-open?" there, or Terminal on a Mac).
  await page.addInitScript(() => {
    const opened: string[] = [];
    Object.defineProperty(window, 'openedAddresses', { value: opened });
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      opened.push(this.href);
    };
  });
  await page.reload();
  await row(page, 'ubuntu').click();
  const opened = () =>
    page.evaluate(() => [...(window as unknown as { openedAddresses: string[] }).openedAddresses].sort());
  await (await machineAction(page, 'ubuntu', 'Open Terminal')).click();
  // Handing an address over may take the focus away for a moment (and close a menu): one after the other.
  await expect.poll(opened).toEqual(['ssh://ubuntu@orb']);
  await (await machineAction(page, 'ubuntu', 'Open in VS Code')).click();
  await expect
    .poll(opened)
    .toEqual(['ssh://ubuntu@orb', 'vscode://vscode-remote/ssh-remote+ubuntu%40orb/root']);
  await expect(page.getByRole('grid', { name: 'Machines' })).toBeVisible();
  await expect(row(page, 'ubuntu')).toHaveAttribute('aria-selected', 'true');
});

test.describe('with the host as a process of its own', () => {
  test.use({ hostOptions: { process: true } });

  test('says so when the host goes away', async ({ page, host }) => {
    await expect(row(page, 'ubuntu')).toBeVisible();
    await host.stop();
    await expect(
      page.getByRole('status').filter({ hasText: 'Disconnected from OrbDeck. Reconnecting…' }),
    ).toBeVisible();
  });
});
