/**
 * Orbdeck:// links that reach the app (macOS `open-url`, before or after `ready`; another launch's
 * argv elsewhere) wait here until a window can carry them out, as opened files do (open-files.ts).
 */
import { isDeepLink } from '../../../shared/deep-link';

export class DeepLinkQueue {
  private pending: string[] = [];
  private deliver: ((url: string) => void) | null = null;

  add(url: string): void {
    if (!isDeepLink(url)) return;
    if (this.deliver) this.deliver(url);
    else if (this.pending.length < 20) this.pending.push(url);
  }

  ready(deliver: (url: string) => void): void {
    this.deliver = deliver;
    for (const url of this.pending.splice(0)) deliver(url);
  }
}

/** The orbdeck:// links among a launch's arguments (Windows and Linux pass them so). */
export function linksFromArgv(argv: readonly string[]): string[] {
  return argv.filter(isDeepLink);
}
