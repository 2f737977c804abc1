import { appendFileSync } from 'node:fs';

// The stand-in's shared state: what every API module reads (is the app ready? which windows exist?) and what a
// test reads back through the control channel (notifications shown, URLs opened, errors seen).

export const isMac = process.platform === 'darwin';

export const standIn = {
  /** `ready` has been emitted. */
  ready: false,
  /** The "message loop" runs: from just before `ready` until the process exits (see app.exit). */
  loopRunning: false,
  /** @type {import('playwright-core').BrowserContext | null} the Chromium that hosts every window */
  context: null,
  /** @type {string} the CDP endpoint a test connects to */
  cdpEndpoint: '',
  /** @type {Set<any>} every BrowserWindow not yet destroyed, in creation order */
  windows: new Set(),
  /** @type {any} the focused BrowserWindow, or null when the app is not the active one */
  focused: null,
  /** Called by a BrowserWindow once it is destroyed and no other window is left (set by app.mjs). */
  onWindowAllClosed: () => {},
  /** Called when a window's close was cancelled by a `close` listener (set by app.mjs). */
  onWindowCloseCancelled: () => {},
  /** Things the app did that a test checks: notifications, shell calls, dock changes, … (name → list). */
  records: /** @type {Record<string, unknown[]>} */ ({}),
  /** Problems a test should fail on: uncaught errors in the main process, preload failures. */
  problems: /** @type {string[]} */ ([]),
};

/** Also appended to ELECTRON_STAND_IN_RECORDS (JSON lines), so a test can read them after the app quit. */
export function record(kind, data) {
  const entry = { at: Date.now(), ...data };
  (standIn.records[kind] ??= []).push(entry);
  const file = process.env.ELECTRON_STAND_IN_RECORDS;
  if (file) appendFileSync(file, JSON.stringify({ kind, ...entry }) + '\n');
}

export function problem(text) {
  standIn.problems.push(text);
  process.stderr.write(`[electron-stand-in] ${text}\n`);
}

/** Electron's main-process event object: `preventDefault()` and `defaultPrevented`, plus any fields given. */
export function makeEvent(fields = {}) {
  let prevented = false;
  return {
    ...fields,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export function requireReady(what) {
  if (!standIn.ready) throw new Error(what);
}

/** Logs a line when ELECTRON_ENABLE_LOGGING is set, as Electron does for its own logging. */
export function debug(text) {
  if (process.env.ELECTRON_ENABLE_LOGGING) process.stderr.write(`[electron-stand-in] ${text}\n`);
}
