import type { AppInfo } from '../../shared/ipc/types';

/**
 * How the window is framed. In Electron on macOS the page draws the title bar itself (titleBarStyle
 * 'hiddenInset'): the toolbar is the drag region and leaves room for the traffic lights, and the sidebar is
 * translucent (vibrancy). Elsewhere the same layout without the inset.
 */
export type Shell = 'electron-mac' | 'electron' | 'browser';

export function shellOf(info: Pick<AppInfo, 'transport' | 'platform'> | null): Shell {
  if (info?.transport !== 'electron') return 'browser';
  return info.platform === 'darwin' ? 'electron-mac' : 'electron';
}
