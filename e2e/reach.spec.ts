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
  // Record the addresses the window hands to the browser (a link click), then let the click happen.
  await page.addInitScript(() => {
    const opened: string[] = [];
    Object.defineProperty(window, 'openedAddresses', { value: opened });
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      opened.push(this.href);
      click.call(this);
    };
  });
  await page.reload();
  await row(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Open Terminal')).click();
  await (await machineAction(page, 'ubuntu', 'Open in VS Code')).click();
  await expect
    .poll(() =>
      page.evaluate(() => [...(window as unknown as { openedAddresses: string[] }).openedAddresses].sort()),
    )
    .toEqual(['ssh://ubuntu@orb', 'vscode://vscode-remote/ssh-remote+ubuntu%40orb/root']);
  await expect(page.getByRole('grid', { name: 'Machines' })).toBeVisible();
  await expect(row(page, 'ubuntu')).toHaveAttribute('aria-selected', 'true');
});

test('says so when the host goes away', async ({ page, host }) => {
  await expect(row(page, 'ubuntu')).toBeVisible();
  await host.stop();
  await expect(
    page.getByRole('status').filter({ hasText: 'Disconnected from OrbDeck. Reconnecting…' }),
  ).toBeVisible();
});
