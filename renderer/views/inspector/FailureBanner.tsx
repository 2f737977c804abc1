import { useMemo } from 'react';
import { runOnMachine } from '../../commands/machine-commands';
import { ErrorDetails } from '../../components/ErrorDetails';
import { failureMarks } from '../../model/row-marks';
import { useJobs } from '../../state/jobs';
import { useUi } from '../../state/ui';
import type { MachineAction } from '../../../shared/machine-actions';
import type { Job } from '../../../shared/jobs';

/** Job kinds that can simply be tried again on the same machine (the others ask again through their dialog). */
const RETRY: Partial<Record<Job['kind'], MachineAction>> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  'set-default': 'set-default',
  delete: 'delete',
  rename: 'rename',
  clone: 'clone',
  export: 'export',
};

/** A failed action on this machine: what failed and why, and what to do next (Show Logs, Try Again, Dismiss). */
export function FailureBanner({ machine, onShowLogs }: { machine: string; onShowLogs(): void }) {
  const jobs = useJobs((s) => s.jobs);
  const dismissed = useUi((s) => s.dismissedFailures);
  const failed = useMemo(
    () => failureMarks(Object.values(jobs), dismissed).get(machine),
    [jobs, dismissed, machine],
  );
  if (!failed) return null;
  const retry = RETRY[failed.kind];
  return (
    <div className="banner banner-error failure-banner" role="alert" aria-label={`${failed.title} failed`}>
      <strong>{failed.title} failed.</strong>
      {failed.error && <ErrorDetails error={failed.error} />}
      <div className="banner-actions">
        <button type="button" onClick={onShowLogs}>
          Show Logs
        </button>
        {retry && (
          <button type="button" onClick={() => runOnMachine(retry, machine)}>
            Try Again
          </button>
        )}
        <button type="button" onClick={() => useUi.getState().dismissFailure(failed.id)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
