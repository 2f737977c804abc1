// Set-up shared by `npm start`, `npm run serve` and `npm test`: install dependencies when missing, build when
// stale, find Chromium and Electron. Plain Node only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_CANDIDATES, installedChromium, isExecutable } from './chromium.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const say = (line) => console.error(`[orbdeck] ${line}`);

/**
 * Runs `npm ci` when node_modules is missing or older than package-lock.json. npm's own output is kept back
 * unless the install fails: on Node 20 it warns `EBADENGINE` for the Electron download and packaging tools
 * (README, Requirements), which a newcomer would meet before anything else. One line says what was done.
 */
export function ensureDependencies({ at = root, npm = 'npm' } = {}) {
  const marker = join(at, 'node_modules', '.package-lock.json');
  const lock = join(at, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing dependencies (npm ci)…');
  const started = Date.now();
  // The Electron binary is fetched on first use, never during install (it cannot be downloaded everywhere).
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: at,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error('npm ci failed; see the output above.');
  }
  const added = /added (\d+) packages?/.exec(result.stdout ?? '')?.[1];
  const took = ((Date.now() - started) / 1000).toFixed(0);
  const what = added ? `${added} package${added === '1' ? '' : 's'}` : 'the dependencies';
  say(`Installed ${what} in ${took} s.`);
}

/** Builds dist/ when any source is newer than the last build. */
export async function ensureBuild({ quiet = false } = {}) {
  const { buildIsStale, buildAll } = await import('./build.mjs');
  if (!buildIsStale()) return;
  if (!quiet) say('Building…');
  const ms = await buildAll();
  if (!quiet) say(`Built in ${(ms / 1000).toFixed(1)} s.`);
}

/** Debian's Chromium (or CHROMIUM_PATH). With `install`, installs it through apt when running as root. */
export function findChromium({ install = false } = {}) {
  const found = installedChromium();
  if (found || !install) return found;
  const canApt = process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(
      'Chromium is needed for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  say('Installing Chromium from Debian (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
    {
      stdio: 'inherit',
      env,
    },
  );
  if (result.status !== 0) throw new Error('apt-get install chromium failed.');
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/**
 * The Electron runtime's path, or null with the reason. Never triggers a download by itself: requiring the
 * `electron` package would, and here that blocks or fails.
 */
export function electronRuntime() {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { path: null, reason: 'the electron package is not installed' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const path = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : null;
  if (!path || !isExecutable(path)) return { path: null, reason: 'no Electron binary has been downloaded' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, reason: 'there is no display to open a window on' };
  }
  return { path, reason: null };
}

/** Tries once to fetch the Electron binary (as `electron` itself would on first use). */
export function tryDownloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return false;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 180_000 });
  return result.status === 0;
}
