// dialog, answered by the test. A dialog the app opens waits, like a real one, until the test answers it
// (control: dialog.next, then dialog.answer), unless the test has queued an answer for that kind beforehand
// (control: dialog.script). The options are kept, so a test can check what the user was asked.
// Return shapes: https://www.electronjs.org/docs/latest/api/dialog.
import { extname } from 'node:path';
import { isMac, record } from './state.mjs';

let nextId = 1;
/** @type {Array<{ id: number, kind: string, options: object, window: number | null, resolve: Function }>} */
const open = [];
/** @type {Map<string, object[]>} kind → answers queued by the test */
const scripted = new Map();
/** @type {Array<() => void>} */
const waiters = [];

function split(args) {
  const [first, second] = args;
  const hasWindow = first && typeof first === 'object' && 'webContents' in first;
  return { window: hasWindow ? first : null, options: (hasWindow ? second : first) ?? {} };
}

function ask(kind, args, shape) {
  const { window, options } = split(args);
  if (kind === 'showMessageBox') {
    if (typeof options.message !== 'string') throw new TypeError('Message must be a string');
    if (options.buttons !== undefined && !Array.isArray(options.buttons))
      throw new TypeError('Buttons must be an array');
  }
  const entry = {
    id: nextId++,
    kind,
    options: structuredClone(stripFunctions(options)),
    window: window?.id ?? null,
  };
  record('dialogs', { id: entry.id, kind, options: entry.options, window: entry.window });
  return new Promise((resolve) => {
    const queued = scripted.get(kind)?.shift();
    const settle = (answer) => resolve(shape(answer ?? { canceled: true }, options));
    if (queued) return setImmediate(() => settle(queued));
    open.push({ ...entry, resolve: settle });
    for (const wake of waiters.splice(0)) wake();
  });
}

function stripFunctions(value) {
  return JSON.parse(JSON.stringify(value ?? {}));
}

/** NSSavePanel adds the filter's first extension when the name has none of them (guess, macOS behaviour). */
function withExtension(path, options) {
  const extensions = (options.filters ?? []).flatMap((f) => f.extensions ?? []).filter((e) => e !== '*');
  if (!isMac || extensions.length === 0 || extensions.includes(extname(path).slice(1))) return path;
  return `${path}.${extensions[0]}`;
}

export const dialog = {
  showSaveDialog: (...args) =>
    ask('showSaveDialog', args, (a, options) =>
      a.canceled || !a.filePath
        ? { canceled: true, filePath: '' }
        : { canceled: false, filePath: withExtension(a.filePath, options) },
    ),
  showOpenDialog: (...args) =>
    ask('showOpenDialog', args, (a) =>
      a.canceled
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [...(a.filePaths ?? [])] },
    ),
  showMessageBox: (...args) =>
    ask('showMessageBox', args, (a, options) => {
      const buttons = options.buttons ?? ['OK'];
      let response = a.response;
      if (a.button !== undefined) response = buttons.indexOf(a.button);
      if (response === undefined || response < 0) response = options.cancelId ?? defaultCancelId(buttons);
      return { response, checkboxChecked: !!(a.checkboxChecked ?? options.checkboxChecked) };
    }),
  showMessageBoxSync: () => syncUnsupported('showMessageBoxSync'),
  showSaveDialogSync: () => syncUnsupported('showSaveDialogSync'),
  showOpenDialogSync: () => syncUnsupported('showOpenDialogSync'),
  showErrorBox(title, content) {
    record('error-boxes', { title, content });
  },
  showCertificateTrustDialog: async () => {},
};

function syncUnsupported(name) {
  throw new Error(`electron-stand-in: dialog.${name} cannot be answered by a test; use the async form`);
}

/** "By default this is assigned to the first button with "cancel" or "no" as the label", else 0. */
function defaultCancelId(buttons) {
  const i = buttons.findIndex((b) => /^(cancel|no)$/i.test(String(b).replace(/&/g, '')));
  return i >= 0 ? i : 0;
}

/** Control: the oldest dialog still open, waiting up to `timeout` ms for one. */
export async function nextDialog(kind, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = open.find((d) => !kind || d.kind === kind);
    if (found) return { id: found.id, kind: found.kind, options: found.options, window: found.window };
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`No ${kind ?? 'dialog'} was opened within ${timeout} ms`);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export function answerDialog(id, answer) {
  const index = open.findIndex((d) => d.id === id);
  if (index < 0) throw new Error(`Dialog ${id} is not open`);
  const [entry] = open.splice(index, 1);
  record('dialog-answers', { id, answer });
  entry.resolve(answer);
}

export function scriptDialog(kind, answer) {
  (scripted.get(kind) ?? scripted.set(kind, []).get(kind)).push(answer);
}

export function openDialogs() {
  return open.map(({ id, kind, options, window }) => ({ id, kind, options, window }));
}
