/**
 * What the core's parts do as it stops, before it stops following the machines: stop the machines whose start
 * policy says so, stop timers. Every hook runs at once, and the core waits for them at most a set time, so a hook
 * that hangs cannot keep OrbDeck from quitting.
 */
export class QuitHooks {
  private readonly hooks: Array<() => unknown> = [];

  add(hook: () => unknown): void {
    this.hooks.push(hook);
  }

  /** Runs every hook; answers when all have ended or after `maxMs`, whichever comes first. */
  async run(maxMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
    const ran = Promise.allSettled(this.hooks.splice(0).map(async (hook) => hook()));
    await Promise.race([ran, waited]);
    clearTimeout(timer);
  }
}
