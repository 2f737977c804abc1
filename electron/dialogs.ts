import { BrowserWindow, dialog, shell } from 'electron';
import type { Desktop } from './core/desktop';
import { isSafeExternalUrl } from './security';

const EXPORT_FILTERS = [{ name: 'OrbStack machine export', extensions: ['zst'] }];

/** The Electron side of what the core asks the desktop for: native dialogs, Finder, other apps. */
export function electronDesktop(): Desktop {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async openExternal(url) {
      // ssh:// opens Terminal and vscode:// VS Code; nothing else leaves the app.
      if (!/^(ssh|vscode):\/\//.test(url) && !isSafeExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    async pickExportPath(defaultPath) {
      const win = parent();
      const options = {
        title: 'Export Machine',
        defaultPath,
        filters: EXPORT_FILTERS,
        properties: ['createDirectory' as const],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickImportFiles() {
      const win = parent();
      const options = {
        title: 'Import Machines',
        filters: EXPORT_FILTERS,
        properties: ['openFile' as const, 'multiSelections' as const],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path);
      return true;
    },
  };
}
