// Chromium on our machines: where it is and the flags every launch needs. One place for the end-to-end suite,
// the Electron stand-in, the benchmarks and the screenshots. Plain Node only: set-up imports it before
// node_modules exists.
import { accessSync, constants, statSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * As root Chromium needs --no-sandbox; the rest keep it off a network it cannot reach (it fails on a closed one
 * otherwise), off a GPU it does not have, and off /dev/shm, which is small in containers.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, or the first Chromium installed where Debian puts it; null when there is none. */
export function installedChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}
