import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreOptions } from '../core/app-core';

// The bootstrap's wiring, with `electron` and the other glue files replaced by fakes: what main.ts registers
// before and after `ready`, and what it hands the core.
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    app: Object.assign(new Emitter(), {
      requestSingleInstanceLock: () => true,
      exit: () => undefined,
      quit: () => undefined,
      ready: false,
      isReady: () => fake.app.ready,
      whenReady: () => Promise.resolve().then(() => void (fake.app.ready = true)),
      getVersion: () => '1.2.3',
      getPath: () => '/data',
      dock: undefined,
    }),
    calls: [] as string[],
    coreOptions: [] as CoreOptions[],
    core: null as unknown,
    forks: [] as unknown[][],
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  clipboard: { writeText: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  dialog: {},
  protocol: {
    registerSchemesAsPrivileged: () => fake.calls.push(`privileged (ready: ${String(fake.app.isReady())})`),
    handle: (scheme: string) => fake.calls.push(`handle ${scheme}`),
  },
  utilityProcess: {
    fork: (...args: unknown[]) => {
      fake.forks.push(args);
      return Object.assign(new EventEmitter(), {
        pid: undefined,
        stdout: null,
        stderr: null,
        kill: () => true,
      });
    },
  },
}));
vi.mock('../core/app-core', () => ({
  createCore: (options: CoreOptions) => {
    fake.coreOptions.push(options);
    return fake.core;
  },
}));
vi.mock('./ipc-electron', () => ({ connectElectronIpc: () => fake.calls.push('ipc') }));
vi.mock('./menu', () => ({ installAppMenu: vi.fn() }));
vi.mock('./tray', () => ({ createTray: vi.fn() }));
vi.mock('./notifications', () => ({ notifyFinishedJobs: vi.fn() }));
vi.mock('./lifecycle', () => ({
  applyLoginItem: vi.fn(),
  confirmQuit: vi.fn(),
  handleOpenedFiles: vi.fn(),
  handleDeepLinks: vi.fn(),
}));
vi.mock('./window', () => ({
  createMainWindow: (options: { url: string }) => {
    fake.calls.push(`window ${options.url}`);
    return Object.assign(new EventEmitter(), { webContents: new EventEmitter(), isDestroyed: () => false });
  },
}));

const exported = {
  id: 'j1',
  kind: 'export',
  machine: 'ubuntu',
  title: 'Export ubuntu',
  state: 'succeeded',
  createdAt: 1,
  cancellable: false,
  path: '/Users/me/ubuntu.tar.zst',
};
fake.core = {
  router: {},
  events: {},
  settings: { get: () => ({ openAtLogin: false, closeToMenuBar: false }), onChange: vi.fn() },
  machines: { snapshot: () => ({ machines: [{ name: 'ubuntu' }] }), setVisible: vi.fn() },
  jobs: { list: () => [] },
  history: { list: () => [exported] },
};

/** Imports main.ts afresh (it runs on import) with these arguments and waits for its `ready` work. */
async function start(argv: string[]): Promise<CoreOptions> {
  vi.resetModules();
  fake.calls.length = 0;
  fake.coreOptions.length = 0;
  fake.forks.length = 0;
  fake.app.removeAllListeners();
  fake.app.ready = false;
  const saved = process.argv;
  process.argv = [...saved.slice(0, 2), ...argv];
  try {
    await import('./main');
  } finally {
    process.argv = saved;
  }
  await vi.waitFor(() => expect(fake.coreOptions).toHaveLength(1));
  return fake.coreOptions[0]!;
}

afterEach(() => {
  delete process.env.ORBDECK_DEMO;
});

describe('the bootstrap', () => {
  it('registers app:// before ready, serves it after, and loads the window from it', async () => {
    await start([]);
    expect(fake.calls).toEqual([
      'privileged (ready: false)',
      'handle app',
      'ipc',
      'window app://orbdeck/index.html',
    ]);
  });

  it('in demo mode runs the simulator, unpacked, through a utility-process launcher', async () => {
    const options = await start(['--demo']);
    expect(options.demo).toBe(true);
    expect(options.simBinary).toMatch(/sim[/\\]orbctl-sim\.mjs$/);
    // The launcher forks exactly that simulator in a utility process, and nothing else.
    options.simLauncher!({ file: options.simBinary!, args: ['version'], env: {}, maxOutputBytes: 1024 });
    expect(fake.forks).toEqual([
      [options.simBinary, ['version'], expect.objectContaining({ stdio: ['ignore', 'pipe', 'pipe'] })],
    ]);
    expect(() =>
      options.simLauncher!({ file: '/usr/local/bin/orbctl', args: [], env: {}, maxOutputBytes: 1024 }),
    ).toThrow(/only OrbDeck's own simulator/);
  });

  it('outside demo mode hands the core no simulator and no launcher', async () => {
    const options = await start([]);
    expect(options.demo).toBe(false);
    expect(options).not.toHaveProperty('simBinary');
    expect(options).not.toHaveProperty('simLauncher');
  });

  it('limits the desktop to what the core knows: its machines and the files it exported', async () => {
    const { desktop } = await start([]);
    expect(await desktop!.openExternal('ssh://ubuntu@orb')).toBe(true);
    expect(await desktop!.openExternal('ssh://other@orb')).toBe(false);
    expect(desktop!.showItemInFolder!('/Users/me/ubuntu.tar.zst')).toBe(true);
    expect(() => desktop!.showItemInFolder!('/Users/me/.ssh/id_rsa')).toThrow(/only the files it exported/);
  });
});
