// Bootstrap only: single instance, security guards, the app:// scheme, the core, IPC, window, menu, tray and
// the Mac behaviours.
import { app, clipboard, type BrowserWindow } from 'electron';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppCommand } from '../../shared/ipc/contract';
import { openAgentEndpoint, type AgentEndpoint } from '../agent-endpoint/open-endpoint';
import { createCore, type Core } from '../core/app-core';
import { APP_INDEX_URL, isAppUrl } from './app-protocol';
import { isExportedFile } from './known-files';
import { OpenFileQueue } from './open-files';
import { DeepLinkQueue } from '../core/links/deep-links';
import { electronDesktop } from './desktop';
import { connectElectronIpc } from './ipc-electron';
import { applyLoginItem, confirmQuit, handleDeepLinks, handleOpenedFiles } from './lifecycle';
import { installAppMenu } from './menu';
import { notifyFinishedJobs } from './notifications';
import { registerAppScheme, serveAppScheme } from './protocol';
import { installSecurityGuards } from './security';
import { simulatorPath, utilityProcessLauncher } from './sim-launcher';
import { createTray } from './tray';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const demo = process.argv.includes('--demo') || process.env.ORBDECK_DEMO === '1';

if (!app.requestSingleInstanceLock()) app.exit(0);
installSecurityGuards(isAppUrl);
registerAppScheme();

let core: Core | null = null;
// Agents (MCP clients, through the MCP program) reach the core here, as Settings allow.
let agents: AgentEndpoint | null = null;
let window: BrowserWindow | null = null;
let windowReady = false;
const openFiles = new OpenFileQueue();
// Orbdeck:// links, waiting for the window like opened files.
const deepLinks = new DeepLinkQueue();

function showWindow(): BrowserWindow | null {
  if (!core) return null;
  const { settings, grants } = core;
  if (!window || window.isDestroyed()) {
    windowReady = false;
    void app.dock?.show();
    window = createMainWindow({
      preload: join(here, 'preload.cjs'),
      url: APP_INDEX_URL,
      stateFile: join(dataDir(), 'window-state.json'),
      keepRunningOnClose: () => settings.get().closeToMenuBar,
      hideDockWhenClosed: () => settings.get().hideDockWhenClosed,
      beforeClosingQuits: (event) => quitting.beforeClosingQuits(event),
    });
    window.webContents.once('did-finish-load', () => {
      windowReady = true;
      openFiles.ready((paths) => {
        // A folder dropped on the Dock icon is a folder of exports, imported whole.
        const folders = paths.filter(isFolder);
        for (const folder of folders)
          sendCommand({ command: 'import-folder', folder: grants.grant(folder, 'read', 'open-file') });
        const files = paths
          .filter((p) => !folders.includes(p))
          .map((p) => grants.grant(p, 'read', 'open-file'));
        if (files.length > 0) sendCommand({ command: 'import-files', files });
      });
      deepLinks.ready((url) => sendCommand({ command: 'deep-link', url }));
    });
    // The machine list is polled slower while no window shows it (the tray still follows).
    const visible = (v: boolean) => () => core?.machines.setVisible(v);
    window.on('show', visible(true));
    window.on('restore', visible(true));
    window.on('hide', visible(false));
    window.on('minimize', visible(false));
    window.on('closed', () => {
      window = null;
      core?.machines.setVisible(false);
    });
  } else {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
  return window;
}

function sendCommand(command: AppCommand): void {
  showWindow();
  if (!core) return;
  const emit = () => core?.events.emit('app:command', command);
  if (windowReady) emit();
  else window?.webContents.once('did-finish-load', () => setTimeout(emit, 300));
}

function dataDir(): string {
  return process.env.ORBDECK_DATA_DIR || app.getPath('userData');
}

// Only what the app itself built leaves it: a known machine's addresses, files it exported (dialogs.ts).
const desktop = electronDesktop({
  isKnownMachine: (name) => core?.machines.snapshot().machines.some((m) => m.name === name) ?? false,
  isKnownFile: (path) => (core ? isExportedFile(path, core.jobs.list(), core.history.list()) : false),
});

handleOpenedFiles(openFiles, () => void showWindow());
handleDeepLinks(deepLinks, () => void showWindow());
const quitting = confirmQuit(
  () => core,
  () => window,
);
app.on('activate', () => void showWindow());
app.on('window-all-closed', () => {
  // With "keep in the menu bar" the app stays; otherwise closing the window quits, as users expect.
  if (!core?.settings.get().closeToMenuBar) app.quit();
});
app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void Promise.resolve(agents?.close())
    .then(() => closing.dispose())
    .finally(() => app.quit());
});

void app.whenReady().then(() => {
  serveAppScheme(join(here, '../renderer'));
  // Demo mode: the simulator runs in a utility process (the RunAsNode fuse rules out ELECTRON_RUN_AS_NODE).
  const simulator = simulatorPath(join(here, '../sim/orbctl-sim.mjs'));
  core = createCore({
    version: app.getVersion(),
    dataDir: dataDir(),
    demo,
    desktop,
    ...(demo ? { simBinary: simulator, simLauncher: utilityProcessLauncher(simulator) } : {}),
  });
  connectElectronIpc(core.router, core.events, core.grants, isAppUrl);
  const started = core;
  agents = openAgentEndpoint({
    router: started.router,
    events: started.events,
    settings: started.settings,
    dataDir: dataDir(),
    host: 'desktop',
    demo,
    log: (line) => started.timing.note('WARN', `Agent endpoint: ${line}`),
  });
  installAppMenu(sendCommand);
  createTray(
    core,
    {
      showWindow: () => void showWindow(),
      command: sendCommand,
      copyText: (text) => clipboard.writeText(text),
      openExternal: (url) => void desktop.openExternal(url),
      quit: () => app.quit(),
    },
    join(here, 'assets'),
  );
  notifyFinishedJobs(core);
  applyLoginItem(core.settings.get().openAtLogin);
  core.settings.onChange((now, before) => {
    if (now.openAtLogin !== before.openAtLogin) applyLoginItem(now.openAtLogin);
  });
  showWindow();
});

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
