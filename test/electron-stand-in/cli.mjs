// The `electron` command: node --import ./register.mjs ./cli.mjs <app folder or main script> [args…]
// As Electron's lib/browser/init.ts: the app's package.json gives its name, version and main script; the main
// script is imported (an ES module loads asynchronously, and `ready` waits for it); process.argv is
// [execPath, app, …args] as under `electron .`. Then launching as on macOS: will-finish-launching, the files
// the app was opened with (ELECTRON_STAND_IN_OPEN_FILES, JSON array: macOS sends those as open-file before
// ready), Chromium, ready. Once ready the stand-in prints one line for the test:
//   electron-stand-in ready {"pid":…,"control":"/tmp/…/control.sock","cdp":"ws://127.0.0.1:…"}
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from './lib/app.mjs';
import { closeChromium, startChromium, stopChromium } from './lib/chromium.mjs';
import { startControl, stopControl } from './lib/control.mjs';
import { makeEvent, problem, standIn } from './lib/state.mjs';
import { releaseLock } from './lib/single-instance.mjs';

const [target, ...args] = process.argv.slice(2);
if (!target) {
  process.stderr.write('usage: node --import register.mjs cli.mjs <app folder or main script> [args…]\n');
  process.exit(2);
}

function findPackage(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

const targetPath = resolve(target);
const appDir = statSync(targetPath).isDirectory() ? targetPath : findPackage(dirname(targetPath));
const pkg = appDir ? JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) : {};
const mainScript = statSync(targetPath).isDirectory() ? resolve(appDir, pkg.main ?? 'index.js') : targetPath;
app._appPath = appDir ?? dirname(mainScript);
app.setName(pkg.productName ?? pkg.name ?? 'Electron');
app.setVersion(pkg.version ?? '0.0.0');
process.argv = [process.execPath, target, ...args];

const children = new Set();
standIn.children = children;
standIn.shutdown = (code) => {
  stopControl();
  releaseLock();
  void closeChromium()
    .catch((error) => process.stderr.write(`[electron-stand-in] closing Chromium: ${error}\n`))
    .finally(() => process.exit(code));
};
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  try {
    stopChromium();
  } catch {
    // a profile Chromium is still writing to stays behind in the temp folder
  }
  releaseLock();
});
// Electron does not die of an uncaught exception or an unhandled rejection in the main process (it shows a
// dialog, or warns); the stand-in records them so that a test fails on them.
process.on('uncaughtException', (error) =>
  problem(`uncaught exception in the main process: ${error.stack ?? error}`),
);
process.on('unhandledRejection', (reason) =>
  problem(`unhandled rejection in the main process: ${reason?.stack ?? reason}`),
);

try {
  await import(pathToFileURL(mainScript).href);
} catch (error) {
  problem(`the main script failed to load: ${error.stack ?? error}`);
}

// As a POSIX Electron: SIGINT and SIGTERM ask the app to quit.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.quit());
standIn.loopRunning = true;
app.emit('will-finish-launching', makeEvent());
const opened = process.env.ELECTRON_STAND_IN_OPEN_FILES
  ? JSON.parse(process.env.ELECTRON_STAND_IN_OPEN_FILES)
  : [];
for (const path of opened) app.emit('open-file', makeEvent(), path);
const [control] = await Promise.all([startControl(), startChromium()]);
app._becomeReady();
process.stdout.write(
  `electron-stand-in ready ${JSON.stringify({ pid: process.pid, control, cdp: standIn.cdpEndpoint })}\n`,
);
