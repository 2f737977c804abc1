import type { AppCommand } from '../../shared/ipc/contract';
import type { Core } from '../core/app-core';
import { powerJob } from '../core/machines/machine-jobs';
import { terminalUrl } from '../core/machines/ssh-urls';
import type { TrayAction } from './tray-menu';

/** What only the desktop can do for a tray click. */
export interface TrayHost {
  showWindow(): void;
  /** Shows the window and asks it to do something (open a dialog). */
  command(command: AppCommand): void;
  copyText(text: string): void;
  openExternal(url: string): void;
  quit(): void;
}

/** Runs a tray click with the same core actions (and jobs) the window uses. */
export async function runTrayAction(action: TrayAction, core: Core, host: TrayHost): Promise<void> {
  const deps = { orbctl: core.orbctl, machines: core.machines };
  // Start All and Stop All never touch a checkpoint: starting one would change it.
  const machines = () => core.checkpoints.ordinary(core.machines.snapshot().machines);
  const idle = (name: string) => core.jobs.activeFor(name).length === 0;
  switch (action.kind) {
    case 'machine':
      core.jobs.submit(powerJob(action.action, action.machine, deps));
      return;
    case 'start-all':
      for (const m of machines())
        if (m.state === 'stopped' && idle(m.name)) core.jobs.submit(powerJob('start', m.name, deps));
      return;
    case 'stop-all':
      for (const m of machines())
        if (m.state === 'running' && idle(m.name)) core.jobs.submit(powerJob('stop', m.name, deps));
      return;
    // The same requests the window sends; the jobs show in Activity.
    case 'start-policy':
    case 'stop-policy': {
      const channel = action.kind === 'start-policy' ? 'policy:start-all' : 'policy:stop-all';
      const result = await core.router.invoke(channel, {}, { transport: 'electron' });
      if (!result.ok) core.timing.note('WARN', `Tray: ${result.error.message}`);
      return;
    }
    case 'terminal':
      host.openExternal(terminalUrl(action.machine));
      return;
    case 'copy-ssh':
      host.copyText((await core.orbctl.sshDetails(action.machine)).command);
      return;
    case 'dialog':
      host.command({ command: action.dialog, machine: action.machine });
      return;
    case 'import':
      host.command({ command: 'import' });
      return;
    case 'show':
      host.showWindow();
      return;
    // The same request the window sends; the job shows in Activity.
    case 'create-from-preset': {
      const result = await core.router.invoke(
        'machine:create-from-preset',
        { id: action.preset },
        { transport: 'electron' },
      );
      host.showWindow();
      if (!result.ok) core.timing.note('WARN', `Tray: New from Preset: ${result.error.message}`);
      return;
    }
    case 'quit':
      host.quit();
      return;
  }
}
