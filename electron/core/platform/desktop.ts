/** What the native open dialog is asked for (its title and file types follow). */
export type PickPurpose = 'import' | 'import-folder' | 'cloud-init' | 'push';

/**
 * What only a desktop app can do for the core. Electron provides all of it; the headless host provides none,
 * and its windows use their browser equivalents (a path field, a toast, opening the address themselves).
 */
/** One item of a native menu the window asks for (validated by the contract). */
export type NativeMenuItem =
  { id: string; label: string; enabled: boolean; checked?: boolean | undefined } | { separator: true };

export interface Desktop {
  /**
   * Opens a URL (ssh://, vscode://) with the app registered for it; false when this transport cannot, or when
   * the URL is not one the app built for a known machine (nor one of its own links).
   */
  openExternal(url: string): Promise<boolean>;
  /** The native save dialog for an export; null when the user cancels. */
  pickExportPath?(defaultPath: string): Promise<string | null>;
  /** The native open dialog; empty when the user cancels. */
  pickFiles?(purpose: PickPurpose): Promise<string[]>;
  /** The native open dialog for choosing the orbctl program; null when the user cancels. */
  pickOrbctl?(): Promise<string | null>;
  /** Pops up a native menu at the pointer; resolves to the chosen item's id, null when dismissed. */
  popupMenu?(items: NativeMenuItem[]): Promise<string | null>;
  /** The native folder dialog (for exporting several machines); null when the user cancels. */
  pickFolder?(title: string): Promise<string | null>;
  /** The native save dialog for a copy out of a machine; null when cancelled. */
  pickSavePath?(defaultPath: string, purpose: 'pull'): Promise<string | null>;
  /** Shows a file in Finder; throws INVALID_INPUT for a file the app did not write (a finished export). */
  showItemInFolder?(path: string): boolean;
  /**
   * Opens a known machine's files (OrbStack's mount `path`, ~/OrbStack/NAME) in Finder; throws NOT_FOUND when
   * Finder cannot open it (OrbStack not running, the machine's mount missing).
   */
  openMachineFiles?(machine: string, path: string): Promise<void>;
}

export const HEADLESS_DESKTOP: Desktop = { openExternal: async () => false };
