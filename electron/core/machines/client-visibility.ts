/**
 * Which headless-host windows (browser tabs) are visible. The machine store polls at the visible rate while
 * at least one is, and slower when all are hidden or closed. (Electron's windows are followed by main.)
 */
export class ClientVisibility {
  private readonly clients = new Map<string, boolean>();

  constructor(private readonly onChange: (anyVisible: boolean) => void) {}

  /** Records a window's visibility; answers how many are visible. */
  set(client: string, visible: boolean): number {
    this.clients.set(client, visible);
    return this.update();
  }

  /** A connection closed. */
  remove(client: string): void {
    if (this.clients.delete(client)) this.update();
  }

  /** Whether this window said it is visible (one that never said is not counted as visible). */
  isVisible(client: string): boolean {
    return this.clients.get(client) === true;
  }

  count(): number {
    return [...this.clients.values()].filter(Boolean).length;
  }

  private update(): number {
    const visible = this.count();
    this.onChange(visible > 0);
    return visible;
  }
}
