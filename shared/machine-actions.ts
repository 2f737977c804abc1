import type { AppErrorData } from './errors';
import { isFinished, type Job } from './jobs';
import { TRANSITIONAL_STATES, type Machine, type OrbctlCapabilities } from './machine';

export type MachineAction =
  | 'start'
  | 'stop'
  | 'restart'
  | 'rename'
  | 'delete'
  | 'clone'
  | 'export'
  | 'set-default'
  | 'set-limits'
  | 'terminal'
  | 'ssh'
  | 'vscode'
  // Checkpoints.
  | 'save-checkpoint'
  | 'revert-checkpoint'
  | 'clone-checkpoint'
  // Working inside a machine.
  | 'run'
  | 'pull'
  | 'push-file';

export interface Availability {
  enabled: boolean;
  /** Why not, for the tooltip; or what it will do, when enabled. */
  reason: string;
}

const yes = (reason: string): Availability => ({ enabled: true, reason });
const no = (reason: string): Availability => ({ enabled: false, reason });

/** Why an action is not offered while OrbDeck does not yet know which OrbStack it talks to. */
export const VERSION_UNKNOWN = 'Waiting to learn which OrbStack version this is';

/**
 * The version gate of an action (docs/orbctl.md#version-gates), or null when it passes. Until `orbctl version`
 * has been read the answer is not known, and an action that may not exist is not offered: it would fail.
 */
function versionGate(
  capabilities: OrbctlCapabilities | null,
  feature: 'clone' | 'export' | 'import' | 'resourceLimits',
): Availability | null {
  if (!capabilities) return no(VERSION_UNKNOWN);
  if (capabilities[feature]) return null;
  const needs = feature === 'resourceLimits' ? '2.2' : '1.10';
  return no(`Needs OrbStack ${needs} or newer (this is ${capabilities.version})`);
}

/** Every action on one machine, for a `satisfies Record<MachineAction, …>` wherever actions are listed. */
export const MACHINE_ACTIONS = [
  'start',
  'stop',
  'restart',
  'rename',
  'delete',
  'clone',
  'export',
  'set-default',
  'set-limits',
  'terminal',
  'ssh',
  'vscode',
  // Checkpoints.
  'save-checkpoint',
  'revert-checkpoint',
  'clone-checkpoint',
  'run',
  'pull',
  'push-file',
] as const satisfies readonly MachineAction[];

