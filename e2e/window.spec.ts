import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button, details, machineTable, openActivity, row } from './support/ui';

// The Mac window: context menu, multi-select and bulk actions, placeholder rows, the Activity popover, the
// narrow layout, toasts that fade, and the screens that stand alone when there is nothing to list.

test('a right-click opens the machine’s menu, built from the same rules as its buttons', async ({ page }) => {
  await row(page, 'alpine').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for alpine' });
  await expect(menu.getByRole('menuitem', { name: 'Stop' })).toBeDisabled(); // alpine is stopped
  await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  // Control-click is a right-click on a Mac; here the context-menu key opens the same menu from the keyboard.
  await row(page, 'fedora').click();
  await machineTable(page).press('Shift+F10');
  const fedora = page.getByRole('menu', { name: 'Actions for fedora' });
  await fedora.getByRole('menuitem', { name: 'Rename…' }).click();
  await expect(page.getByRole('dialog', { name: 'Rename “fedora”' })).toBeVisible();
});

test('several machines: ⌘/Ctrl-click and ⇧-click select them, the inspector offers the bulk actions', async ({
  page,
}) => {
  await row(page, 'fedora').click();
  await row(page, 'web-server').click({ modifiers: ['Control'] });
  await expect(row(page, 'fedora')).toHaveAttribute('aria-selected', 'true');
  const bulk = page.getByRole('complementary', { name: '2 machines selected' });
  await expect(bulk).toBeVisible();
  await expect(bulk.getByRole('button', { name: 'Start', exact: true })).toBeDisabled(); // both run
  await bulk.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(row(page, 'fedora')).toContainText('Stopped', { timeout: 15_000 });
  await expect(row(page, 'web-server')).toContainText('Stopped', { timeout: 15_000 });

  // ⇧-click selects the range in the order shown: alpine … debian is alpine, arch-x86, debian.
  await row(page, 'alpine').click();
  await row(page, 'debian').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('complementary', { name: '3 machines selected' })).toBeVisible();
});

test('a bulk delete asks once, naming every machine, and deletes only after the confirmation', async ({
  page,
}) => {
  await row(page, 'alpine').click();
  await row(page, 'nixos').click({ modifiers: ['Control'] });
  await row(page, 'nixos').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete 2 Machines…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 Machines?' });
  await expect(dialog.getByRole('list', { name: 'Machines to delete' })).toHaveText(/alpine\s*nixos/);
  await button(dialog, 'Cancel').click();
  await expect(row(page, 'alpine')).toBeVisible();
  await page.keyboard.press('Delete');
  await button(page.getByRole('dialog', { name: 'Delete 2 Machines?' }), 'Delete 2 Machines').click();
  await expect(row(page, 'alpine')).toBeHidden({ timeout: 15_000 });
  await expect(row(page, 'nixos')).toBeHidden({ timeout: 15_000 });
  await expect(row(page, 'debian')).toBeVisible();
});

test('a bulk export writes one file per machine into one folder, one job each, and an index the folder imports by', async ({
  page,
}) => {
  // A folder of the person's own: OrbDeck's data folder is refused as a place to write exports.
  const folder = mkdtempSync(join(tmpdir(), 'orbdeck-new-mac-'));
  await row(page, 'alpine').click();
  await row(page, 'debian').click({ modifiers: ['Control'] });
  await page
    .getByRole('complementary', { name: '2 machines selected' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export 2 Machines' });
  await dialog.getByLabel('Folder').fill(folder);
  await button(dialog, 'Export 2 Machines').click();
  await openActivity(page);
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(
    activity.getByRole('listitem', { name: /^Export alpine to alpine-\d{8}-\d{6}\.tar\.zst$/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    activity.getByRole('listitem', { name: /^Export debian to debian-\d{8}-\d{6}\.tar\.zst$/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  // The folder holds an index too; File › Import Folder… (a browser types the path) lists both.
  await expect
    .poll(() => indexStates(folder), { timeout: 60_000 })
    .toEqual(['alpine exported', 'debian exported']);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Import Folder…' }).click();
  const pick = page.getByRole('dialog', { name: 'Import Folder' });
  await pick.getByLabel('Folder').fill(folder);
  await button(pick, 'Show Machines').click();
  const importing = page.getByRole('dialog', { name: 'Import 2 Machines' });
  await expect(importing.getByRole('status').first()).toHaveText(
    `2 machines from ${folder}, as its index lists them.`,
  );
  await expect(importing.getByLabel('Name for debian')).toHaveValue('debian-2');
});

/** What the folder's orbdeck-index.json says of each machine (empty while it is not there). */
function indexStates(folder: string): string[] {
  const path = join(folder, 'orbdeck-index.json');
  if (!existsSync(path)) return [];
  const index = JSON.parse(readFileSync(path, 'utf8')) as {
    machines: Array<{ machine: string; state: string }>;
  };
  return index.machines.map((e) => `${e.machine} ${e.state}`);
}

test.describe('a machine being created', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'slow:create:4000' } } });

  // The job's placeholder row shows until the next list has the machine, which orbctl lists (as creating) from
  // the moment it exists: either way a row named for it is there at once, and it becomes the real, running row.
  test('shows at once as a row and becomes the real machine', async ({ page }) => {
    await button(page, 'New Machine').click();
    const dialog = page.getByRole('dialog', { name: 'New Machine' });
    await dialog.getByLabel('Name').fill('brand-new');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const placeholder = machineTable(page).getByRole('row', { name: /^brand-new \((creating|queued)\)$/ });
    await expect(placeholder.or(row(page, 'brand-new'))).toBeVisible();
    await expect(row(page, 'brand-new')).toContainText(/Creating|Starting|Running/);
    await expect(row(page, 'brand-new')).toContainText('Running', { timeout: 30_000 });
    await expect(placeholder).toHaveCount(0);
  });
});

test('the toolbar’s Activity button opens a popover, not a drawer across the window', async ({ page }) => {
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity).toBeHidden();
  await button(page, 'Activity').click();
  await expect(activity).toBeVisible();
  await expect(activity).toContainText('Nothing is running.');
  const box = (await activity.boundingBox())!;
  expect(box.width).toBeLessThan(420);
  await page.keyboard.press('Escape');
  await expect(activity).toBeHidden();
  // The whole history is a page of the sidebar.
  await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'Job history' })).toBeVisible();
});

