import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import { boundsOnScreen, readWindowState, writeWindowState } from './window-state';
import { secureWebPreferences } from './window-preferences';

export interface WindowOptions {
  preload: string;
  /** The renderer's page (app://orbdeck/index.html, served by protocol.ts). */
  url: string;
  /** Where the window's size and position are remembered. */
  stateFile: string;
  /** Asked when the user closes the window: true keeps the app running in the menu bar. */
  keepRunningOnClose: () => boolean;
  hideDockWhenClosed: () => boolean;
  /** Asked before the window closes when closing it quits the app; it may keep the window open (preventDefault). */
  beforeClosingQuits?: (event: { preventDefault(): void }) => void;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const saved = boundsOnScreen(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const mac = process.platform === 'darwin';
  const win = new BrowserWindow({
    width: saved?.width ?? 1100,
    height: saved?.height ?? 720,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 720,
    minHeight: 420,
    title: 'OrbDeck',
    show: false,
    // The page's own background, so there is no white flash before the first paint; on macOS the window is
    // clear so the sidebar's vibrancy shows through (the page paints everything else).
    backgroundColor: mac ? '#00000000' : nativeTheme.shouldUseDarkColors ? '#1e1e1f' : '#f5f5f7',
    // The page draws a 52 px unified toolbar (renderer/styles/shell.css); the traffic lights sit centred in it.
    titleBarStyle: 'hiddenInset',
    ...(mac
      ? {
          vibrancy: 'sidebar' as const,
          visualEffectState: 'followWindow' as const,
          trafficLightPosition: { x: 16, y: 19 },
        }
      : {}),
    webPreferences: secureWebPreferences(options.preload),
  });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    writeWindowState(options.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', (event) => {
    if (!options.keepRunningOnClose()) options.beforeClosingQuits?.(event);
    remember();
    if (process.platform === 'darwin' && options.keepRunningOnClose() && options.hideDockWhenClosed())
      app.dock?.hide();
  });
  void win.loadURL(options.url);
  return win;
}
