/**
 * Files the person chose, as a window holds them. In Electron the main process acts only on files that came
 * from its own dialogs, a drop or the Dock, so the window gets an opaque grant for each (`ref`) and sends that
 * back; the path is for display only. In a browser the person types paths, and `ref` is the path itself.
 */
export interface ChosenFile {
  /** What to send back in a request's path field. */
  ref: string;
  /** Where the file is, to show; never trusted by the core in Electron. */
  path: string;
  /** The last part of the path. */
  name: string;
}

/** What a grant looks like: `grant:` and 22 url-safe characters (128 random bits). */
export const GRANT_PATTERN = /^grant:[A-Za-z0-9_-]{22}$/;

export const isGrant = (ref: string): boolean => GRANT_PATTERN.test(ref);
