import type { AppErrorData } from '../../shared/errors';
import { isFinished, type HistoryEntry, type Job } from '../../shared/jobs';
import type { Machine, OrbctlCapabilities } from '../../shared/machine';
import type { StartPolicyRecord } from '../../shared/start-policy';
import {
  activeJobsFor,
  appAvailability,
  availability,
  type AppAction,
  type MachineAction,
} from '../../shared/machine-actions';

/** What a click in the tray menu asks for; the Electron glue hands it to the same core actions the window uses. */
export type TrayAction =
  | { kind: 'machine'; action: 'start' | 'stop' | 'restart'; machine: string }
  | { kind: 'terminal' | 'copy-ssh'; machine: string }
  | { kind: 'dialog'; dialog: 'clone' | 'export' | 'save-checkpoint'; machine: string }
  | { kind: 'start-all' | 'stop-all' | 'import' | 'show' | 'quit' }
  // The machines whose start policy says so (shared/start-policy.ts).
  | { kind: 'start-policy' | 'stop-policy' }
  // Create a machine from a preset in one click.
  | { kind: 'create-from-preset'; preset: string };

/** A menu item as plain data (Electron's MenuItemConstructorOptions without the functions), so it can be tested. */
export interface TrayItem {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  enabled?: boolean;
  /** Shown next to the label (e.g. a state) where the platform supports it. */
  sublabel?: string;
  toolTip?: string;
  submenu?: TrayItem[];
  action?: TrayAction;
}

export interface TrayInput {
  machines: readonly Machine[];
  jobs: readonly Job[];
  /** Earlier jobs, to put the machines people use most at the top. */
  history: readonly HistoryEntry[];
  /** The last polling error (orbctl missing, OrbStack stopped). */
  error: AppErrorData | null;
  /** What the installed orbctl can do (clone/export/import need 1.10); null while unknown. */
  capabilities: OrbctlCapabilities | null;
  /** The presets, for New from Preset. */
  presets?: ReadonlyArray<{ id: string; name: string }>;
  /** The start policies, by machine id: Start and Stop of the machines they name. */
  policies?: ReadonlyArray<Pick<StartPolicyRecord, 'id' | 'startWithApp' | 'stopOnQuit'>>;
  /** At most this many machines at the top level; the rest go under "More". */
  maxTopLevel?: number;
}

export type TrayIcon = 'idle' | 'busy' | 'error';

const STATE_LABEL: Record<string, string> = {
  running: 'Running',
  stopped: 'Stopped',
  starting: 'Starting…',
  stopping: 'Stopping…',
  creating: 'Creating…',
  deleting: 'Deleting…',
  provisioning: 'Provisioning…',
};

const separator: TrayItem = { type: 'separator' };

/** The icon: busy while any job runs, an error mark when orbctl or OrbStack is unavailable. */
export function trayIcon(input: Pick<TrayInput, 'jobs' | 'error'>): TrayIcon {
  if (input.jobs.some((j) => j.state === 'running')) return 'busy';
  return input.error ? 'error' : 'idle';
}

/** Running machines first, then the ones with the most jobs in the history, then by name. */
export function rankMachines(machines: readonly Machine[], history: readonly HistoryEntry[]): Machine[] {
  const uses = new Map<string, number>();
  for (const entry of history) uses.set(entry.machine, (uses.get(entry.machine) ?? 0) + 1);
  return [...machines].sort(
    (a, b) =>
      Number(b.state === 'running') - Number(a.state === 'running') ||
      (uses.get(b.name) ?? 0) - (uses.get(a.name) ?? 0) ||
      a.name.localeCompare(b.name),
  );
}

/** The tray's items for one machine: the same actions, and the same rules, as the window's (shared/). */
function machineMenu(m: Machine, active: readonly Job[], capabilities: OrbctlCapabilities | null): TrayItem {
  const busy = active[0];
  const state = STATE_LABEL[m.state] ?? m.state;
  const item = (label: string, action: MachineAction, click: TrayAction): TrayItem => {
    const can = availability(action, m, active, capabilities);
    return { label, enabled: can.enabled, action: click, ...(can.enabled ? {} : { toolTip: can.reason }) };
  };
  const power = (action: 'start' | 'stop' | 'restart', label: string) =>
    item(label, action, { kind: 'machine', action, machine: m.name });
  return {
    label: m.name,
    sublabel: busy ? `${state} · ${busy.title}` : state,
    type: 'submenu',
    submenu: [
      { label: busy ? `${state} — ${busy.title}` : state, enabled: false },
      separator,
      power('start', 'Start'),
      power('stop', 'Stop'),
      power('restart', 'Restart'),
      separator,
      item('Open Terminal', 'terminal', { kind: 'terminal', machine: m.name }),
      item('Copy SSH Command', 'ssh', { kind: 'copy-ssh', machine: m.name }),
      separator,
      item('Clone…', 'clone', { kind: 'dialog', dialog: 'clone', machine: m.name }),
      item('Export…', 'export', { kind: 'dialog', dialog: 'export', machine: m.name }),
      item('Save Checkpoint…', 'save-checkpoint', {
        kind: 'dialog',
        dialog: 'save-checkpoint',
        machine: m.name,
      }),
    ],
  };
}

