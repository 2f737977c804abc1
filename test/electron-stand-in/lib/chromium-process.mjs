// Starting the headless Chromium that hosts the stand-in's windows: by the stand-in itself (chromium.mjs), or by
// a test runner that lends one Chromium to the apps it starts one after another (ELECTRON_STAND_IN_CDP). Plain
// Node only, so that a test runner can import it without the rest of the stand-in.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, installedChromium } from '../../../scripts/lib/chromium.mjs';

function chromiumPath() {
  const path = installedChromium();
  if (!path) throw new Error('electron-stand-in: no Chromium (install chromium or set CHROMIUM_PATH)');
  return path;
}

/** The flags the windows' Chromium runs with, wherever it is started. */
export const STAND_IN_CHROMIUM_ARGS = Object.freeze([
  '--headless',
  ...CHROMIUM_ARGS,
  // Electron lets file:// pages load their module scripts (loadFile of a Vite build works there).
  '--allow-file-access-from-files',
  '--remote-debugging-port=0',
]);

/** Starts a headless Chromium with a fresh profile; resolves with its CDP endpoint once it listens. */
export async function launchChromium() {
  const dir = mkdtempSync(join(tmpdir(), 'electron-stand-in-chromium-'));
  const proc = spawn(chromiumPath(), [...STAND_IN_CHROMIUM_ARGS, `--user-data-dir=${dir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (match) resolve(match[1]);
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  proc.stderr.resume();
  return { child: proc, profile: dir, endpoint };
}
