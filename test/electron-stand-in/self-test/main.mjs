// A tiny Electron app that uses what OrbDeck is moving to (a privileged app:// scheme served by
// protocol.handle + net.fetch, utilityProcess.fork), so the stand-in's support for them is checked before
// OrbDeck's own main process uses them (e2e/desktop/stand-in.spec.ts).
import { app, BrowserWindow, ipcMain, net, protocol, utilityProcess } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let running = null;
app.whenReady().then(() => {
  protocol.handle('app', (request) => {
    const { host, pathname } = new URL(request.url);
    if (host !== 'selftest') return new Response('no such host', { status: 404 });
    return net.fetch(pathToFileURL(join(here, 'page', pathname)).href);
  });
  ipcMain.handle('whoami', (event) => ({
    senderUrl: event.senderFrame.url,
    version: app.getVersion(),
    name: app.name,
  }));
  ipcMain.handle('fork', (_event, args) => {
    const child = utilityProcess.fork(join(here, 'child.mjs'), args, {
      stdio: 'pipe',
      serviceName: 'self-test',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    running = child;
    return new Promise((resolve) => {
      child.once('spawn', () => {
        if (args[0] === 'wait') resolve({ spawned: child.pid > 0 });
      });
      child.once('exit', (code) => resolve({ code, stdout, stderr, pidAfterExit: child.pid ?? null }));
    });
  });
  ipcMain.handle('kill', () => {
    const child = running;
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve({ code }));
      child.kill();
    });
  });
  const window = new BrowserWindow({
    show: false,
    width: 640,
    height: 480,
    webPreferences: { preload: join(here, 'preload.cjs'), sandbox: true, contextIsolation: true },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL('app://selftest/index.html');
});
