import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChosenFile } from '../../shared/files';

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
    openedPaths: [] as string[],
    shownInFolder: [] as string[],
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    forks: [] as Array<{ modulePath: string; args: string[]; options: Record<string, unknown> }>,
    /** What utilityProcess.fork returns next (set by a test). */
    nextChild: null as unknown,
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
        getURL: () => 'app://orbdeck/index.html',
        send: (channel: string, message: unknown) => fake.sent.push({ channel, message }),
      },
      {
        isDestroyed: () => false,
        getURL: () => 'https://evil.example/',
        send: () => fake.sent.push({ channel: 'leak', message: null }),
      },
    ],
  },
  shell: {
    openExternal: async (url: string) => void fake.openedExternally.push(url),
    showItemInFolder: (path: string) => void fake.shownInFolder.push(path),
    // Electron answers an error message, or '' once the folder is open.
    openPath: async (path: string) => {
      fake.openedPaths.push(path);
      return path.includes('stopped-vm') ? 'Folder not found' : '';
    },
  },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  dialog: { showMessageBox: fake.showMessageBox },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, handler),
  },
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: Record<string, unknown>) => {
      fake.forks.push({ modulePath, args, options });
      return fake.nextChild;
    },
  },
}));

const { ALL_CHANNELS } = await import('../../shared/ipc/contract');
const { EventHub } = await import('../core/platform/events');
const { FileGrants } = await import('../core/file-access/grants');
const { GRANT_CHANNEL } = await import('../../shared/ipc/bridge');
const { Router } = await import('../core/ipc/router');
const { OpenFileQueue } = await import('./open-files');
const { connectElectronIpc } = await import('./ipc-electron');
const { guardContents } = await import('./security');
const { secureWebPreferences } = await import('./window-preferences');
const { confirmQuit, handleOpenedFiles } = await import('./lifecycle');
const { registerAppScheme, serveAppScheme } = await import('./protocol');
const { APP_INDEX_URL, isAppUrl } = await import('./app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../core/platform/renderer-files');
const { electronDesktop } = await import('./desktop');
const { simulatorPath, utilityProcessLauncher } = await import('./sim-launcher');
const { runProcess } = await import('../core/orbctl/run');
const { AppError } = await import('../../shared/errors');
const { tempDir } = await import('../../test/helpers/processes');

