import type { OrbctlCapabilities } from '../../shared/machine';
import type { Core } from '../core/app-core';
import { buildTrayMenu, trayIcon, type TrayIcon, type TrayItem } from './tray-menu';

export type TrayRender = (items: TrayItem[], icon: TrayIcon) => void;

/**
 * Keeps the tray menu in step with the core: rebuilt from the machine store and the jobs whenever either
 * changes (debounced), whether or not a window is open. The menu is pure data; `render` turns it into a Tray.
 */
export class TrayModel {
  private timer: NodeJS.Timeout | null = null;
  private capabilities: OrbctlCapabilities | null = null;

  constructor(
    private readonly core: Core,
    private readonly render: TrayRender,
    private readonly debounceMs = 100,
  ) {}

  /** Subscribes and renders once; returns the disposer. */
  start(): () => void {
    const stops = [
      this.core.events.on('machines:changed', () => this.schedule()),
      this.core.events.on('jobs:changed', () => this.schedule()),
      this.core.events.on('presets:changed', () => this.schedule()),
      this.core.events.on('policy:changed', () => this.schedule()),
      this.core.events.on('checkpoints:changed', () => this.schedule()),
    ];
    void this.core.orbctl
      .capabilities()
      .then((c) => (this.capabilities = c))
      .catch(() => {})
      .finally(() => this.schedule());
    this.rebuild();
    return () => {
      stops.forEach((stop) => stop());
      if (this.timer) clearTimeout(this.timer);
    };
  }

  current(): { items: TrayItem[]; icon: TrayIcon } {
    const snapshot = this.core.machines.snapshot();
    const input = {
      // Checkpoints are not machines to start, stop or count: the window shows them under their machine.
      machines: this.core.checkpoints.ordinary(snapshot.machines),
      jobs: this.core.jobs.list(),
      history: this.core.history.list(),
      error: snapshot.lastError,
      capabilities: this.capabilities,
      presets: this.core.presets.list(),
      policies: this.core.policies.list(),
    };
    return { items: buildTrayMenu(input), icon: trayIcon(input) };
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.rebuild();
    }, this.debounceMs);
  }

  private rebuild(): void {
    const { items, icon } = this.current();
    this.render(items, icon);
  }
}