/** The whole tray menu from the machine list and the jobs: pure, rebuilt on every change. */
export function buildTrayMenu(input: TrayInput): TrayItem[] {
  const max = input.maxTopLevel ?? 8;
  const active = input.jobs.filter((j) => !isFinished(j));
  const running = input.machines.filter((m) => m.state === 'running').length;
  const status = input.error
    ? input.error.code === 'NOT_INSTALLED'
      ? 'OrbStack is not installed'
      : input.error.code === 'ORBSTACK_NOT_RUNNING'
        ? 'OrbStack is not running'
        : 'Cannot read the machines'
    : `${running} of ${input.machines.length} machine${input.machines.length === 1 ? '' : 's'} running`;
  const jobsLine = active.length ? ` · ${active.length} job${active.length === 1 ? '' : 's'} active` : '';

  const activeOn = (name: string) => activeJobsFor(active, name);
  const ranked = rankMachines(input.machines, input.history);
  const top = ranked.length > max ? ranked.slice(0, max - 1) : ranked;
  const rest = ranked.slice(top.length).sort((a, b) => a.name.localeCompare(b.name));
  const { capabilities } = input;

  const menu: TrayItem[] = [{ label: status + jobsLine, enabled: false }, separator];
  if (input.machines.length === 0 && !input.error) menu.push({ label: 'No machines yet', enabled: false });
  for (const m of top) menu.push(machineMenu(m, activeOn(m.name), capabilities));
  if (rest.length > 0) {
    menu.push({
      label: `More (${rest.length})`,
      type: 'submenu',
      submenu: rest.map((m) => machineMenu(m, activeOn(m.name), capabilities)),
    });
  }
  const can = (action: MachineAction) => (m: Machine) =>
    availability(action, m, activeOn(m.name), capabilities).enabled;
  const stopped = input.machines.filter(can('start')).length;
  const stoppable = input.machines.filter((m) => m.state === 'running' && can('stop')(m)).length;
  const app = (action: AppAction) => appAvailability(action, capabilities, input.error);
  menu.push(
    separator,
    { label: 'Start All', enabled: stopped > 0 && !input.error, action: { kind: 'start-all' } },
    { label: 'Stop All', enabled: stoppable > 0 && !input.error, action: { kind: 'stop-all' } },
    ...policyItems(input, can),
    separator,
    { label: 'Import…', enabled: app('import').enabled, action: { kind: 'import' } },
    ...(input.presets && input.presets.length > 0
      ? [
          {
            label: 'New from Preset',
            type: 'submenu' as const,
            enabled: app('create').enabled,
            submenu: input.presets.map((p) => ({
              label: p.name,
              action: { kind: 'create-from-preset' as const, preset: p.id },
            })),
          },
        ]
      : []),
    { label: 'Show OrbDeck', action: { kind: 'show' } },
    separator,
    { label: 'Quit OrbDeck', action: { kind: 'quit' } },
  );
  return menu;
}

/** Start and Stop of the machines whose start policy names them, when any does. */
function policyItems(input: TrayInput, can: (action: MachineAction) => (m: Machine) => boolean): TrayItem[] {
  const policies = input.policies ?? [];
  const named = (key: 'startWithApp' | 'stopOnQuit') => {
    const ids = new Set(policies.filter((p) => p[key]).map((p) => p.id));
    return input.machines.filter((m) => ids.has(m.id));
  };
  const starts = named('startWithApp');
  const stops = named('stopOnQuit');
  if (starts.length === 0 && stops.length === 0) return [];
  const startable = starts.filter((m) => m.state === 'stopped' && can('start')(m)).length;
  const stoppable = stops.filter((m) => m.state === 'running' && can('stop')(m)).length;
  return [
    {
      label: 'Start Machines Set to Start with OrbDeck',
      enabled: startable > 0 && !input.error,
      toolTip: `${starts.length} set to start with OrbDeck, ${startable} of them stopped`,
      action: { kind: 'start-policy' },
    },
    {
      label: 'Stop Machines Set to Stop with OrbDeck',
      enabled: stoppable > 0 && !input.error,
      toolTip: `${stops.length} set to stop when OrbDeck quits, ${stoppable} of them running`,
      action: { kind: 'stop-policy' },
    },
  ];
}