beforeEach(() => {
  fake.handlers.clear();
  fake.sent.length = 0;
  fake.openedExternally.length = 0;
  fake.shownInFolder.length = 0;
  fake.forks.length = 0;
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
    expect(await call({ senderFrame: { url: 'app://orbdeck/index.html#/activity' } }, {})).toEqual({
      ok: true,
      data: [],
    });
    for (const url of [
      'https://evil.example/',
      // The old file:// page, another app:// host, and app:// files that are not the page.
      'file:///Applications/OrbDeck.app/Contents/Resources/app.asar/dist/renderer/index.html',
      'app://evil/index.html',
      'app://orbdeck/assets/index.js',
      '',
    ]) {
      expect(await call({ senderFrame: { url } }, {}), url).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Refused a call from outside OrbDeck.' },
      });
    }
    expect(await call({}, {})).toMatchObject({ ok: false });
  });

  it('grants a dropped file only to the app’s page, and only for an absolute path', async () => {
    const grants = new FileGrants();
    connectElectronIpc(new Router(), new EventHub(), grants, isAppUrl);
    const grant = fake.handlers.get(GRANT_CHANNEL)!;
    const app = { senderFrame: { url: APP_INDEX_URL } };
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
    wc.emit('will-navigate', home, APP_INDEX_URL);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const file = event();
    wc.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.preventDefault).toHaveBeenCalled();
    const redirect = event();
    wc.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = event();
    wc.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(wc.open('https://docs.orbstack.dev')).toEqual({ action: 'deny' });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://docs.orbstack.dev']);
  });

  it('opens only the app’s own https links from window.open, never an address the page names', () => {
    const wc = contents();
    guardContents(wc as never, isAppUrl);
    for (const url of [
      'https://evil.example/',
      'https://orbstack.dev.evil.example/',
      'ssh://ubuntu@orb',
      'vscode://vscode-remote/ssh-remote+ubuntu%40orb/root',
      'smb://server/share',
    ]) {
      expect(wc.open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual([]);
    wc.open('https://orbstack.dev');
    expect(fake.openedExternally).toEqual(['https://orbstack.dev']);
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

describe('the app:// scheme', () => {
  let root: { path: string; remove: () => void };
  beforeEach(() => {
    root = tempDir('orbdeck-glue-');
    mkdirSync(join(root.path, 'renderer'));
    writeFileSync(join(root.path, 'renderer', 'index.html'), '<title>OrbDeck</title>');
    writeFileSync(join(root.path, 'secret.txt'), 'secret');
    return () => root.remove();
  });

  it('is registered as a standard, secure scheme with fetch, without bypassCSP or CORS', () => {
    fake.privileged.length = 0;
    registerAppScheme();
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with the CSP and security headers, and nothing outside it', async () => {
    serveAppScheme(join(root.path, 'renderer'));
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>OrbDeck</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const out = await handler(new Request('app://orbdeck/..%2fsecret.txt'));
    expect(out.status).toBe(404);
    expect(await out.text()).not.toContain('secret');
    expect(out.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('what leaves the app through the desktop', () => {
  const desktop = electronDesktop({
    isKnownMachine: (name) => name === 'ubuntu',
    isKnownFile: (path) => path === '/Users/me/ubuntu.tar.zst',
  });

  it('opens a known machine’s ssh:// and vscode:// addresses and the app’s links, nothing else', async () => {
    expect(await desktop.openExternal('ssh://ubuntu@orb')).toBe(true);
    expect(await desktop.openExternal('vscode://vscode-remote/ssh-remote+ubuntu%40orb/home/me')).toBe(true);
    expect(await desktop.openExternal('https://docs.orbstack.dev/')).toBe(true);
    for (const url of [
      'ssh://other@orb',
      'ssh://ubuntu@evil.example',
      'vscode://file/etc/passwd',
      'https://evil.example/',
      'file:///System/Applications/Calculator.app',
    ]) {
      expect(await desktop.openExternal(url), url).toBe(false);
    }
    expect(fake.openedExternally).toEqual([
      'ssh://ubuntu@orb',
      'vscode://vscode-remote/ssh-remote+ubuntu%40orb/home/me',
      'https://docs.orbstack.dev/',
    ]);
  });

  it('shows in Finder only a file the app exported; any other path is a clear error', () => {
    expect(desktop.showItemInFolder!('/Users/me/ubuntu.tar.zst')).toBe(true);
    for (const path of ['/Users/me/.ssh/id_rsa', '/etc', '/Applications/Calculator.app']) {
      let error: unknown;
      try {
        desktop.showItemInFolder!(path);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', detail: { field: 'path' } });
    }
    expect(fake.shownInFolder).toEqual(['/Users/me/ubuntu.tar.zst']);
  });

  it('opens only a known machine’s own ~/OrbStack/NAME folder in Finder, and says when Finder cannot', async () => {
    await desktop.openMachineFiles!('ubuntu', '/Users/me/OrbStack/ubuntu');
    await expect(desktop.openMachineFiles!('other', '/Users/me/OrbStack/other')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(desktop.openMachineFiles!('ubuntu', '/Users/me/.ssh')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const other = electronDesktop({ isKnownMachine: () => true, isKnownFile: () => false });
    await expect(other.openMachineFiles!('stopped-vm', '/Users/me/OrbStack/stopped-vm')).rejects.toThrow(
      'Finder could not open /Users/me/OrbStack/stopped-vm: Folder not found',
    );
    expect(fake.openedPaths).toEqual(['/Users/me/OrbStack/ubuntu', '/Users/me/OrbStack/stopped-vm']);
  });
});

describe('demo mode’s simulator in a utility process', () => {
  /** A utility process as Electron hands it out: piped streams, 'spawn'/'exit', a pid once spawned, kill(). */
  // pids above Linux's pid_max (2^22), so a stray signal can never reach a real process.
  function fakeChild() {
    const child = Object.assign(new EventEmitter(), {
      pid: undefined as number | undefined,
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      kill: vi.fn(() => {
        child.exit(143);
        return true;
      }),
      spawn(pid: number) {
        child.pid = pid;
        child.emit('spawn');
      },
      exit(code: number) {
        child.stdout.end();
        child.stderr.end();
        child.emit('exit', code);
        child.pid = undefined;
      },
    });
    return child;
  }
  const request = (file: string, extra = {}) => ({
    file,
    args: ['list', '-f', 'json'],
    env: { ORBCTL_SIM_HOME: '/data/demo-orbstack' },
    timeoutMs: 5000,
    killGraceMs: 50,
    ...extra,
  });

  it('finds the simulator beside app.asar, where the forked process can read it as a plain file', () => {
    expect(simulatorPath('/A/OrbDeck.app/Contents/Resources/app.asar/dist/sim/orbctl-sim.mjs')).toBe(
      '/A/OrbDeck.app/Contents/Resources/app.asar.unpacked/dist/sim/orbctl-sim.mjs',
    );
    expect(simulatorPath('/repo/dist/sim/orbctl-sim.mjs')).toBe('/repo/dist/sim/orbctl-sim.mjs');
  });

  it('forks the simulator with orbctl’s argv and env, piped output, and reports its exit code', async () => {
    const child = fakeChild();
    fake.nextChild = child;
    const running = runProcess({
      ...request('/app/sim.mjs'),
      launcher: utilityProcessLauncher('/app/sim.mjs'),
    });
    expect(fake.forks).toEqual([
      {
        modulePath: '/app/sim.mjs',
        args: ['list', '-f', 'json'],
        options: {
          env: { ORBCTL_SIM_HOME: '/data/demo-orbstack' },
          stdio: ['ignore', 'pipe', 'pipe'],
          serviceName: 'orbctl simulator',
        },
      },
    ]);
    child.spawn(4_194_998);
    child.stdout.write('[]\n');
    child.stderr.write('note\n');
    child.exit(3);
    expect(await running).toMatchObject({ exitCode: 3, stdout: '[]\n', stderr: 'note\n', pid: 4_194_998 });
  });

  it('cancelling sends SIGINT to the utility process, then kill() after the grace', async () => {
    const child = fakeChild();
    child.kill.mockImplementation(() => true);
    fake.nextChild = child;
    const signals: Array<[number, string]> = [];
    const kill = vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      signals.push([pid, String(signal)]);
      return true;
    });
    try {
      const controller = new AbortController();
      const running = runProcess({
        ...request('/app/sim.mjs', { signal: controller.signal }),
        launcher: utilityProcessLauncher('/app/sim.mjs'),
      });
      child.spawn(4_194_999);
      controller.abort();
      expect(signals).toEqual([[4_194_999, 'SIGINT']]);
      await vi.waitFor(() => expect(child.kill).toHaveBeenCalled());
      child.exit(130);
      await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    } finally {
      kill.mockRestore();
    }
  });

  it('refuses to fork anything but the simulator', async () => {
    await expect(
      runProcess({ ...request('/usr/local/bin/orbctl'), launcher: utilityProcessLauncher('/app/sim.mjs') }),
    ).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
    expect(fake.forks).toEqual([]);
  });
});
