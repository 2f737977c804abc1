import type { Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button, machineAction, openActivity } from './support/ui';

// Run a command in a machine, copy files out and in, through the real UI and core.
const machine = (page: Page, name: string) => page.locator(`[data-machine="${name}"]`);

async function openRun(page: Page, name: string) {
  await machine(page, name).click();
  await (await machineAction(page, name, 'Run Command')).click();
  return page.getByRole('dialog', { name: `Run Command in “${name}”` });
}

test('runs a command, streaming stdout and stderr apart, then shows the exit code and the time', async ({
  page,
}) => {
  const dialog = await openRun(page, 'ubuntu');
  await expect(dialog).toContainText('runs in ubuntu’s shell');
  await dialog.getByLabel('Command').fill('echo hello; echo warn >&2; sleep 2; echo bye');
  await button(dialog, 'Run').click();
  const output = dialog.getByRole('log', { name: 'Output' });
  // The first lines are there while the command still sleeps.
  await expect(output).toContainText('hello');
  await expect(dialog.getByRole('status', { name: 'Command status' })).toHaveText('Running…');
  await expect(output.locator('[data-stream="stderr"]')).toHaveText('warn\n');
  await expect(dialog.getByRole('status', { name: 'Command status' })).toHaveText(
    /^The command exited with 0 in \d+\.\d s\.$/,
    { timeout: 15_000 },
  );
  await expect(output).toHaveText('hello\nwarn\nbye\n');
  // Re-run, and the history lists it.
  await button(dialog, 'Run Again').click();
  await expect(dialog.getByRole('status', { name: 'Command status' })).toHaveText(/exited with 0/, {
    timeout: 15_000,
  });
  await expect(dialog.getByRole('list', { name: 'Recent commands' }).getByRole('listitem')).toHaveCount(2);
});

test('offers root once when the default user is root, and both where they differ', async ({ page }) => {
  // The simulator's machines have this computer's user (root here) as their default user, but web-server.
  const dialog = await openRun(page, 'ubuntu');
  await expect(dialog.getByLabel('Run as')).toHaveText('root (default user)');
  await expect(dialog.getByText(/^root/)).toHaveCount(1);
  await page.keyboard.press('Escape');
  const other = await openRun(page, 'web-server');
  const runAs = other.getByRole('combobox', { name: 'Run as' });
  await expect(runAs.getByRole('option')).toHaveText(['ubuntu (default user)', 'root']);
});

test('shows a failing command as failed, with its code and its stderr', async ({ page }) => {
  const dialog = await openRun(page, 'web-server');
  await dialog.getByLabel('Command').fill('ls /no/such/dir');
  await dialog.getByRole('combobox', { name: 'Run as' }).selectOption('root');
  await button(dialog, 'Run').click();
  await expect(dialog.getByRole('status', { name: 'Command status' })).toHaveText(/exited with 2 in/, {
    timeout: 15_000,
  });
  await expect(dialog.getByRole('log', { name: 'Output' }).locator('[data-stream="stderr"]')).toContainText(
    'No such file or directory',
  );
  await button(dialog, 'Close').click();
  await openActivity(page);
  await expect(page.getByRole('region', { name: 'Activity' })).toContainText(
    'Run “ls /no/such/dir” in web-server as root',
  );
});

test('runs one command in several selected machines, a job each, each with its own ending and output', async ({
  page,
}) => {
  await machine(page, 'fedora').click();
  await machine(page, 'web-server').click({ modifiers: ['Control'] });
  const bulk = page.getByRole('complementary', { name: '2 machines selected' });
  await button(bulk, 'Run Command…').click();
  const dialog = page.getByRole('dialog', { name: 'Run Command in 2 Machines' });
  await dialog.getByLabel('Command').fill('echo hello; ls /no/such/dir');
  await button(dialog, 'Run in 2 Machines').click();
  const runs = dialog.getByRole('table', { name: 'Runs' });
  for (const name of ['fedora', 'web-server']) {
    await expect(runs.getByRole('row', { name: new RegExp(name) })).toContainText(/exited with 2 in/, {
      timeout: 20_000,
    });
  }
  await button(runs, 'web-server').click();
  await expect(dialog.getByRole('status', { name: 'Shown output' })).toHaveText('Output of web-server');
  await expect(dialog.getByRole('log', { name: 'Output' })).toContainText('hello');
  await expect(dialog.getByRole('log', { name: 'Output' }).locator('[data-stream="stderr"]')).toContainText(
    'No such file or directory',
  );
  await expect(button(dialog, 'Run Again')).toBeEnabled();
});

test('stops a running command on Stop', async ({ page }) => {
  const dialog = await openRun(page, 'ubuntu');
  await dialog.getByLabel('Command').fill('echo started; sleep 120');
  await button(dialog, 'Run').click();
  await expect(dialog.getByRole('log', { name: 'Output' })).toContainText('started');
  await button(dialog, 'Stop').click();
  await expect(dialog.getByRole('status', { name: 'Command status' })).toHaveText(
    /^The command stopped after/,
    {
      timeout: 15_000,
    },
  );
  await expect(button(dialog, 'Run Again')).toBeEnabled();
});

