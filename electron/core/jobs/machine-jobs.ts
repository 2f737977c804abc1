import { AppError, ErrorCode } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import type { CreateRequest, Orbctl } from '../orbctl';
import type { MachineStore } from '../machines/machine-store';
import type { JobResult, JobSpec } from './job-manager';

export interface MachineJobDeps {
  orbctl: Orbctl;
  machines: MachineStore;
}

/**
 * orbctl is only a client of OrbStack's daemon: killing it (cancel) or giving up on it (timeout) does not
 * always stop the work. So when a job is cancelled or times out, it re-reads the machines and, if the change
 * happened anyway, reports that instead of "cancelled" — with the machine to clean up where there is one.
 */
async function honestly(
  deps: MachineJobDeps,
  work: () => Promise<void>,
  happened: (machines: Machine[]) => JobResult | null,
): Promise<JobResult | void> {
  deps.machines.nudge();
  try {
    await work();
  } catch (error) {
    const code = error instanceof AppError ? error.code : null;
    if (code !== ErrorCode.CANCELLED && code !== ErrorCode.TIMEOUT) throw error;
    const { machines } = await deps.machines.refresh();
    const result = happened(machines);
    if (!result) throw error;
    return code === ErrorCode.TIMEOUT
      ? {
          ...result,
          outcome: result.outcome?.replace('The cancel came too late', 'orbctl gave no answer in time'),
        }
      : result;
  } finally {
    deps.machines.nudge();
  }
}

const find = (machines: Machine[], name: string) => machines.find((m) => m.name === name);

type PowerAction = 'start' | 'stop' | 'restart';
const VERB: Record<PowerAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };
/** The state that shows the action happened; a restart cannot be told from "nothing happened". */
const DONE_STATE: Record<PowerAction, string | null> = { start: 'running', stop: 'stopped', restart: null };

export function powerJob(action: PowerAction, name: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: action,
    machine: name,
    title: `${VERB[action]} ${name}`,
    run: ({ signal }) =>
      honestly(
        deps,
        () => deps.orbctl[action](name, { signal }),
        (machines) => {
          const done = DONE_STATE[action];
          return done && find(machines, name)?.state === done
            ? { state: 'succeeded', outcome: `The cancel came too late: ${name} is ${done}.` }
            : null;
        },
      ),
  };
}

export function createJob(request: CreateRequest, deps: MachineJobDeps): JobSpec {
  const image = request.version ? `${request.distro}:${request.version}` : request.distro;
  return {
    kind: 'create',
    machine: request.name,
    title: `Create ${request.name} (${image})`,
    run: ({ signal }) =>
      honestly(
        deps,
        () => deps.orbctl.create(request, { signal }),
        (machines) =>
          find(machines, request.name)
            ? {
                state: 'succeeded',
                outcome: `The cancel came too late: ${request.name} was created anyway.`,
                leftover: { machine: request.name },
              }
            : null,
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
        deps,
        () => deps.orbctl.delete(name, { signal }),
        (machines) =>
          find(machines, name)
            ? null
            : { state: 'succeeded', outcome: `The cancel came too late: ${name} was deleted.` },
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
        deps,
        () => deps.orbctl.rename(name, newName, { signal }),
        (machines) =>
          find(machines, newName)
            ? { state: 'succeeded', outcome: `The cancel came too late: ${name} is now ${newName}.` }
            : null,
      ),
  };
}

export function setDefaultJob(name: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: 'set-default',
    machine: name,
    title: `Make ${name} the default machine`,
    cancellable: false,
    run: async ({ signal }) => {
      await deps.orbctl.setDefault(name, { signal });
      deps.machines.nudge();
    },
  };
}
