/**
 * Files opened with OrbDeck (dropped on the Dock icon, double-clicked in Finder, passed to a second launch)
 * may arrive before any window can show them. They wait here and are handed over, together, once one can.
 */
export class OpenFileQueue {
  private pending: string[] = [];
  private deliver: ((paths: string[]) => void) | null = null;

  add(paths: readonly string[]): void {
    const fresh = paths.filter((p) => p && !this.pending.includes(p));
    if (fresh.length === 0) return;
    if (this.deliver) this.deliver(fresh);
    else this.pending.push(...fresh);
  }

  /** From now on files go straight to `deliver`; any that waited are delivered at once. */
  ready(deliver: (paths: string[]) => void): void {
    this.deliver = deliver;
    if (this.pending.length) deliver(this.pending.splice(0));
  }
}

/** The export files among a launch's arguments (a second instance started with files, on Linux). */
export function filesFromArgv(argv: readonly string[]): string[] {
  return argv.filter((a) => !a.startsWith('-') && /\.(tar\.)?zst$/i.test(a));
}
