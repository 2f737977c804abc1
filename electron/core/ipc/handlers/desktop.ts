import type { Desktop } from '../../desktop/desktop';
import type { FileGrants } from '../../files/grants';
import type { Router } from '../router';

/**
 * Native dialogs and Finder: Electron does them; the headless host says it cannot, and the window adapts.
 * Every file a dialog returns is handed to the window as a grant (see files/grants.ts), never as a bare path
 * the core would trust.
 */
export function registerDesktopHandlers(router: Router, desktop: Desktop, grants: FileGrants): void {
  const handle = router.forOwner('desktop');
  handle('desktop:pick-export-path', async ({ defaultPath }) => {
    if (!desktop.pickExportPath) return { supported: false, file: null };
    const path = await desktop.pickExportPath(defaultPath);
    return { supported: true, file: path ? grants.grant(path, 'write', 'dialog') : null };
  });
  handle('desktop:pick-files', async ({ purpose }) => {
    if (!desktop.pickFiles) return { supported: false, files: [] };
    const paths = await desktop.pickFiles(purpose);
    return { supported: true, files: paths.map((p) => grants.grant(p, 'read', 'dialog')) };
  });
  handle('desktop:show-item', ({ path }) => ({
    shown: desktop.showItemInFolder?.(path) ?? false,
  }));
}
