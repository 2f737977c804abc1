import { IpcChannel } from '../../../../shared/ipc/contract';
import type { Desktop } from '../../desktop';
import type { Router } from '../router';

/** Native dialogs and Finder: Electron does them; the headless host says it cannot, and the window adapts. */
export function registerDesktopHandlers(router: Router, desktop: Desktop): void {
  router.handle(IpcChannel.desktopPickExportPath, async ({ defaultPath }) =>
    desktop.pickExportPath
      ? { supported: true, path: await desktop.pickExportPath(defaultPath) }
      : { supported: false, path: null },
  );
  router.handle(IpcChannel.desktopPickImportFiles, async () =>
    desktop.pickImportFiles
      ? { supported: true, paths: await desktop.pickImportFiles() }
      : { supported: false, paths: [] },
  );
  router.handle(IpcChannel.desktopShowItem, ({ path }) => ({
    shown: desktop.showItemInFolder?.(path) ?? false,
  }));
}
