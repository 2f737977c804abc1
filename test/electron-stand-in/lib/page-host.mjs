// What runs in each window's page before its own scripts: the renderer half of the stand-in. It builds the
// sandboxed preload's world (a `require` that knows `electron`, `events`, `timers` and `url`; ipcRenderer;
// contextBridge; webUtils), runs the app's real bundled preload there, and reports to the main process what
// only the page sees (key presses nobody handled, window.open, the first paint).
//
// Guesses, checked against https://www.electronjs.org/docs/latest/api/context-bridge and
// https://www.electronjs.org/docs/latest/tutorial/sandbox: the preload runs in the main frame only
// (nodeIntegrationInSubFrames is off), on every document the window loads, whatever its origin. The real
// preload runs in an isolated world; here it runs in a closure of the main world, and contextBridge copies what
// crosses (functions proxied, objects copied, the exposed API frozen, Promises proxied, Errors reduced to their
// message, Files/Blobs/DOM nodes passed as they are so webUtils.getPathForFile still knows them).
import { wireCodec } from './wire.mjs';

/**
 * @param {{ binding: string, nonce: string, windowId: number, preloadPath: string, contextIsolation: boolean,
 *   platform: string, versions: Record<string, string> }} config
 * @param {string | null} preloadSource the preload file, run as a CommonJS module body
 */
export function pageHostScript(config, preloadSource) {
  const preload =
    preloadSource === null
      ? 'null'
      : `function (exports, require, module, __filename, __dirname, process, Buffer, global, setImmediate, clearImmediate) {\n${preloadSource}\n}`;
  return `(${electronPageHost.toString()})(${JSON.stringify(config)}, ${wireCodec.toString()}, ${preload});`;
}

