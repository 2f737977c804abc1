import { AppError, ErrorCode } from '../../../shared/errors';
import type { Orbctl } from '../orbctl';
import type { MachineStore } from '../machines/machine-store';
import type { JobResult, JobSpec } from './job-manager';

export interface MachineJobDeps {
  orbctl: Orbctl;
  machines: MachineStore;
}

type PowerAction = 'start' | 'stop' | 'restart';

const VERB: Record<PowerAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };
/** The state that shows the action happened, to tell a real cancel from one that came too late. */
const DONE_STATE: Record<PowerAction, string | null> = { start: 'running', stop: 'stopped', restart: null };

/**
 * Start, stop or restart as a job. orbctl is only a client of OrbStack's daemon: killing it does not always
 * stop the work. So after a cancel the job re-reads the machine and reports what really happened.
 */
export function powerJob(action: PowerAction, name: string, deps: MachineJobDeps): JobSpec {
  return {
    kind: action,
    machine: name,
    title: `${VERB[action]} ${name}`,
    async run({ signal }): Promise<JobResult | void> {
      deps.machines.nudge();
      try {
        await deps.orbctl[action](name, { signal });
      } catch (error) {
        if (!(error instanceof AppError && error.code === ErrorCode.CANCELLED)) throw error;
        const after = (await deps.machines.refresh()).machines.find((m) => m.name === name);
        const done = DONE_STATE[action];
        if (done && after?.state === done) {
          return { state: 'succeeded', outcome: `The cancel came too late: ${name} is ${done}.` };
        }
        throw error;
      } finally {
        deps.machines.nudge();
      }
    },
  };
}