/** Jobs queued or running on `machine` (or on a name it is about to take), oldest first. */
export function activeJobsFor(jobs: Iterable<Job>, machine: string): Job[] {
  return [...jobs]
    .filter((j) => !isFinished(j) && (j.machine === machine || (j.touches ?? []).includes(machine)))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Whether an action can be taken on a machine right now, and why not. The one rule set for the row, the
 * details pane, the context menu, keyboard shortcuts, the app menu and the tray, so they never disagree.
 */
export function availability(
  action: MachineAction,
  machine: Machine,
  activeJobs: readonly Job[],
  capabilities: OrbctlCapabilities | null,
): Availability {
  const name = machine.name;
  const busy = activeJobs[0];
  // Run and copy dialogs open while the machine is busy; their jobs wait their turn, visibly.
  const changesMachine = !['terminal', 'ssh', 'vscode', 'run', 'pull', 'push-file'].includes(action);
  if (busy && changesMachine) {
    return no(`Busy: ${busy.title}${busy.state === 'queued' ? ' (queued)' : ''}. Wait for it to finish.`);
  }
  const state = machine.state;
  const transitional = TRANSITIONAL_STATES.includes(state);
  const running = state === 'running';
  const stopped = state === 'stopped';
  switch (action) {
    case 'start':
      return stopped
        ? yes(`Start ${name}`)
        : no(running ? `${name} is already running` : `${name} is ${state}`);
    case 'stop':
      // Offered in every state but stopped: machines can get stuck starting, and Stop is the way out.
      return stopped ? no(`${name} is already stopped`) : yes(`Stop ${name}`);
    case 'restart':
      return running ? yes(`Restart ${name}`) : no(`${name} is not running`);
    case 'rename':
      return transitional ? no(`${name} is ${state}`) : yes(`Rename ${name}`);
    case 'delete':
      return state === 'deleting' ? no(`${name} is being deleted`) : yes(`Delete ${name} and all its files`);
    case 'clone':
    case 'export': {
      const gate = versionGate(capabilities, action);
      if (gate) return gate;
      return transitional
        ? no(`${name} is ${state}`)
        : yes(action === 'clone' ? `Clone ${name}` : `Export ${name} to a file`);
    }
    case 'set-default':
      return machine.isDefault
        ? no(`${name} is already the default machine`)
        : yes(`Make ${name} the default machine`);
    case 'set-limits': {
      const gate = versionGate(capabilities, 'resourceLimits');
      if (gate) return gate;
      return stopped
        ? yes(`Change the CPUs, memory and disk of ${name}`)
        : no(`Stop ${name} to change its limits`);
    }
    case 'terminal':
    case 'vscode':
      return running || stopped
        ? yes(running ? `Open ${name}` : `Start ${name} and open it`)
        : no(`${name} is ${state}`);
    case 'ssh':
      return yes(`Copy the SSH command for ${name}`);
    // Checkpoints (docs/checkpoints.md). A checkpoint is not a row of the list (shared/checkpoint-records.ts),
    // so these are asked only of ordinary machines; a checkpoint is worked on through a clone of it.
    case 'save-checkpoint':
    case 'revert-checkpoint':
    case 'clone-checkpoint': {
      // A revert clones the checkpoint back too.
      const gate = versionGate(capabilities, 'clone');
      if (gate) return gate;
      if (transitional) return no(`${name} is ${state}`);
      return yes(
        action === 'save-checkpoint'
          ? `Save a checkpoint of ${name}'s disk`
          : action === 'revert-checkpoint'
            ? `Put ${name} back to one of its checkpoints`
            : `Make a new machine from one of ${name}'s checkpoints`,
      );
    }
    // Orbctl starts a stopped machine for these (docs/orbctl.md#other-commands).
    case 'run':
    case 'pull':
    case 'push-file': {
      const words = {
        run: `Run a command in ${name}`,
        pull: `Copy a file from ${name} to this computer`,
        'push-file': `Copy files from this computer into ${name}`,
      }[action];
      return running || stopped
        ? yes(stopped ? `${words} (starts it first)` : words)
        : no(`${name} is ${state}`);
    }
  }
}

/** The actions that can be taken on several selected machines at once. */
export const BULK_ACTIONS = [
  'start',
  'stop',
  'restart',
  'export',
  // One command line in every selected machine, a job each.
  'run',
  'delete',
] as const satisfies readonly MachineAction[];
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkAvailability extends Availability {
  /** The selected machines the action can be taken on now (the others are skipped, and the reason says so). */
  names: string[];
}

/**
 * An action on several machines: enabled when at least one of them allows it, for those that do. The same
 * per-machine rule as everywhere else, so a bulk Stop never stops a machine its own Stop button would refuse.
 */
export function bulkAvailability(
  action: BulkAction,
  machines: ReadonlyArray<{ machine: Machine; active: readonly Job[] }>,
  capabilities: OrbctlCapabilities | null,
): BulkAvailability {
  const names = machines
    .filter(({ machine, active }) => availability(action, machine, active, capabilities).enabled)
    .map(({ machine }) => machine.name);
  const total = machines.length;
  const verb = action === 'run' ? 'Run a command in' : action[0]!.toUpperCase() + action.slice(1);
  if (names.length === 0) {
    const why =
      total === 1 ? availability(action, machines[0]!.machine, machines[0]!.active, capabilities) : null;
    return {
      enabled: false,
      names,
      reason:
        why?.reason ?? `None of the ${total} machines can ${action === 'run' ? 'run a command' : action} now`,
    };
  }
  const which = names.length === total ? `${total} machines` : `${names.length} of ${total} machines`;
  return { enabled: true, names, reason: `${verb} ${which}` };
}

/** Actions on no machine in particular: New Machine (also from a preset) and Import…. */
export type AppAction = 'create' | 'import';

/**
 * Whether New Machine or Import… can be asked for now: not while the machines cannot be read (orbctl missing,
 * OrbStack not answering: what would be created could not even be shown), and Import only where orbctl has it.
 * The one rule for the toolbar, the shortcuts and menus, and the tray.
 */
export function appAvailability(
  action: AppAction,
  capabilities: OrbctlCapabilities | null,
  listError: Pick<AppErrorData, 'code'> | null,
): Availability {
  if (listError?.code === 'NOT_INSTALLED') return no('orbctl was not found: choose it in Settings');
  if (listError) return no('The machines cannot be read right now');
  const gate = action === 'import' ? versionGate(capabilities, 'import') : null;
  if (gate) return gate;
  return yes(action === 'create' ? 'New Machine' : 'Import an exported machine');
}
