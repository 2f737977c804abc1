import { expect, test } from './support/fixtures';
import { button, machineAction, machineTable, row } from '../support/ui';

// The window and the menu-bar item of the desktop app: the real main process and preload, the renderer
// talking to the core through Electron IPC (the stand-in's ipcMain/ipcRenderer), the simulator as orbctl.

test('lists the machines through the preload, starts and stops one from the window, copies its SSH command', async ({
  app,
  window,
}) => {
  await expect(machineTable(window)).toBeVisible();
  await expect(row(window, 'ubuntu')).toContainText('Running');
  await expect(row(window, 'debian')).toContainText('Stopped');
  // The preload exposes one object, and nothing of Node or Electron leaks into the page.
  const exposed = await window.evaluate(() =>
    Object.keys((globalThis as unknown as { orbdeck: object }).orbdeck),
  );
  expect(exposed.sort()).toEqual(['chooseFile', 'invoke', 'on', 'transport']);
  expect(await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect((await app.state()).windows).toMatchObject([{ visible: true, focused: true, title: 'OrbDeck' }]);

  await button(row(window, 'debian'), 'Start').click();
  await expect(row(window, 'debian')).toContainText('Running');
  await row(window, 'debian').click();
  await (await machineAction(window, 'debian', 'Stop')).click();
  await expect(row(window, 'debian')).toContainText('Stopped');
  expect(app.home.sim('list', '-f', 'json').stdout).toContain('"debian"');

  // The Copy buttons reach the clipboard: the session lets the app (and only it) write it.
  await row(window, 'ubuntu').click();
  await (await machineAction(window, 'ubuntu', 'Copy SSH Command')).click();
  await expect(window.getByRole('status').filter({ hasText: /Copied: ssh \S+@ubuntu@orb/ })).toBeVisible();
  expect(await app.call('clipboard.readText')).toMatch(/^ssh \S+@ubuntu@orb$/);
  // Reading the clipboard stays refused, and a page that is not OrbDeck may not write it.
  expect(
    await window.evaluate(() =>
      navigator.clipboard.readText().then(
        () => 'read',
        (e: Error) => e.name,
      ),
    ),
  ).toBe('NotAllowedError');
  expect(
    await app.call('session.checkPermission', {
      permission: 'clipboard-sanitized-write',
      url: 'https://example.com/',
    }),
  ).toEqual({ granted: false });
});

test.describe('the menu-bar item', () => {
  test.use({ desktopOptions: { env: { ORBCTL_SIM_FAULT: 'slow:stop:1500' } } });

  test('lists the machines, starts and stops them, and notifies once when the window is away', async ({
    app,
    window,
  }) => {
    await expect(row(window, 'debian')).toContainText('Stopped');
    // The page draws its rows before the window is shown (at its first paint) and takes the focus.
    await expect.poll(async () => (await app.state()).focused).not.toBeNull();
    const tray = await app.tray.state();
    expect(tray.toolTip).toBe('OrbDeck');
    expect(tray.image).toMatchObject({ template: true, empty: false });
    expect(tray.image?.path).toMatch(/trayTemplate\.png$/);
    expect(tray.menu?.[0]?.label).toMatch(/^\d of \d+ machines running$/);

    await app.tray.click('debian', 'Start');
    await expect(row(window, 'debian')).toContainText('Running');
    await expect
      .poll(async () => (await app.tray.state()).menu?.find((i) => i.label === 'debian')?.sublabel)
      .toBe('Running');
    // A job in the window's foreground is not notified.
    expect(await app.records('notifications')).toEqual([]);

    // With no OrbDeck window in front, a finished job says so, once. While it runs the icon says busy.
    await app.call('app.deactivate');
    await app.tray.click('debian', 'Stop');
    await expect.poll(async () => (await app.tray.state()).image?.path).toMatch(/trayBusyTemplate\.png$/);
    await expect(row(window, 'debian')).toContainText('Stopped');
    await expect.poll(async () => (await app.tray.state()).image?.path).toMatch(/trayTemplate\.png$/);
    await expect
      .poll(() => app.records('notifications'))
      .toEqual([expect.objectContaining({ title: 'Stopped debian', silent: true })]);
    await window.waitForTimeout(1000);
    expect(await app.records('notifications')).toHaveLength(1);
    // A disabled item cannot be clicked: debian is stopped now.
    await expect(app.tray.click('debian', 'Stop')).rejects.toThrow('disabled');
  });

  test('copies the SSH command, opens Terminal, and opens the window for an export', async ({
    app,
    window,
  }) => {
    await expect(row(window, 'ubuntu')).toContainText('Running');
    await app.tray.click('ubuntu', 'Copy SSH Command');
    await expect.poll(() => app.call<string>('clipboard.readText')).toMatch(/^ssh .*ubuntu/);
    await app.tray.click('ubuntu', 'Open Terminal');
    await expect
      .poll(async () => (await app.records<{ call: string; url: string }>('shell')).map((c) => c.url))
      .toContainEqual(expect.stringMatching(/^ssh:\/\/.*ubuntu/));
    await app.call('window.close');
    await expect.poll(async () => (await app.state()).windows.length).toBe(0);
    await app.tray.click('ubuntu', 'Export…');
    const again = await app.window();
    await expect(again.getByRole('dialog', { name: 'Export “ubuntu”' })).toBeVisible();
  });
});
