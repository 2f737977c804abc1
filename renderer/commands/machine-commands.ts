import {
  activeJobsFor,
  availability,
  bulkAvailability,
  type BulkAction,
  type MachineAction,
} from '../../shared/machine-actions';
import { isBulkChoice, type MenuChoice, type Selected } from '../model/machine-menu-items';
import { isExtraChoice } from '../model/sandbox-menu-items';
import { runExtraChoice } from './sandbox-commands';
import { getApi } from '../api/api';
import { toErrorData } from '../../shared/errors';
import { openAddress } from '../model/open-address';
import { useJobs } from '../state/jobs';
import { useMachines } from '../state/machines';
import { useOrbctl } from '../state/orbctl';
import { useToasts } from '../state/toasts';
import { useUi } from '../state/ui';

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
  'set-limits': (name) => useUi.getState().open({ kind: 'set-limits', machine: name }),
  terminal: (name) => openIn(name, 'terminal'),
  vscode: (name) => openIn(name, 'vscode'),
  ssh: async (name) => {
    const { command } = await getApi().invoke('machine:ssh', { name });
    await navigator.clipboard.writeText(command);
    useToasts.getState().push({ kind: 'success', text: `Copied: ${command}` });
  },
  // Checkpoints; the dialogs are mounted by <TrustDialogs /> (views/checkpoints/TrustDialogs.tsx).
  'save-checkpoint': (name) => useUi.getState().open({ kind: 'checkpoint-save', machine: name }),
  'revert-checkpoint': (name) => useUi.getState().open({ kind: 'checkpoint-revert', machine: name }),
  'clone-checkpoint': (name) => useUi.getState().open({ kind: 'checkpoint-clone', machine: name }),
  // Dialogs mounted by renderer/views/dialogs/RunDialogs.tsx (DialogState members in its header).
  run: (name) => useUi.getState().open({ kind: 'run', machine: name }),
  pull: (name) => useUi.getState().open({ kind: 'pull', machine: name }),
  'push-file': (name) => useUi.getState().open({ kind: 'push-file', machine: name }),
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

/** The selected machines with their active jobs, for the shared rules. */
export function selectionWithJobs(names: readonly string[]): Selected[] {
  const wanted = new Set(names);
  const jobs = Object.values(useJobs.getState().jobs);
  return (useMachines.getState().snapshot?.machines ?? [])
    .filter((m) => wanted.has(m.name))
    .map((machine) => ({ machine, active: activeJobsFor(jobs, machine.name) }));
}

/**
 * An action on several machines: each machine its own rule allows gets it (Start/Stop/Restart one job each);
 * Delete and Export ask first, once, listing the machines.
 */
export function runOnMachines(action: BulkAction, names: readonly string[]): void {
  const selected = selectionWithJobs(names);
  if (selected.length === 1) return runOnMachine(action, selected[0]!.machine.name);
  const can = bulkAvailability(action, selected, useOrbctl.getState().status?.capabilities ?? null);
  if (!can.enabled) {
    useToasts.getState().push({ kind: 'info', text: can.reason });
    return;
  }
  if (action === 'delete') return useUi.getState().open({ kind: 'delete-many', machines: can.names });
  if (action === 'export') return useUi.getState().open({ kind: 'export-many', machines: can.names });
  if (action === 'run') return useUi.getState().open({ kind: 'run-many', machines: can.names });
  for (const name of can.names) void runMachineAction(action, name);
}

/** What a menu item (context menu, "…" menu) does for the machines it was opened on. */
export function runMenuChoice(choice: MenuChoice, names: readonly string[]): void {
  if (isBulkChoice(choice)) runOnMachines(choice.slice(5) as BulkAction, names);
  else if (isExtraChoice(choice)) {
    if (names[0]) runExtraChoice(choice, names[0]);
  } else if (names[0]) runOnMachine(choice, names[0]);
}
