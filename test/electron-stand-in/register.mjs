// `node --import ./test/electron-stand-in/register.mjs …`: resolve `electron` to the stand-in, and make this
// process look like Electron's main process (macOS by default, as OrbDeck is a Mac app; set
// ELECTRON_STAND_IN_PLATFORM=linux to rehearse the Linux paths).
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

register('./hooks.mjs', import.meta.url);

const platform = process.env.ELECTRON_STAND_IN_PLATFORM || 'darwin';
if (platform !== process.platform)
  Object.defineProperty(process, 'platform', { value: platform, enumerable: true, configurable: true });

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true });
process.type = 'browser';
process.defaultApp = true;
