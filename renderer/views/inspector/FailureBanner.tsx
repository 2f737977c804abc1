import { useMemo, useState } from 'react';
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
  delete: 'delete',
  rename: 'rename',
  clone: 'clone',
};

/** Kinds whose failure the machine's own console log explains: it did not come up. */
const BOOTS: ReadonlySet<Job['kind']> = new Set(['create', 'start', 'restart']);

/**
 * A failed lifecycle action on this machine (renderer/lib/row-marks.ts decides which): what failed and why,
 * and what to do next. Show Logs opens the machine's console log where the machine did not come up; for any
 * other job, Show Output shows what that job's orbctl said. Try Again and Dismiss.
 */
export function FailureBanner({ machine, onShowLogs }: { machine: string; onShowLogs(): void }) {
  const jobs = useJobs((s) => s.jobs);
  const dismissed = useUi((s) => s.dismissedFailures);
  const [outputShown, setOutputShown] = useState<string | null>(null);
  const failed = useMemo(
    () => failureMarks(Object.values(jobs), dismissed).get(machine),
    [jobs, dismissed, machine],
  );
  if (!failed) return null;
  const retry = RETRY[failed.kind];
  const boots = BOOTS.has(failed.kind);
  return (
    <div className="banner banner-error failure-banner" role="alert" aria-label={`${failed.title} failed`}>
      <strong>{failed.title} failed.</strong>
      {failed.error && <ErrorDetails key={failed.id} error={failed.error} open={outputShown === failed.id} />}
      <div className="banner-actions">
        {boots ? (
          <button type="button" onClick={onShowLogs}>
            Show Logs
          </button>
        ) : (
          failed.error?.detail && (
            <button type="button" onClick={() => setOutputShown(failed.id)}>
              Show Output
            </button>
          )
        )}
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
