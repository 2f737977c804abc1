/**
 * What only a desktop app can do for the core. Electron provides it (shell.openExternal); the headless host
 * cannot open things on the user's screen, so its windows do it themselves with the address they are given.
 */
export interface Desktop {
  /** Opens a URL (ssh://, vscode://) with the app registered for it; false when this transport cannot. */
  openExternal(url: string): Promise<boolean>;
}

export const HEADLESS_DESKTOP: Desktop = { openExternal: async () => false };
