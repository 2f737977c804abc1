import { expect, test } from './support/fixtures';
import { button, details, machineAction, machineTable, row, type SimMachine } from './support/ui';

const simList = (host: { sim(...a: string[]): { stdout: string } }) =>
  JSON.parse(host.sim('list', '-f', 'json').stdout) as SimMachine[];
const simState = (host: { sim(...a: string[]): { stdout: string } }, name: string) =>
  simList(host).find((m) => m.name === name)?.state;

test('shows every machine of the simulator with its state, distro and address', async ({ page, host }) => {
  const machines = simList(host);
  expect(machines.length).toBeGreaterThan(2);
  for (const m of machines) {
    await expect(row(page, m.name)).toContainText(m.state === 'running' ? 'Running' : 'Stopped');
  }
  const running = machines.find((m) => m.state === 'running')!;
  const info = JSON.parse(host.sim('info', running.name, '-f', 'json').stdout) as { ip4: string };
  await expect(row(page, running.name)).toContainText(info.ip4);
});

test('starts, stops and restarts a machine', async ({ page, host }) => {
  const stopped = simList(host).find((m) => m.state === 'stopped')!.name;
  await button(row(page, stopped), 'Start').click();
  await expect(row(page, stopped)).toContainText('Running');
  expect(simState(host, stopped)).toBe('running');

  await row(page, stopped).click();
  // A restart long enough to be seen under way whatever the machine's load (at full speed it can be over
  // before the row is looked at).
  expect(host.sim('__sim', 'fault', `slow:restart@${stopped}:2000`).status).toBe(0);
  await (await machineAction(page, stopped, 'Restart')).click();
  // As a person would: the restart is seen under way, then over, before the next click.
  await expect(row(page, stopped)).toContainText('Restarting');
  await expect(row(page, stopped)).toContainText('Running');
  await (await machineAction(page, stopped, 'Stop')).click();
  await expect(row(page, stopped)).toContainText('Stopped');
  expect(simState(host, stopped)).toBe('stopped');
});

test('creates a machine, validating the name as it is typed', async ({ page, host }) => {
  await button(page, 'New Machine').click();
  const dialog = page.getByRole('dialog', { name: 'New Machine' });
  await dialog.getByLabel('Distribution').selectOption('debian');
  const name = dialog.getByLabel('Name');
  await name.fill('bad_name');
  await expect(dialog.getByText(/no spaces, underscores/)).toBeVisible();
  await expect(button(dialog, 'Create')).toBeDisabled();
  await name.fill('ubuntu');
  await expect(dialog.getByText('A machine named “ubuntu” already exists.')).toBeVisible();
  await name.fill('build-box');
  await dialog.getByLabel('Version').selectOption('trixie');
  await button(dialog, 'Create').click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'build-box')).toContainText('Running', { timeout: 15_000 });
  const created = JSON.parse(host.sim('info', 'build-box', '-f', 'json').stdout) as {
    record: { image: { distro: string; version: string } };
  };
  expect(created.record.image).toMatchObject({ distro: 'debian', version: 'trixie' });
});

test('renames a machine', async ({ page, host }) => {
  await row(page, 'debian').click();
  await (await machineAction(page, 'debian', 'Rename')).click();
  const dialog = page.getByRole('dialog', { name: 'Rename “debian”' });
  await dialog.getByLabel('New name').fill('db-1');
  await button(dialog, 'Rename').click();
  await expect(row(page, 'db-1')).toBeVisible();
  await expect(row(page, 'debian')).toHaveCount(0);
  expect(simList(host).map((m) => m.name)).toContain('db-1');
});