test('copies a file out of a machine, and says plainly when the path is not there', async ({
  page,
  host,
}) => {
  // A file in the machine's home, put there as `orbctl push` would.
  const src = join(host.home, 'notes.txt');
  writeFileSync(src, 'from the machine');
  expect(host.sim('push', '-m', 'ubuntu', src, 'docs/').status).toBe(0);
  const out = join(host.home, 'out');
  mkdirSync(out);

  await machine(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Copy File from Machine')).click();
  const dialog = page.getByRole('dialog', { name: 'Copy File from “ubuntu”' });
  await dialog.getByLabel('Path in ubuntu').fill('docs/missing.txt');
  // The suggested place lands first: typed over while it lands, the two would mix.
  await expect(dialog.getByLabel('Save as')).toHaveValue(/\/missing\.txt$/);
  await dialog.getByLabel('Save as').fill(join(out, 'missing.txt'));
  await button(dialog, 'Copy').click();
  await expect(dialog.getByRole('alert')).toContainText("There is no 'docs/missing.txt' in 'ubuntu'.", {
    timeout: 15_000,
  });
  expect(readdirSync(out)).toEqual([]);

  await dialog.getByLabel('Path in ubuntu').fill('docs/notes.txt');
  await dialog.getByLabel('Save as').fill(join(out, 'notes.txt'));
  await button(dialog, 'Copy').click();
  await expect(dialog.getByRole('status')).toContainText(`Copied to ${join(out, 'notes.txt')}`, {
    timeout: 15_000,
  });
  expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('from the machine');
});

test('Replace names the file it replaces, and a folder with that name is refused, never replaced', async ({
  page,
  host,
}) => {
  const src = join(host.home, 'notes.txt');
  writeFileSync(src, 'from the machine');
  expect(host.sim('push', '-m', 'ubuntu', src, 'docs/').status).toBe(0);
  const out = join(host.home, 'out');
  mkdirSync(join(out, 'project', 'src'), { recursive: true });
  writeFileSync(join(out, 'project', 'README'), 'mine');
  writeFileSync(join(out, 'notes.txt'), 'old notes');

  await machine(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Copy File from Machine')).click();
  const dialog = page.getByRole('dialog', { name: 'Copy File from “ubuntu”' });
  await dialog.getByLabel('Path in ubuntu').fill('docs/notes.txt');
  await dialog.getByLabel('Save as').fill(join(out, 'project'));
  await button(dialog, 'Copy').click();
  await expect(dialog).toContainText("'project' is a folder with 2 items. OrbDeck replaces only a file");
  expect(readdirSync(join(out, 'project')).sort()).toEqual(['README', 'src']);

  await dialog.getByLabel('Save as').fill(join(out, 'notes.txt'));
  await button(dialog, 'Copy').click();
  await expect(dialog.getByRole('alert')).toContainText(
    /The file 'notes\.txt' \(9 bytes, changed .+\) is already there\. Replace it\? It is kept until the copy is complete\./,
  );
  expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('old notes');
  await button(dialog, 'Replace').click();
  await expect(dialog.getByRole('status')).toContainText(`Copied to ${join(out, 'notes.txt')}`, {
    timeout: 15_000,
  });
  expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('from the machine');
});

test('copies files into a folder of the machine with a picker', async ({ page, host }) => {
  await machine(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Copy File to Machine')).click();
  const dialog = page.getByRole('dialog', { name: 'Copy Files to “ubuntu”' });
  await dialog.getByLabel('Files to copy').setInputFiles({
    name: 'hello.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hi there'),
  });
  await dialog.getByLabel('Into folder').fill('inbox');
  await button(dialog, 'Copy').click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => host.sim('run', '-m', 'ubuntu', 'cat', 'inbox/hello.txt').stdout, { timeout: 15_000 })
    .toBe('hi there');
});

test('shows how to reach a machine: NAME.orb.local with Copy Address and Open in Browser', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await machine(page, 'web-server').click();
  const reach = page.getByRole('region', { name: 'Reach web-server' });
  await expect(reach).toContainText('web-server.orb.local');
  await expect(reach).toContainText('ssh ubuntu@web-server@orb');
  await button(reach, 'Copy Address').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('web-server.orb.local');
  // Stands in for the machine's web server (there is no OrbStack DNS here).
  await context.route('http://web-server.orb.local/', (route) =>
    route.fulfill({ body: 'hello from web-server' }),
  );
  const popup = page.waitForEvent('popup');
  await button(reach, 'Open in Browser').click();
  expect((await popup).url()).toBe('http://web-server.orb.local/');
  await expect(page.locator('[data-machine="web-server"]')).toBeVisible();
});
