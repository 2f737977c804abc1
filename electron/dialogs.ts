import { BrowserWindow, dialog, shell } from 'electron';
import type { Desktop, PickPurpose } from './core/desktop';
import { isSafeExternalUrl } from './security';

const EXPORT_FILTERS = [{ name: 'OrbStack machine export', extensions: ['zst'] }];

const PICKS: Record<PickPurpose, Electron.OpenDialogOptions> = {
  import: { title: 'Import Machines', filters: EXPORT_FILTERS, properties: ['openFile', 'multiSelections'] },
  'cloud-init': {
    title: 'Choose a cloud-init File',
    filters: [{ name: 'cloud-init user data', extensions: ['yaml', 'yml', 'cfg', 'txt'] }],
    properties: ['openFile'],
  },
  push: { title: 'Copy Files to the Machine', properties: ['openFile', 'multiSelections'] },
};

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
    async pickFiles(purpose) {
      const win = parent();
      const options = PICKS[purpose];
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async pickOrbctl() {
      const win = parent();
      const options: Electron.OpenDialogOptions = {
        title: 'Choose orbctl',
        message: 'Choose OrbStack’s orbctl (usually in ~/.orbstack/bin).',
        properties: ['openFile', 'showHiddenFiles', 'treatPackageAsDirectory'],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path);
      return true;
    },
  };
}
