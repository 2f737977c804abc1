import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChosenFile } from '../shared/files';

// The thin Electron glue, with `electron` replaced by fakes: what it registers and how it reacts.
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isReady: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
    setLoginItemSettings: vi.fn(),
  });
  return {
    app,
    handlers: new Map<string, (event: unknown, request: unknown) => unknown>(),
    sent: [] as Array<{ channel: string; message: unknown }>,
    openedExternally: [] as string[],
    showMessageBox: vi.fn(async () => ({ response: 0 })),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, request: unknown) => unknown) =>
      fake.handlers.set(channel, fn),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  webContents: {
    getAllWebContents: () => [
      {
        isDestroyed: () => false,
        getURL: () => 'file:///app/index.html',
        send: (channel: string, message: unknown) => fake.sent.push({ channel, message }),
      },
      {
        isDestroyed: () => false,
        getURL: () => 'https://evil.example/',
        send: () => fake.sent.push({ channel: 'leak', message: null }),
      },
    ],
  },
  shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  dialog: { showMessageBox: fake.showMessageBox },
}));

const { ALL_CHANNELS } = await import('../shared/ipc/contract');
const { EventHub } = await import('./core/events');
const { FileGrants } = await import('./core/files/grants');
const { GRANT_CHANNEL } = await import('../shared/ipc/bridge');
const { Router } = await import('./core/ipc/router');
const { OpenFileQueue } = await import('./core/desktop/open-files');
const { connectElectronIpc } = await import('./ipc-electron');
const { guardContents } = await import('./security');
const { secureWebPreferences } = await import('./window-preferences');
const { confirmQuit, handleOpenedFiles } = await import('./lifecycle');

const isAppUrl = (url: string) => url.split('#')[0] === 'file:///app/index.html';

beforeEach(() => {
  fake.handlers.clear();
  fake.sent.length = 0;
  fake.openedExternally.length = 0;
  fake.app.removeAllListeners();
  fake.showMessageBox.mockClear();
  fake.app.quit.mockClear();
});

describe('window', () => {
  it('is sandboxed, isolated and without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('IPC over Electron', () => {
  it('handles every channel of the contract through the router and refuses other frames', async () => {
    const router = new Router();
    router.handle('jobs:list', () => []);
    connectElectronIpc(router, new EventHub(), new FileGrants(), isAppUrl);
    expect([...fake.handlers.keys()].sort()).toEqual([...ALL_CHANNELS, GRANT_CHANNEL].sort());
    const call = fake.handlers.get('jobs:list')!;
    expect(await call({ senderFrame: { url: 'file:///app/index.html#x' } }, {})).toEqual({
      ok: true,
      data: [],
    });
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('grants a dropped file only to the app’s page, and only for an absolute path', async () => {
    const grants = new FileGrants();
    connectElectronIpc(new Router(), new EventHub(), grants, isAppUrl);
    const grant = fake.handlers.get(GRANT_CHANNEL)!;
    const app = { senderFrame: { url: 'file:///app/index.html' } };
    const chosen = (await grant(app, '/Users/me/a.tar.zst')) as ChosenFile;
    expect(chosen).toMatchObject({ path: '/Users/me/a.tar.zst', name: 'a.tar.zst' });
    expect(grants.lookup(chosen.ref)).toEqual({
      path: '/Users/me/a.tar.zst',
      access: 'read',
      origin: 'drop',
    });
    expect(await grant({ senderFrame: { url: 'https://evil.example/' } }, '/etc/passwd')).toBeNull();
    expect(await grant(app, 'relative/path')).toBeNull();
    expect(await grant(app, 42)).toBeNull();
  });

  it('sends events only to the app’s own pages', () => {
    const events = new EventHub();
    connectElectronIpc(new Router(), events, new FileGrants(), isAppUrl);
    events.emit('settings:changed', {} as never);
    expect(fake.sent).toEqual([
      { channel: 'orbdeck:event', message: { event: 'settings:changed', payload: {} } },
    ]);
  });
});

describe('security guards', () => {
  function contents() {
    const emitter = new EventEmitter();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    return Object.assign(emitter, {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      open: (url: string) => openHandler({ url }),
    });
  }

  it('blocks navigation away from the app, new windows and webviews', () => {
    const wc = contents();
    guardContents(wc as never, isAppUrl);
    const event = () => ({ preventDefault: vi.fn() });
    const away = event();
    wc.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = event();
    wc.emit('will-navigate', home, 'file:///app/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = event();
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(wc.open('https://docs.orbstack.dev')).toEqual({ action: 'deny' });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://docs.orbstack.dev']);
  });
});

describe('single instance and opened files', () => {
  it('focuses the first instance and imports the files a second launch was given', () => {
    const queue = new OpenFileQueue();
    const shown = vi.fn();
    handleOpenedFiles(queue, shown);
    const delivered: string[][] = [];
    queue.ready((paths) => delivered.push(paths));
    fake.app.emit('second-instance', {}, ['/Applications/OrbDeck', '/Users/me/web.tar.zst']);
    expect(shown).toHaveBeenCalled();
    expect(delivered).toEqual([['/Users/me/web.tar.zst']]);
  });

  it('keeps a file dropped on the Dock before the window is ready, then hands it over', () => {
    const queue = new OpenFileQueue();
    handleOpenedFiles(queue, vi.fn());
    fake.app.isReady.mockReturnValueOnce(false);
    const event = { preventDefault: vi.fn() };
    fake.app.emit('open-file', event, '/Users/me/db.tar.zst');
    expect(event.preventDefault).toHaveBeenCalled();
    const delivered: string[][] = [];
    queue.ready((paths) => delivered.push(paths));
    expect(delivered).toEqual([['/Users/me/db.tar.zst']]);
  });
});

describe('quitting', () => {
  const job = {
    id: 'job-1',
    kind: 'export',
    machine: 'm',
    title: 'Export m',
    state: 'running',
    createdAt: 1,
    cancellable: true,
  };

  it('asks first while a job runs, and quits only when told to', async () => {
    confirmQuit(
      () => ({ jobs: { list: () => [job] } }) as never,
      () => null,
    );
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: '1 job is not finished. Quit anyway?' }),
    );
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  });

  it('does not ask when nothing runs', () => {
    confirmQuit(
      () => ({ jobs: { list: () => [] } }) as never,
      () => null,
    );
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(fake.showMessageBox).not.toHaveBeenCalled();
  });
});
