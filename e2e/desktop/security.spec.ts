import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';
import { machineTable } from '../support/ui';

// The guards of electron/desktop/security.ts and ipc-electron.ts, in the running app.

interface Bridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: () => void): () => void;
}

let server: Server;
let foreign = '';
test.beforeAll(async () => {
  server = createServer((_req, res) => res.end('<!doctype html><title>Elsewhere</title><p>Not OrbDeck</p>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  foreign = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('blocks navigation and new windows, and refuses calls from a page that is not OrbDeck', async ({
  app,
  window,
}) => {
  await expect(machineTable(window)).toBeVisible();
  const appUrl = window.url();
  await window.evaluate(() => void (location.href = 'https://example.com/'));
  await window.evaluate(() => void (location.href = 'file:///etc/hostname'));
  // From the app:// page Chromium itself refuses to navigate to a file: URL, before any will-navigate (as it
  // does in Electron for a page that is not itself a file: page); the https one reaches the guard.
  await expect
    .poll(() => app.records('will-navigate'))
    .toEqual([expect.objectContaining({ url: 'https://example.com/', prevented: true })]);
  expect(window.url()).toBe(appUrl);
  await expect(machineTable(window)).toBeVisible();

  expect(await window.evaluate(() => globalThis.open('https://docs.orbstack.dev/'))).toBeNull();
  // Only the app's own links leave it: another page of the same site is not one of them.
  expect(await window.evaluate(() => globalThis.open('https://docs.orbstack.dev/machines/'))).toBeNull();
  expect(await window.evaluate(() => globalThis.open('http://example.com/'))).toBeNull();
  expect(await window.evaluate(() => globalThis.open('javascript:alert(1)'))).toBeNull();
  await expect
    .poll(() => app.records('window-open'))
    .toEqual([
      expect.objectContaining({ url: 'https://docs.orbstack.dev/', action: 'deny' }),
      expect.objectContaining({ url: 'https://docs.orbstack.dev/machines/', action: 'deny' }),
      expect.objectContaining({ url: 'http://example.com/', action: 'deny' }),
      expect.objectContaining({ url: 'javascript:alert(1)', action: 'deny' }),
    ]);
  const opened = (await app.records<{ call: string; url: string }>('shell')).filter(
    (c) => c.call === 'openExternal',
  );
  expect(opened.map((c) => c.url)).toEqual(['https://docs.orbstack.dev/']);
  expect((await app.state()).windows).toHaveLength(1);

  expect(await app.call('window.emit', { event: 'will-attach-webview' })).toEqual({ prevented: true });
  expect(await app.call('session.requestPermission', { permission: 'notifications' })).toEqual({
    granted: false,
  });
  expect(await app.call('session.checkPermission', { permission: 'clipboard-read' })).toEqual({
    granted: false,
  });

  // A page that is not OrbDeck gets the preload too (Electron runs it on every page the window loads), but
  // its calls are refused and it hears no events.
  // The main process loads it (no will-navigate), as after a redirect or a bug would.
  await app.call('window.loadURL', { url: foreign });
  await expect(window.getByText('Not OrbDeck')).toBeVisible();
  const reply = await window.evaluate(() => {
    const bridge = (globalThis as unknown as { orbdeck: Bridge }).orbdeck;
    (globalThis as unknown as { heard: number }).heard = 0;
    bridge.on('machines:changed', () => (globalThis as unknown as { heard: number }).heard++);
    return bridge.invoke('machines:snapshot', {});
  });
  expect(reply).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: 'Refused a call from outside OrbDeck.' },
  });
  // A change the app's own window would hear about.
  expect(app.home.sim('start', 'debian').status).toBe(0);
  await window.waitForTimeout(1500);
  expect(await window.evaluate(() => (globalThis as unknown as { heard: number }).heard)).toBe(0);
});
