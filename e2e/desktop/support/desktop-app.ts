import { quickEnv } from '../../support/env';
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../../support/chromium';
import { Control } from './control';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const STAND_IN = join(root, 'test/electron-stand-in');
export const SIM_BIN = join(root, 'dist/sim/orbctl-sim.mjs');
/** The simulator without a process of its own, for the stand-in's utility processes. */
const SIM_IN_PROCESS = join(root, 'dist/test/sim-in-process.mjs');
let launches = 0;

export interface DesktopOptions {
  /** Extra environment (simulator faults, …). */
  env?: Record<string, string>;
  /** Arguments after the app folder; default ['--demo']. */
  args?: string[];
  /** Written to settings.json before the launch. */
  settings?: Record<string, unknown>;
  /** Files macOS hands over while launching (open-file before ready, e.g. a file dropped on the Dock icon). */
  openFiles?: string[];
  /** Another app than OrbDeck (the stand-in's own self-test app). */
  appDir?: string;
  /** The working directory of the process (a second launch from a terminal). */
  cwd?: string;
}

export interface WindowInfo {
  id: number;
  targetId: string | null;
  title: string;
  url: string;
  visible: boolean;
  minimized: boolean;
  focused: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface StandInState {
  pid: number;
  platform: string;
  ready: boolean;
  windows: WindowInfo[];
  focused: number | null;
  dock: { visible: boolean; badge: string } | null;
  problems: string[];
}

export interface MenuItemData {
  label: string;
  type: string;
  role?: string;
  enabled: boolean;
  accelerator?: string;
  sublabel?: string;
  submenu?: MenuItemData[];
}

export interface TrayState {
  image: { path: string; empty: boolean; template: boolean } | null;
  toolTip: string;
  menu: MenuItemData[] | null;
}

export type DialogKind = 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox';
export interface OpenDialog {
  id: number;
  kind: DialogKind;
  window: number | null;
  options: { title?: string; message?: string; detail?: string; buttons?: string[]; defaultPath?: string };
}

interface Ready {
  pid: number;
  control: string;
  cdp: string;
}

/** A folder for one app's life: HOME, the data folder and the simulator's state. */
export class AppHome {
  readonly home = mkdtempSync(join(tmpdir(), 'orbdeck-desktop-'));
  readonly dataDir = join(this.home, 'data');
  readonly simHome = join(this.home, 'sim');
  /**
   * A running Chromium's CDP endpoint for the app's windows (each launch gets a browser context of its own);
   * unset, every launch starts a Chromium of its own.
   */
  chromium: string | null = null;
  /**
   * Demo mode's orbctl calls (a utility process each) run inside the app's main process, with the stand-in
   * playing the kernel's part (test/electron-stand-in/lib/utility-in-process.mjs); false: a Node process each,
   * as in the app.
   */
  simulatorInProcess = true;

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      HOME: this.home,
      ORBDECK_DATA_DIR: this.dataDir,
      ORBCTL_SIM_HOME: this.simHome,
      ORBCTL_SIM_SEED: 'demo',
      ORBCTL_SIM_SPEED: '100',
      ORBCTL_SIM_EXPORT_SCALE: '0.01',
      ORBDECK_POLL_MS: '1500',
      CHROMIUM_PATH: chromiumPath(),
      ...(this.chromium ? { ELECTRON_STAND_IN_CDP: this.chromium } : {}),
      ...(this.simulatorInProcess
        ? { ELECTRON_STAND_IN_IN_PROCESS: JSON.stringify({ [SIM_BIN]: SIM_IN_PROCESS }) }
        : {}),
      ...extra,
    };
  }

  /** The simulator's CLI on the same state, as someone at a terminal. */
  sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(SIM_BIN, args, { env: { ...quickEnv(), ...this.env() }, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  remove(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/**
 * The built app (dist/electron/main.mjs through package.json) under plain Node with the Electron stand-in, its
 * window a Chromium page this test drives over CDP, and the stand-in's control channel for what the OS or the
 * user does outside the page.
 */
export class DesktopApp {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private browser: Browser | null = null;
  private control: Control | null = null;

  private constructor(
    readonly home: AppHome,
    private readonly child: ChildProcess,
    private readonly recordsFile: string,
  ) {
    child.stdout?.on('data', (d) => (this.stdout += d));
    child.stderr?.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }

  /** Starts a process of the app. Resolves when it is ready, or (second instances) when it exits. */
  static start(home: AppHome, options: DesktopOptions = {}): DesktopApp {
    if (options.settings) {
      mkdirSync(home.dataDir, { recursive: true });
      writeFileSync(join(home.dataDir, 'settings.json'), JSON.stringify(options.settings));
    }
    const records = join(home.home, `stand-in-records-${++launches}.jsonl`);
    const env = home.env({
      ELECTRON_STAND_IN_RECORDS: records,
      ...(options.openFiles ? { ELECTRON_STAND_IN_OPEN_FILES: JSON.stringify(options.openFiles) } : {}),
      ...options.env,
    });
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(STAND_IN, 'register.mjs'),
        join(STAND_IN, 'cli.mjs'),
        options.appDir ?? root,
        ...(options.args ?? ['--demo']),
      ],
      { env: { ...quickEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd ?? root },
    );
    return new DesktopApp(home, child, records);
  }

  static async launch(home: AppHome, options: DesktopOptions = {}): Promise<DesktopApp> {
    const app = DesktopApp.start(home, options);
    await app.connect();
    return app;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async connect(): Promise<void> {
    const ready = await new Promise<Ready>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not get ready:\n${this.stderr}`)), 20_000);
      const look = () => {
        const match = /^electron-stand-in ready (\{.*\})$/m.exec(this.stdout);
        if (!match) return;
        clearTimeout(timer);
        resolvePromise(JSON.parse(match[1]!) as Ready);
      };
      this.child.stdout?.on('data', look);
      look();
      void this.exited.then((code) => reject(new Error(`The app exited with ${code}:\n${this.stderr}`)));
    });
    this.control = await Control.connect(ready.control);
    this.browser = await chromium.connectOverCDP(ready.cdp);
  }

  call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (!this.control) throw new Error('Not connected');
    return this.control.call<T>(method, params);
  }

  state(): Promise<StandInState> {
    return this.call<StandInState>('state');
  }

  records<T = Record<string, unknown>>(kind: string): Promise<T[]> {
    return this.call<T[]>('records', { kind });
  }

  /** The same records, read from the file the stand-in appends them to: works after the app has quit. */
  recordsOnDisk<T = Record<string, unknown>>(kind: string): T[] {
    if (!existsSync(this.recordsFile)) return [];
    return readFileSync(this.recordsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as T & { kind: string })
      .filter((entry) => entry.kind === kind);
  }

  /** The page of the app's window (the first one when there are several), once it has one. */
  async window(timeout = 15_000): Promise<Page> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const { windows } = await this.state();
      const targetId = windows[0]?.targetId;
      const page = targetId ? await this.pageFor(targetId) : null;
      if (page) return page;
      if (Date.now() > deadline) throw new Error('The app shows no window');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async pageFor(targetId: string): Promise<Page | null> {
    for (const context of this.browser?.contexts() ?? []) {
      for (const page of context.pages()) {
        const session = await context.newCDPSession(page);
        const info = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
        await session.detach();
        if (info.targetInfo.targetId === targetId) return page;
      }
    }
    return null;
  }

  readonly menu = {
    get: () => this.call<MenuItemData[]>('menu.application'),
    click: (...path: string[]) => this.call('menu.click', { path }),
  };

  /** The native context menu the window popped up (null when none is open). */
  readonly popup = {
    state: () => this.call<MenuItemData[] | null>('popup.state'),
    click: (label: string) => this.call('popup.click', { label }),
    dismiss: () => this.call('popup.dismiss'),
  };

  readonly tray = {
    state: () => this.call<TrayState>('tray.state'),
    click: (...path: string[]) => this.call('tray.click', { path }),
  };

  readonly dialogs = {
    next: (kind?: DialogKind, timeout = 10_000) => this.call<OpenDialog>('dialog.next', { kind, timeout }),
    answer: (dialog: OpenDialog, answer: Record<string, unknown>) =>
      this.call('dialog.answer', { id: dialog.id, answer }),
    script: (kind: DialogKind, answer: Record<string, unknown>) =>
      this.call('dialog.script', { kind, answer }),
  };

  /** Stops the app: SIGTERM (which asks it to quit, as Electron does), then SIGKILL if it hangs. */
  async stop(): Promise<void> {
    this.control?.close();
    await this.browser?.close().catch(() => {});
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 4000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
