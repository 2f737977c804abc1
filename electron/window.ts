import { BrowserWindow, nativeTheme } from 'electron';

export interface WindowPaths {
  preload: string;
  indexHtml: string;
}

/** The hardened settings every OrbDeck window gets; exported so a test can pin them. */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 420,
    title: 'OrbDeck',
    show: false,
    // The page's own background, so there is no white flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1f' : '#f5f5f7',
    titleBarStyle: 'hiddenInset',
    webPreferences: secureWebPreferences(paths.preload),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(paths.indexHtml);
  return win;
}
