import { basename, dirname } from 'node:path';
import { BrowserWindow, dialog, Menu, shell } from 'electron';
import { AppError } from '../../shared/errors';
import type { Desktop, PickPurpose } from '../core/platform/desktop';
import { isAllowedExternalUrl } from './external-urls';

const EXPORT_FILTERS = [{ name: 'OrbStack machine export', extensions: ['zst'] }];

const PICKS: Record<PickPurpose, Electron.OpenDialogOptions> = {
  import: { title: 'Import Machines', filters: EXPORT_FILTERS, properties: ['openFile', 'multiSelections'] },
  // A folder written by Export for a New Mac… (or any folder of exports).
  'import-folder': {
    title: 'Import a Folder of Machines',
    buttonLabel: 'Import',
    properties: ['openDirectory'],
  },
  'cloud-init': {
    title: 'Choose a cloud-init File',
    filters: [{ name: 'cloud-init user data', extensions: ['yaml', 'yml', 'cfg', 'txt'] }],
    properties: ['openFile'],
  },
  push: { title: 'Copy Files to the Machine', properties: ['openFile', 'multiSelections'] },
};

/** What the core knows, so that only what the app itself built leaves it (answered in main.ts). */
export interface DesktopLimits {
  /** A machine the core's list holds: its ssh:// and vscode:// addresses may be opened. */
  isKnownMachine(name: string): boolean;
  /** A file the app wrote (a finished export): it may be shown in Finder. */
  isKnownFile(path: string): boolean;
}

/** The Electron side of what the core asks the desktop for: native dialogs, Finder, other apps. */
export function electronDesktop(limits: DesktopLimits): Desktop {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async openExternal(url) {
      // A machine's ssh:// (Terminal) and vscode:// (VS Code) address and the app's own links; nothing else.
      if (!isAllowedExternalUrl(url, (name) => limits.isKnownMachine(name))) return false;
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
    // Copy a file out of a machine, save a command's output.
    async pickSavePath(defaultPath, purpose) {
      const win = parent();
      const options: Electron.SaveDialogOptions = {
        title: purpose === 'pull' ? 'Copy File from Machine' : 'Save',
        defaultPath,
        properties: ['createDirectory'],
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
    popupMenu(items) {
      const win = parent();
      return new Promise((resolve) => {
        let chosen: string | null = null;
        const menu = Menu.buildFromTemplate(
          items.map((item) =>
            'separator' in item
              ? { type: 'separator' as const }
              : {
                  label: item.label,
                  enabled: item.enabled,
                  ...(item.checked === undefined ? {} : { type: 'checkbox' as const, checked: item.checked }),
                  click: () => (chosen = item.id),
                },
          ),
        );
        // The callback runs when the menu closes, after any item's click.
        menu.popup({ ...(win ? { window: win } : {}), callback: () => resolve(chosen) });
      });
    },
    async pickFolder(title) {
      const win = parent();
      const options: Electron.OpenDialogOptions = {
        title,
        buttonLabel: 'Export Here',
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showItemInFolder(path) {
      if (!limits.isKnownFile(path)) {
        throw new AppError('INVALID_INPUT', 'OrbDeck shows in Finder only the files it exported.', {
          field: 'path',
        });
      }
      shell.showItemInFolder(path);
      return true;
    },
    async openMachineFiles(machine, path) {
      if (!limits.isKnownMachine(machine))
        throw new AppError('NOT_FOUND', `There is no machine “${machine}”.`, { field: 'name' });
      // Only OrbStack's mount of that machine's files: ~/OrbStack/NAME.
      if (basename(path) !== machine || basename(dirname(path)) !== 'OrbStack')
        throw new AppError('INVALID_INPUT', `OrbDeck opens only ~/OrbStack/${machine} in Finder.`, {
          field: 'path',
        });
      // shell.openPath answers an error message, or '' when Finder opened it.
      const problem = await shell.openPath(path);
      if (problem) throw new AppError('NOT_FOUND', `Finder could not open ${path}: ${problem}`);
    },
  };
}
