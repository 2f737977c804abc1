import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/app-core';
import { runTrayAction, type TrayHost } from './tray-actions';
import type { TrayIcon, TrayItem } from './tray-menu';
import { TrayModel } from './tray-model';

const ICON_FILE: Record<TrayIcon, string> = {
  idle: 'trayTemplate.png',
  busy: 'trayBusyTemplate.png',
  error: 'trayErrorTemplate.png',
};

/**
 * The menu-bar item: the pure menu from core/tray turned into an Electron Tray. Clicks go back to the core
 * through runTrayAction, the same actions the window uses.
 */
export function createTray(core: Core, host: TrayHost, assets: string): () => void {
  const images = new Map<TrayIcon, Electron.NativeImage>();
  const image = (icon: TrayIcon) => {
    if (!images.has(icon)) {
      // nativeImage picks up the @2x file beside it; "Template" makes macOS tint it for light and dark bars.
      const img = nativeImage.createFromPath(join(assets, ICON_FILE[icon]));
      img.setTemplateImage(true);
      images.set(icon, img);
    }
    return images.get(icon)!;
  };
  const tray = new Tray(image('idle'));
  tray.setToolTip('OrbDeck');
  const toElectron = (items: TrayItem[]): MenuItemConstructorOptions[] =>
    items.map((item) => ({
      ...(item.label === undefined ? {} : { label: item.label }),
      ...(item.sublabel === undefined ? {} : { sublabel: item.sublabel }),
      ...(item.toolTip === undefined ? {} : { toolTip: item.toolTip }),
      ...(item.enabled === undefined ? {} : { enabled: item.enabled }),
      type: item.type ?? 'normal',
      ...(item.submenu ? { submenu: toElectron(item.submenu) } : {}),
      ...(item.action ? { click: () => void runTrayAction(item.action!, core, host).catch(() => {}) } : {}),
    }));
  const model = new TrayModel(core, (items, icon) => {
    if (tray.isDestroyed()) return;
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(items)));
    tray.setImage(image(icon));
    // For the Electron e2e project, which cannot open a menu-bar menu: the last menu, as data.
    if (process.env.ORBDECK_E2E === '1') (globalThis as Record<string, unknown>).orbdeckTrayMenu = items;
  });
  const stop = model.start();
  return () => {
    stop();
    tray.destroy();
  };
}
