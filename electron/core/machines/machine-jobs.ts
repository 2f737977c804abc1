import type { CreateRequest, Limits, Orbctl } from '../orbctl';
import type { JobSpec } from '../jobs/job-manager';
import { find, honestly, type MachineSource } from '../jobs/reconcile';

/** What the jobs need of the adapter; a fake at this interface runs them without processes (see the tests). */
export type JobOrbctl = Pick<
  Orbctl,
  | 'start'
  | 'stop'
  | 'restart'
  | 'create'
  | 'delete'
  | 'rename'
  | 'setDefault'
  | 'setLimits'
  | 'info'
  | 'clone'
  | 'export'
  | 'import'
  | 'push'
>;

export interface MachineJobDeps {
  orbctl: JobOrbctl;
  machines: MachineSource;
  /** Told of a machine created with cloud-init, which is then set up (machines/setup-watch.ts). */
  setup?: { started(name: string): Promise<void> };
}

type PowerAction = 'start' | 'stop' | 'restart';
const VERB: Record<PowerAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };
/** The state that shows the action happened; a restart cannot be told from "nothing happened". */
const DONE_STATE: Record<PowerAction, string | null> = { start: 'running', stop: 'stopped', restart: null };

export function powerJob(action: PowerAction, name: string, deps: MachineJobDeps): JobSpec {
  const done = DONE_STATE[action];
  return {
    kind: action,
    machine: name,
    title: `${VERB[action]} ${name}`,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        {
          happened: done
            ? (machines) => (find(machines, name)?.state === done ? { words: `${name} is ${done}` } : null)
            : null,
          cancelled: `Cancelled; ${name} was left as it was.`,
        },
        () => deps.orbctl[action](name, { signal }),
      ),
  };
}

export function createJob(request: CreateRequest, deps: MachineJobDeps): JobSpec {
  const image = request.version ? `${request.distro}:${request.version}` : request.distro;
  const name = request.name;
  return {
    kind: 'create',
    machine: name,
    title: `Create ${name} (${image})`,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        {
          happened: (machines) =>
            find(machines, name) ? { words: `${name} was created`, leftover: name } : null,
          cancelled: 'Cancelled; no machine was created.',
        },
        async () => {
          await deps.orbctl.create(request, { signal });
          if (request.cloudInitFile !== undefined) await deps.setup?.started(name);
        },
      ),
  };
}

export function deleteJob(name: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: 'delete',
    machine: name,
    title: `Delete ${name}`,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        {
          happened: (machines) => (find(machines, name) ? null : { words: `${name} was deleted` }),
          cancelled: `Cancelled; ${name} was not deleted.`,
        },
        () => deps.orbctl.delete(name, { signal }),
      ),
  };
}

export function renameJob(name: string, newName: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: 'rename',
    machine: name,
    touches: [name, newName],
    title: `Rename ${name} to ${newName}`,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        {
          happened: (machines) => (find(machines, newName) ? { words: `${name} is now ${newName}` } : null),
          cancelled: `Cancelled; ${name} kept its name.`,
        },
        () => deps.orbctl.rename(name, newName, { signal }),
      ),
  };
}

/** What a limits change says it did: `2 CPUs, 4G memory`. */
export function limitsWords({ cpus, memory, disk }: Limits): string {
  return [
    cpus !== undefined ? `${cpus} ${cpus === 1 ? 'CPU' : 'CPUs'}` : null,
    memory !== undefined ? `${memory} memory` : null,
    disk !== undefined ? `${disk} disk` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function setLimitsJob(name: string, limits: Limits, deps: MachineJobDeps): JobSpec {
  return {
    kind: 'set-limits',
    machine: name,
    title: `Set ${name} to ${limitsWords(limits)}`,
    cancellable: false,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        // The machine list does not carry limits (docs/orbctl.md#config): a stop cannot be reconciled from it.
        {
          happened: null,
          listUnchanged: true,
          cancelled: `Cancelled; the limits of ${name} did not change.`,
        },
        async () => {
          await deps.orbctl.setLimits(name, limits, { signal });
          return { state: 'succeeded', outcome: `${name} gets ${limitsWords(limits)} when it next starts.` };
        },
      ),
  };
}

export function setDefaultJob(name: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: 'set-default',
    machine: name,
    title: `Make ${name} the default machine`,
    cancellable: false,
    run: ({ signal }) =>
      honestly(
        deps.machines,
        {
          happened: (machines) =>
            find(machines, name)?.isDefault ? { words: `${name} is the default machine` } : null,
          cancelled: 'Cancelled; the default machine did not change.',
        },
        () => deps.orbctl.setDefault(name, { signal }),
      ),
  };
}
