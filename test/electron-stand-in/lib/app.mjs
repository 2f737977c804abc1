// app, after https://www.electronjs.org/docs/latest/api/app and shell/browser/browser.cc (the quit sequence):
// quit() emits before-quit (preventable), closes every window (a window that cancels its close cancels the
// quit), then emits will-quit (preventable) and quit, and the process exits. exit() before the message loop
// runs ends the process at once; afterwards it destroys the windows and emits only 'quit'.
import { EventEmitter } from 'node:events';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasLock, releaseLock, requestLock } from './single-instance.mjs';
import { debug, isMac, makeEvent, record, standIn } from './state.mjs';

class App extends EventEmitter {
  constructor() {
    super();
    this._name = 'Electron';
    this._version = '0.0.0';
    this._appPath = process.cwd();
    this._paths = new Map();
    this._quitting = false;
    this._exiting = false;
    this._shutdown = false;
    this._hidden = false;
    this._pendingSecondInstances = [];
    this._loginItem = { openAtLogin: false, openAsHidden: false };
    this._readyPromise = null;
    this._resolveReady = null;
    this.commandLine = {
      _switches: new Map(),
      appendSwitch: (name, value = '') => void this.commandLine._switches.set(name, value),
      appendArgument: () => {},
      hasSwitch: (name) =>
        this.commandLine._switches.has(name) ||
        process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)),
      getSwitchValue: (name) =>
        this.commandLine._switches.get(name) ??
        process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ??
        '',
      removeSwitch: (name) => void this.commandLine._switches.delete(name),
    };
    this.dock = isMac ? createDock() : undefined;
  }

  get name() {
    return this._name;
  }
  set name(name) {
    this._name = String(name);
  }
  getName() {
    return this._name;
  }
  setName(name) {
    this._name = String(name);
  }
  getVersion() {
    return this._version;
  }
  setVersion(version) {
    this._version = String(version);
  }
  getAppPath() {
    return this._appPath;
  }
  get isPackaged() {
    return false;
  }
  getLocale() {
    return 'en-US';
  }
  getSystemLocale() {
    return 'en-US';
  }
  getPreferredSystemLanguages() {
    return ['en-US'];
  }

  /** https://www.electronjs.org/docs/latest/api/app#appgetpathname; --user-data-dir sets userData, as in Electron. */
  getPath(name) {
    if (this._paths.has(name)) return this._paths.get(name);
    const home = homedir();
    const appData = isMac
      ? join(home, 'Library', 'Application Support')
      : process.env.XDG_CONFIG_HOME || join(home, '.config');
    const userData = this.commandLine.getSwitchValue('user-data-dir') || join(appData, this._name);
    const paths = {
      home,
      appData,
      userData,
      sessionData: userData,
      temp: tmpdir(),
      exe: process.execPath,
      module: process.execPath,
      desktop: join(home, 'Desktop'),
      documents: join(home, 'Documents'),
      downloads: join(home, 'Downloads'),
      music: join(home, 'Music'),
      pictures: join(home, 'Pictures'),
      videos: join(home, 'Movies'),
      logs: isMac ? join(home, 'Library', 'Logs', this._name) : join(userData, 'logs'),
      crashDumps: join(userData, 'Crashpad'),
    };
    if (!(name in paths)) throw new Error(`Failed to get '${name}' path`);
    return paths[name];
  }
  setPath(name, path) {
    this._paths.set(name, path);
  }

  isReady() {
    return standIn.ready;
  }
  whenReady() {
    this._readyPromise ??= standIn.ready
      ? Promise.resolve()
      : new Promise((resolve) => (this._resolveReady = resolve));
    return this._readyPromise;
  }
  /** Called by the launcher once the app's code has loaded and Chromium is up. */
  _becomeReady(launchInfo = {}) {
    standIn.ready = true;
    this._resolveReady?.();
    this.emit('ready', makeEvent(), launchInfo);
    // "Guaranteed to be emitted after the ready event": guess, on a later task, after whenReady()'s callbacks.
    setImmediate(() => {
      for (const args of this._pendingSecondInstances.splice(0)) this.emit('second-instance', ...args);
    });
  }

  requestSingleInstanceLock(additionalData) {
    return requestLock(this.getPath('userData'), additionalData, (argv, cwd, data) => {
      const args = [makeEvent(), argv, cwd, data];
      if (standIn.ready) this.emit('second-instance', ...args);
      else this._pendingSecondInstances.push(args);
    });
  }
  hasSingleInstanceLock() {
    return hasLock();
  }
  releaseSingleInstanceLock() {
    releaseLock();
  }

  quit() {
    if (this._quitting || this._shutdown) return;
    const event = makeEvent();
    this.emit('before-quit', event);
    debug(`before-quit${event.defaultPrevented ? ' (prevented)' : ''}`);
    if (event.defaultPrevented) return;
    this._quitting = true;
    const windows = [...standIn.windows];
    if (windows.length === 0) this._notifyAndShutdown();
    else for (const window of windows) window.close();
  }
  exit(exitCode = 0) {
    if (!standIn.loopRunning) process.exit(exitCode);
    this._quitting = true;
    this._exiting = true;
    this._exitCode = exitCode;
    if (standIn.windows.size === 0) this._doShutdown();
    else for (const window of [...standIn.windows]) window.destroy();
  }
  relaunch(options = {}) {
    record('relaunch', options);
  }
  _windowAllClosed() {
    if (this._exiting) this._doShutdown();
    else if (this._quitting) this._notifyAndShutdown();
    else if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed', makeEvent());
    else this.quit(); // lib/browser/init.ts: nobody listening means quit
  }
  _notifyAndShutdown() {
    if (this._shutdown) return;
    const event = makeEvent();
    this.emit('will-quit', event);
    debug(`will-quit${event.defaultPrevented ? ' (prevented)' : ''}`);
    if (event.defaultPrevented) {
      this._quitting = false;
      return;
    }
    this._doShutdown();
  }
  _doShutdown() {
    if (this._shutdown) return;
    this._shutdown = true;
    this._quitting = true;
    const code = this._exitCode ?? 0;
    this.emit('quit', makeEvent(), code);
    debug(`quit (${code})`);
    record('quit', { code });
    // The launcher closes Chromium and the control channel, then exits with the code.
    setImmediate(() => standIn.shutdown(code));
  }

  focus(options = {}) {
    record('app-focus', options);
    this._hidden = false;
  }
  hide() {
    this._hidden = true;
    for (const window of standIn.windows) if (window.isVisible()) window.hide();
    record('app-hide', {});
  }
  show() {
    this._hidden = false;
  }
  isHidden() {
    return this._hidden;
  }

  setLoginItemSettings(settings) {
    this._loginItem = { ...this._loginItem, ...settings };
    record('login-item', { ...settings });
  }
  getLoginItemSettings() {
    const { openAtLogin, openAsHidden } = this._loginItem;
    return {
      openAtLogin: !!openAtLogin,
      openAsHidden: !!openAsHidden,
      wasOpenedAtLogin: false,
      wasOpenedAsHidden: false,
      restoreState: false,
      status: openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: !!openAtLogin,
      launchItems: [],
    };
  }

  setAboutPanelOptions(options) {
    this._about = options;
  }
  showAboutPanel() {
    record('about-panel', { ...(this._about ?? {}) });
  }
  setAppUserModelId() {}
  setActivationPolicy(policy) {
    record('activation-policy', { policy });
  }
  setAsDefaultProtocolClient(protocolName) {
    record('protocol-client', { protocol: protocolName });
    return true;
  }
  removeAsDefaultProtocolClient() {
    return true;
  }
  isDefaultProtocolClient() {
    return false;
  }
  addRecentDocument(path) {
    record('recent-documents', { path });
  }
  clearRecentDocuments() {}
  setBadgeCount(count) {
    this._badge = count;
    return true;
  }
  getBadgeCount() {
    return this._badge ?? 0;
  }
  disableHardwareAcceleration() {}
  enableSandbox() {}
  isInApplicationsFolder() {
    return false;
  }
  getAppMetrics() {
    return [];
  }
  get applicationMenu() {
    return standIn.menu.getApplicationMenu();
  }
  set applicationMenu(menu) {
    standIn.menu.setApplicationMenu(menu);
  }
}

function createDock() {
  const dock = {
    _visible: true,
    _badge: '',
    async show() {
      dock._visible = true;
      record('dock', { visible: true });
    },
    hide() {
      dock._visible = false;
      record('dock', { visible: false });
    },
    isVisible: () => dock._visible,
    setBadge(text) {
      dock._badge = String(text);
    },
    getBadge: () => dock._badge,
    bounce: () => 0,
    cancelBounce() {},
    downloadFinished() {},
    setMenu(menu) {
      dock._menu = menu;
    },
    getMenu: () => dock._menu ?? null,
    setIcon() {},
  };
  return dock;
}

export const app = new App();
standIn.onWindowAllClosed = () => app._windowAllClosed();
standIn.onWindowCloseCancelled = () => {
  // "Once a beforeunload handler has prevented the closing, we think the quit is cancelled too."
  app._quitting = false;
};