test('deletes only after a confirmation that names the machine', async ({ page, host }) => {
  await row(page, 'alpine').click();
  await (await machineAction(page, 'alpine', 'Delete')).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “alpine”?' });
  await expect(button(dialog, 'Cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(simState(host, 'alpine')).toBe('stopped');

  await (await machineAction(page, 'alpine', 'Delete')).click();
  await button(dialog, 'Delete alpine').click();
  await expect(row(page, 'alpine')).toHaveCount(0);
  expect(simList(host).map((m) => m.name)).not.toContain('alpine');
});

test('makes another machine the default', async ({ page, host }) => {
  await row(page, 'fedora').click();
  await (await machineAction(page, 'fedora', 'Make Default')).click();
  await expect(row(page, 'fedora')).toContainText('default');
  await expect(await machineAction(page, 'fedora', 'Make Default')).toBeDisabled();
  expect(host.sim('default').stdout.trim()).toBe('fedora');
});

test('changes a stopped machine’s limits, and says why a running one cannot', async ({ page, host }) => {
  await row(page, 'ubuntu').click();
  const running = await machineAction(page, 'ubuntu', 'Change Limits');
  await expect(running).toBeDisabled();
  await expect(running).toHaveAttribute('title', 'Stop ubuntu to change its limits');
  await page.keyboard.press('Escape');

  await row(page, 'debian').click();
  await (await machineAction(page, 'debian', 'Change Limits')).click();
  const dialog = page.getByRole('dialog', { name: 'Change Limits of “debian”' });
  await expect(button(dialog, 'Change Limits')).toBeDisabled(); // nothing to change yet
  await dialog.getByLabel('Memory').fill('1.5g');
  await expect(dialog.getByRole('alert')).toContainText('Memory must be a whole size like 4G or 512M.');
  await dialog.getByLabel('Memory').fill('4g');
  await dialog.getByLabel('CPUs').fill('2');
  await button(dialog, 'Change Limits').click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => host.sim('config', 'get', 'machine.debian.memory_mib').stdout.trim(), { timeout: 15_000 })
    .toBe('4096');
  expect(host.sim('config', 'get', 'machine.debian.cpu').stdout.trim()).toBe('2');
});

// The stop is slow enough to outlast opening the … menu on a loaded machine (that took 6 s on 2 busy cores).
test('disables the buttons of a busy machine and says why', async ({ page, host }) => {
  test.slow();
  host.sim('__sim', 'fault', 'slow:stop@fedora:15000');
  await row(page, 'fedora').click();
  await (await machineAction(page, 'fedora', 'Stop')).click();
  const rename = await machineAction(page, 'fedora', 'Rename');
  await expect(rename).toBeDisabled();
  await expect(rename).toHaveAttribute('title', /Busy: Stop fedora/);
  await expect(button(row(page, 'fedora'), 'Stop')).toBeDisabled();
  await expect(row(page, 'fedora')).toContainText('Stopped', { timeout: 40_000 });
  await expect(rename).toBeEnabled();
});

test('shows a failure with the friendly message first and orbctl’s own words on demand', async ({
  page,
  host,
}) => {
  host.sim('__sim', 'fault', 'fail:start@nixos:1:machine did not start: nixos - STOPPED');
  await button(row(page, 'nixos'), 'Start').click();
  const alert = page.getByRole('alert').filter({ hasText: 'nixos' });
  await expect(alert).toBeVisible();
  await alert.getByText('Details').click();
  await expect(alert).toContainText('Exit code');
  await expect(alert).toContainText('start nixos');
  await expect(alert).toContainText('machine did not start');
});

test('follows a change made outside the app', async ({ page, host }) => {
  await expect(row(page, 'ubuntu')).toContainText('Running');
  expect(host.sim('stop', 'ubuntu').status).toBe(0);
  await expect(row(page, 'ubuntu')).toContainText('Stopped');
  host.sim('__sim', 'add', 'from-cli', 'alpine', 'state=stopped');
  await expect(row(page, 'from-cli')).toBeVisible();
});

test('works from the keyboard', async ({ page, host }) => {
  // The list is one Tab stop; a click puts the keyboard in it.
  await row(page, 'alpine').click();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'arch-x86')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(details(page, 'arch-x86')).toBeFocused();
  await row(page, 'fedora').click();
  await page.keyboard.press('Control+Shift+X');
  await expect(row(page, 'fedora')).toContainText('Stopped');
  expect(simState(host, 'fedora')).toBe('stopped');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete “fedora”?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: 'New Machine' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(machineTable(page)).toBeVisible();
});

test('changes the default user of a machine', async ({ page, host }) => {
  await row(page, 'debian').click();
  const pane = details(page, 'debian');
  await pane.getByRole('button', { name: 'Change the default user of debian' }).click();
  const field = pane.getByLabel('Default user of debian');
  await field.fill('Bad User');
  await expect(button(pane, 'Save')).toBeDisabled();
  await field.fill('dev');
  await button(pane, 'Save').click();
  await expect(pane).toContainText('dev');
  expect(host.sim('config', 'get', 'machine.debian.username').stdout.trim()).toBe('dev');
  expect(JSON.parse(host.sim('info', 'debian', '-f', 'json').stdout).record.config.default_username).toBe(
    'dev',
  );
});
