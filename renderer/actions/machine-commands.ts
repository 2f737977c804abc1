import { activeJobsFor, availability, type MachineAction } from '../../shared/machine-actions';
import { getApi } from '../api/api';
import { toErrorData } from '../../shared/errors';
import { openAddress } from '../lib/open-address';
import { useJobs } from '../stores/jobs';
import { useMachines } from '../stores/machines';
import { useOrbctl } from '../stores/orbctl';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';

/** What each action does: jobs go to the core, confirmations open their dialog, addresses leave the app. */
const RUN = {
  start: (name) => getApi().invoke('machine:start', { name }),
  stop: (name) => getApi().invoke('machine:stop', { name }),
  restart: (name) => getApi().invoke('machine:restart', { name }),
  'set-default': (name) => getApi().invoke('machine:set-default', { name }),
  rename: (name) => useUi.getState().open({ kind: 'rename', machine: name }),
  delete: (name) => useUi.getState().open({ kind: 'delete', machine: name }),
  clone: (name) => useUi.getState().open({ kind: 'clone', machine: name }),
  export: (name) => useUi.getState().open({ kind: 'export', machine: name }),
  terminal: (name) => openIn(name, 'terminal'),
  vscode: (name) => openIn(name, 'vscode'),
  ssh: async (name) => {
    const { command } = await getApi().invoke('machine:ssh', { name });
    await navigator.clipboard.writeText(command);
    useToasts.getState().push({ kind: 'success', text: `Copied: ${command}` });
  },
  // Issue 15: dialogs mounted by renderer/views/inside/InsideDialogs.tsx (DialogState members in its header).
  run: (name) => useUi.getState().open({ kind: 'run', machine: name } as never),
  pull: (name) => useUi.getState().open({ kind: 'pull', machine: name } as never),
  'push-file': (name) => useUi.getState().open({ kind: 'push-file', machine: name } as never),
} satisfies Record<MachineAction, (name: string) => unknown>;

async function openIn(name: string, target: 'terminal' | 'vscode'): Promise<void> {
  const { opened, url } = await getApi().invoke('machine:open', { name, target });
  // The headless host cannot open apps on this screen; the browser can hand the address over.
  if (!opened) openAddress(url);
}

/**
 * Performs an action on a machine. Anything refused becomes an error toast with the details, never a silent
 * no-op. Buttons call this after showing the rules' answer; other callers use `runOnMachine`.
 */
export async function runMachineAction(action: MachineAction, name: string): Promise<void> {
  try {
    await RUN[action](name);
  } catch (error) {
    const data = toErrorData(error);
    useToasts.getState().push({ kind: 'error', text: data.message, error: data });
  }
}

/**
 * The same, for callers with no button to grey out (shortcuts, the app menu): the shared rules are asked first,
 * and their reason is shown when the action cannot be taken now.
 */
export function runOnMachine(action: MachineAction, name: string | null): void {
  const machine = useMachines.getState().snapshot?.machines.find((m) => m.name === name);
  if (!machine) {
    useToasts.getState().push({ kind: 'info', text: 'Select a machine first.' });
    return;
  }
  const jobs = activeJobsFor(Object.values(useJobs.getState().jobs), machine.name);
  const can = availability(action, machine, jobs, useOrbctl.getState().status?.capabilities ?? null);
  if (can.enabled) void runMachineAction(action, machine.name);
  else useToasts.getState().push({ kind: 'info', text: can.reason });
}
