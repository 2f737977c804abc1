// Bootstrap only: single instance, security guards, the core, the IPC transport, the window.
import { app, type BrowserWindow } from 'electron';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from './core/app-core';
import { connectElectronIpc } from './ipc-electron';
import { installSecurityGuards } from './security';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const indexHtml = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(indexHtml).href;
const isAppUrl = (url: string) => url.split('#')[0] === appUrl;
const demo = process.argv.includes('--demo') || process.env.ORBDECK_DEMO === '1';

if (!app.requestSingleInstanceLock()) app.quit();
installSecurityGuards(isAppUrl);

let core: Core | null = null;
let window: BrowserWindow | null = null;

function showWindow(): void {
  if (!window || window.isDestroyed()) {
    window = createMainWindow({ preload: join(here, 'preload.cjs'), indexHtml });
    window.on('closed', () => (window = null));
  } else {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
}

/**
 * The simulator is a Node script. Inside the app there may be no `node`, so demo mode runs it with Electron's
 * own binary in Node mode, through a tiny launcher that `exec`s (so cancelling orbctl still reaches it).
 */
function simLauncher(dataDir: string): string {
  const sim = join(here, '../sim/orbctl-sim.mjs').replace('app.asar', 'app.asar.unpacked');
  const launcher = join(dataDir, 'orbctl-sim');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(launcher, `#!/bin/sh\nELECTRON_RUN_AS_NODE=1 exec "${process.execPath}" "${sim}" "$@"\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}

app.on('second-instance', () => showWindow());
app.on('activate', () => showWindow());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.dispose().finally(() => app.quit());
});

void app.whenReady().then(() => {
  const dataDir = process.env.ORBDECK_DATA_DIR || app.getPath('userData');
  core = createCore({
    version: app.getVersion(),
    dataDir,
    demo,
    ...(demo ? { simBinary: simLauncher(dataDir) } : {}),
  });
  connectElectronIpc(core.router, core.events, isAppUrl);
  showWindow();
});