test('the sidebar filters the list and can be hidden', async ({ page }) => {
  const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
  await sidebar.getByRole('button', { name: /^Running/ }).click();
  await expect(row(page, 'ubuntu')).toBeVisible();
  await expect(row(page, 'alpine')).toBeHidden();
  await sidebar.getByRole('button', { name: /^All Machines/ }).click();
  await expect(row(page, 'alpine')).toBeVisible();
  await button(page, 'Hide Sidebar').click();
  await expect(sidebar).toBeHidden();
  await button(page, 'Show Sidebar').click();
  await expect(sidebar).toBeVisible();
});

test.describe('in a narrow window', () => {
  test.use({ viewport: { width: 720, height: 600 } });

  test('the inspector slides over the list when asked, and nothing falls below the fold', async ({
    page,
  }) => {
    await row(page, 'ubuntu').click();
    await expect(details(page, 'ubuntu')).toBeHidden();
    await machineTable(page).press('Enter');
    const inspector = details(page, 'ubuntu');
    await expect(inspector).toBeVisible();
    // Where it comes to rest: it is visible from the first frame of its slide, while still partly off the edge.
    const edges = async () => {
      const box = (await inspector.boundingBox())!;
      return { right: box.x + box.width <= 720, bottom: box.y + box.height <= 600 };
    };
    await expect.poll(edges).toEqual({ right: true, bottom: true });
    await button(inspector, 'Close Inspector').click();
    await expect(inspector).toBeHidden();
    // The list keeps its power buttons at this width.
    await expect(row(page, 'ubuntu').getByRole('button', { name: 'Stop' })).toBeInViewport();
  });
});

test('passing toasts fade by themselves; errors stay until dismissed', async ({ page }) => {
  await row(page, 'web-server').click();
  await page.getByRole('button', { name: 'More Actions' }).click();
  await page.getByRole('menuitem', { name: 'Copy SSH Command' }).click();
  const copied = page.getByRole('status').filter({ hasText: 'Copied:' });
  await expect(copied).toBeVisible();
  await expect(copied).toBeHidden({ timeout: 8_000 });
});

test.describe('a failed action', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'fail:start@alpine:1:not enough disk space' } } });

  test('marks its row, says what to do next in the inspector, and its error stays until dismissed', async ({
    page,
  }) => {
    await row(page, 'alpine').getByRole('button', { name: 'Start' }).click();
    await expect(row(page, 'alpine').getByLabel('Start alpine failed')).toBeVisible({ timeout: 15_000 });
    // The error toast outlives a passing toast's 4 s.
    const toast = page.locator('.toasts').getByRole('alert').filter({ hasText: 'Start alpine failed' });
    await expect(toast).toBeVisible();
    await page.waitForTimeout(5_000);
    await expect(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toBeHidden();
    await row(page, 'alpine').click();
    const banner = details(page, 'alpine').getByRole('alert', { name: 'Start alpine failed' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Try Again' })).toBeEnabled();
    await banner.getByRole('button', { name: 'Show Logs' }).click();
    await expect(details(page, 'alpine').getByRole('tab', { name: 'Logs' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(row(page, 'alpine').getByLabel('Start alpine failed')).toBeHidden();
  });
});

test.describe('when the first list fails', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'fail:list:1:daemon exploded' } } });

  test('shows the error alone, not an empty list or “last seen”', async ({ page }) => {
    const screen = page.getByRole('alert', { name: 'Could not list machines' });
    await expect(screen.getByRole('heading', { name: 'Could not list your machines' })).toBeVisible();
    await expect(page.getByText('showing what was last seen')).toBeHidden();
    await expect(page.getByText('No machine matches')).toBeHidden();
    await expect(machineTable(page)).toBeHidden();
  });
});
