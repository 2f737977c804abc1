import type { Desktop } from '../platform/desktop';
import type { FileGrants } from '../file-access/grants';
import type { Router } from '../ipc/router';

/**
 * Native dialogs and Finder: Electron does them; the headless host says it cannot, and the window adapts.
 * Every file a dialog returns is handed to the window as a grant (see files/grants.ts), never as a bare path
 * the core would trust.
 */
export interface DesktopHandlerDeps {
  desktop: Desktop;
  grants: FileGrants;
}

export function registerDesktopHandlers(router: Router, { desktop, grants }: DesktopHandlerDeps): void {
  const handle = router.forOwner('desktop');
  handle('desktop:pick-export-path', async ({ defaultPath }) => {
    if (!desktop.pickExportPath) return { supported: false, file: null };
    const path = await desktop.pickExportPath(defaultPath);
    return { supported: true, file: path ? grants.grant(path, 'write', 'dialog') : null };
  });
  handle('desktop:pick-files', async ({ purpose }) => {
    if (!desktop.pickFiles) return { supported: false, files: [] };
    // A folder of exports is read: its files come back as grants of their own (import:inspect-folder).
    const paths = await desktop.pickFiles(purpose);
    return { supported: true, files: paths.map((p) => grants.grant(p, 'read', 'dialog')) };
  });
  handle('desktop:context-menu', async ({ items }) => {
    if (!desktop.popupMenu) return { supported: false, chosen: null };
    const chosen = await desktop.popupMenu(items);
    // Only an id the window offered, and only an enabled one, comes back.
    const offered = items.some((i) => 'id' in i && i.id === chosen && i.enabled);
    return { supported: true, chosen: offered ? chosen : null };
  });
  handle('desktop:pick-export-folder', async ({ names }) => {
    if (!desktop.pickFolder) return { supported: false, folder: null };
    const folder = await desktop.pickFolder(`Export ${names.length} Machines`);
    return { supported: true, folder: folder ? grants.grant(folder, 'write', 'dialog') : null };
  });
  handle('desktop:show-item', ({ path }) => ({
    shown: desktop.showItemInFolder?.(path) ?? false,
  }));
}
