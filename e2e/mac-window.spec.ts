import { expect, test } from './support/fixtures';
import { button, details, machineTable, row } from './support/ui';

// What reads as a Mac app's window: History as a table with bulk actions grouped, a toolbar that keeps its
// place, an inspector whose width the person sets.

test('History: a bulk action is one entry, opened to show its jobs, narrowed by the search and filters', async ({
  page,
}) => {
  await row(page, 'fedora').click();
  await row(page, 'web-server').click({ modifiers: ['Control'] });
  await button(page.getByRole('complementary', { name: '2 machines selected' }), 'Stop').click();
  await expect(row(page, 'fedora')).toContainText('Stopped', { timeout: 15_000 });
  await expect(row(page, 'web-server')).toContainText('Stopped', { timeout: 15_000 });

  await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'All history' });
  const group = history.getByRole('listitem', { name: 'Stop 2 machines' });
  await expect(group).toContainText('Stop 2 machines — 2 done');
  await expect(group).toContainText('just now');
  await button(group, 'Show the 2 jobs of Stop 2 machines').click();
  const jobs = group.getByRole('list', { name: 'Jobs of Stop 2 machines' }).getByRole('listitem');
  await expect(jobs).toHaveText([/Stop (fedora|web-server)/, /Stop (fedora|web-server)/]);
  // Each line is a compact row.
  const line = (await jobs.first().boundingBox())!;
  expect(line.height).toBeLessThanOrEqual(28);

  await page.getByRole('searchbox', { name: 'Filter history' }).fill('fedora');
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem', { name: 'Stop fedora' })).toContainText('Done');
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('failed');
  await expect(page.getByText('No finished job matches the filter.')).toBeVisible();
  // The machine list keeps its own search.
  await page
    .getByRole('navigation', { name: 'Sidebar' })
    .getByRole('button', { name: 'All Machines' })
    .click();
  await expect(page.getByRole('searchbox', { name: 'Filter machines' })).toHaveValue('');
});

test.describe('while a job runs', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_SPEED: '0.2' } } });

  test('the toolbar keeps its place: nothing moves under the pointer', async ({ page }) => {
    const toolbar = ['New Machine', 'Import…', 'Refresh', 'Activity'];
    const boxes = async () =>
      Promise.all(toolbar.map(async (name) => (await button(page, name).boundingBox())!));
    const before = await boxes();
    await row(page, 'alpine').getByRole('button', { name: 'Start' }).click();
    await expect(button(page, 'Activity')).toHaveAttribute('title', /1 running/);
    expect(await boxes()).toEqual(before);
  });
});

test('the inspector’s divider sets its width, by mouse and keys, and the width is kept', async ({ page }) => {
  await row(page, 'ubuntu').click();
  const inspector = details(page, 'ubuntu');
  const width = async () => Math.round((await inspector.boundingBox())!.width);
  expect(await width()).toBe(320);
  const divider = page.getByRole('separator', { name: 'Inspector width' });
  const at = (await divider.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + 100);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 - 160, at.y + 100, { steps: 4 });
  await page.mouse.up();
  expect(await width()).toBe(480);
  await page.reload();
  await row(page, 'ubuntu').click();
  expect(await width()).toBe(480);
  await divider.focus();
  await page.keyboard.press('Home');
  expect(await width()).toBe(280);
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '296');
  expect(await width()).toBe(296);
  await expect(machineTable(page)).toBeVisible();
});

test('files dragged over a row light it up, and the row says what a drop on it does', async ({ page }) => {
  const ubuntu = row(page, 'ubuntu');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    return dt;
  });
  const said = () =>
    ubuntu.evaluate((el) =>
      getComputedStyle(el, '::after')
        .content.replace(/^"|"$/g, '')
        .replace(/^none$/, ''),
    );
  expect(await said()).toBe('');
  await ubuntu.dispatchEvent('dragenter', { dataTransfer });
  await ubuntu.dispatchEvent('dragover', { dataTransfer });
  await expect.poll(said).toBe('Drop to copy into ubuntu (an export is imported)');
  // Over another row, that row says it instead.
  await row(page, 'debian').dispatchEvent('dragover', { dataTransfer });
  await expect.poll(said).toBe('');
  await row(page, 'debian').dispatchEvent('dragleave', { dataTransfer });
  await expect
    .poll(() => row(page, 'debian').evaluate((el) => getComputedStyle(el, '::after').content))
    .toBe('none');
});