function electronPageHost(config, wireCodec, runPreload) {
  const binding = window[config.binding];
  try {
    delete window[config.binding];
  } catch {
    // not configurable: it stays visible, harmlessly
  }
  if (typeof binding !== 'function' || window !== window.top) return;
  const wire = wireCodec();
  const call = (message) => binding(JSON.stringify(message));

  class Emitter {
    #listeners = new Map();
    on(name, fn) {
      (this.#listeners.get(name) ?? this.#listeners.set(name, []).get(name)).push(fn);
      return this;
    }
    addListener(name, fn) {
      return this.on(name, fn);
    }
    once(name, fn) {
      const once = (...args) => {
        this.off(name, once);
        fn(...args);
      };
      once.listener = fn;
      return this.on(name, once);
    }
    off(name, fn) {
      const list = this.#listeners.get(name) ?? [];
      const i = list.findIndex((l) => l === fn || l.listener === fn);
      if (i >= 0) list.splice(i, 1);
      return this;
    }
    removeListener(name, fn) {
      return this.off(name, fn);
    }
    removeAllListeners(name) {
      if (name === undefined) this.#listeners.clear();
      else this.#listeners.delete(name);
      return this;
    }
    listenerCount(name) {
      return (this.#listeners.get(name) ?? []).length;
    }
    listeners(name) {
      return [...(this.#listeners.get(name) ?? [])];
    }
    emit(name, ...args) {
      const list = [...(this.#listeners.get(name) ?? [])];
      for (const fn of list) fn.apply(this, args);
      return list.length > 0;
    }
  }

  const notCloneable = () => new Error('An object could not be cloned.');
  const ipcRenderer = new Emitter();
  ipcRenderer.invoke = async (channel, ...args) => {
    let encoded;
    try {
      encoded = wire.encode(args);
    } catch {
      throw notCloneable();
    }
    const reply = wire.decode(await call({ kind: 'invoke', channel: String(channel), args: encoded }));
    if ('error' in reply) throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
    return reply.result;
  };
  ipcRenderer.send = (channel, ...args) => {
    let encoded;
    try {
      encoded = wire.encode(args);
    } catch {
      throw notCloneable();
    }
    void call({ kind: 'send', channel: String(channel), args: encoded });
  };
  for (const name of ['sendSync', 'sendToHost', 'postMessage'])
    ipcRenderer[name] = () => {
      throw new Error(`electron-stand-in: ipcRenderer.${name} is not supported`);
    };

  // What crosses contextBridge (see the file comment).
  const byReference = (v) =>
    (typeof Blob !== 'undefined' && v instanceof Blob) || (typeof Node !== 'undefined' && v instanceof Node);
  const cloneable = (v) =>
    v instanceof Date ||
    v instanceof RegExp ||
    v instanceof Map ||
    v instanceof Set ||
    v instanceof ArrayBuffer ||
    ArrayBuffer.isView(v);
  const copyError = (e) => new Error(e && typeof e === 'object' && 'message' in e ? e.message : String(e));
  // Guess (electron_api_context_bridge.cc): the exposed API is deep-frozen; values crossing later (arguments,
  // results, event payloads) are copies, not frozen.
  const bridge = (value, depth = 0, freeze = false) => {
    if (depth > 1000) throw new Error('Object is too deep to be copied');
    if (typeof value === 'symbol') return undefined;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') {
      return function bridged(...args) {
        let result;
        try {
          result = value(...args.map((a) => bridge(a)));
        } catch (e) {
          throw copyError(e);
        }
        return bridge(result);
      };
    }
    if (value instanceof Promise)
      return new Promise((resolve, reject) =>
        value.then(
          (v) => resolve(bridge(v)),
          (e) => reject(copyError(e)),
        ),
      );
    if (value instanceof Error) return copyError(value);
    if (byReference(value)) return value;
    if (cloneable(value)) return structuredClone(value);
    const done = (copy) => (freeze ? Object.freeze(copy) : copy);
    if (Array.isArray(value)) return done(value.map((v) => bridge(v, depth + 1, freeze)));
    const copy = {};
    for (const key of Object.keys(value)) copy[key] = bridge(value[key], depth + 1, freeze);
    return done(copy);
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (!config.contextIsolation)
        throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in window)
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, {
        value: bridge(api, 0, true),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    },
    executeInMainWorld({ func, args = [] }) {
      return bridge(func(...args.map((a) => bridge(a))));
    },
    exposeInIsolatedWorld() {
      throw new Error('electron-stand-in: exposeInIsolatedWorld is not supported');
    },
  };

  const paths = new WeakMap();
  const webUtils = {
    getPathForFile(file) {
      if (!(file instanceof File))
        throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(file));
      return paths.get(file) ?? '';
    },
  };
  const webFrame = {
    getZoomFactor: () => 1,
    setZoomFactor() {},
    getZoomLevel: () => 0,
    setZoomLevel() {},
    setVisualZoomLevelLimits: async () => {},
    insertCSS: () => '',
    removeInsertedCSS() {},
    executeJavaScript: async (code) => (0, eval)(code),
  };
  const modules = {
    electron: {
      contextBridge,
      ipcRenderer,
      webUtils,
      webFrame,
      crashReporter: { addExtraParameter() {}, removeExtraParameter() {}, getParameters: () => ({}) },
    },
    events: Object.assign(Emitter, { EventEmitter: Emitter, default: Emitter }),
    timers: {
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      setImmediate: (f, ...a) => setTimeout(f, 0, ...a),
      clearImmediate: clearTimeout,
    },
    url: { URL, URLSearchParams },
  };
  const preloadRequire = (name) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw new Error(`module not found: ${name}`);
  };
  const preloadProcess = Object.assign(new Emitter(), {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: config.contextIsolation,
    platform: config.platform,
    argv: [],
    env: {},
    execPath: '',
    pid: 0,
    versions: config.versions,
    version: 'v' + config.versions.node,
  });

  // The main process reaches this document through one hidden function.
  let visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
  Object.defineProperty(document, 'hidden', { get: () => visibility === 'hidden', configurable: true });
  Object.defineProperty(window, config.nonce, {
    enumerable: false,
    value(kind, a, b) {
      if (kind === 'ipc') {
        const args = wire.decode(b);
        ipcRenderer.emit(a, { sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
      } else if (kind === 'visibility' && a !== visibility) {
        visibility = a;
        document.dispatchEvent(new Event('visibilitychange'));
      }
    },
  });
  // For tests: which window this is, and the path a test gives to a File it drops.
  Object.defineProperty(window, Symbol.for('electron-stand-in'), {
    value: Object.freeze({
      windowId: config.windowId,
      setPathForFile: (file, path) => void paths.set(file, String(path)),
    }),
  });

  // Keys the page did not handle go to the application menu (its accelerators), as on macOS.
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      setTimeout(() => {
        if (e.defaultPrevented || !(e.metaKey || e.ctrlKey || e.altKey || /^F\d+$/.test(e.key))) return;
        void call({
          kind: 'key',
          key: e.key,
          code: e.code,
          meta: e.metaKey,
          ctrl: e.ctrlKey,
          alt: e.altKey,
          shift: e.shiftKey,
        });
      }, 0);
    },
    true,
  );
  // The async Clipboard API reaches the system clipboard (the one the clipboard module uses) through the
  // session's permissions: clipboard-sanitized-write and clipboard-read are asked of the permission check
  // handler, as Electron does (https://www.electronjs.org/docs/latest/api/session#sessetpermissioncheckhandlerhandler).
  // Guess: a denied check rejects at once with NotAllowedError; no request follows.
  if (navigator.clipboard) {
    const clip = async (op, text) => {
      const reply = await call({ kind: 'clipboard', op, text });
      if (!reply.granted)
        throw new DOMException(
          op.startsWith('write') ? 'Write permission denied.' : 'Read permission denied.',
          'NotAllowedError',
        );
      return reply.text;
    };
    navigator.clipboard.writeText = async (text) => void (await clip('writeText', String(text)));
    navigator.clipboard.readText = () => clip('readText');
  }

  // window.open and links that would open a window go to the handler set with setWindowOpenHandler. Guess: the
  // page gets null, as with { action: 'deny' }; an allowed window is opened by the main process.
  window.open = function open(url = '', target = '_blank', features = '') {
    const href = url === '' ? 'about:blank' : new URL(String(url), document.baseURI).href;
    void call({
      kind: 'window-open',
      url: href,
      frameName: String(target),
      features: String(features),
      disposition: features ? 'new-window' : 'foreground-tab',
    });
    return null;
  };
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!a || !(a.target === '_blank' || e.metaKey || e.shiftKey || e.button === 1)) return;
      e.preventDefault();
      void call({
        kind: 'window-open',
        url: a.href,
        frameName: '',
        features: '',
        disposition: e.shiftKey ? 'new-window' : 'foreground-tab',
      });
    },
    true,
  );
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      void call({ kind: 'paint' });
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // no paint timing here: ready-to-show is never emitted, as in Electron with paintWhenInitiallyHidden off
  }

  if (runPreload) {
    const module = { exports: {} };
    try {
      runPreload.call(
        module.exports,
        module.exports,
        preloadRequire,
        module,
        config.preloadPath,
        config.preloadPath.replace(/\/[^/]*$/, ''),
        preloadProcess,
        undefined,
        globalThis,
        modules.timers.setImmediate,
        clearTimeout,
      );
    } catch (error) {
      console.error(`Unable to load preload script: ${config.preloadPath}`);
      console.error(error);
      void call({ kind: 'preload-error', message: String((error && error.stack) || error) });
    }
  }
}
