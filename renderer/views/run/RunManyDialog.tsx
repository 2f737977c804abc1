import { useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { isFinished, type Job } from '../../../shared/jobs';
import { commandLineProblem, linuxPathProblem, runAsChoices } from '../../../shared/inside';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { CopyButton } from '../../components/CopyButton';
import { useJobs } from '../../state/jobs';
import { selectMachines, useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { RunCommandFields, type RunRequest } from './RunCommandFields';
import { RunOutputView, useRunOutput } from './RunOutputView';
import { useSubmit } from '../dialogs/use-submit';

/** How a machine's run stands, in a word or a sentence: waiting, running, or how it ended. */
function runStatus(job: Job | undefined): string {
  if (!job) return 'Starting…';
  if (job.state === 'queued') return `Waiting: ${job.waitingFor ?? 'another action on this machine'}`;
  if (!isFinished(job)) return 'Running…';
  if (job.state === 'cancelled') return job.outcome ?? 'Stopped.';
  return job.outcome ?? job.error?.message ?? 'Finished.';
}

/**
 * Run Command… on several selected machines. The same command line goes to each as its own job (each
 * machine runs it in its own shell, one at a time behind its other work); each row says how it stands and
 * ends, and the chosen row's output streams below. Stop stops every run still going.
 */
export function RunManyDialog({ machines }: { machines: string[] }) {
  const close = useUi((s) => s.close);
  const [request, setRequest] = useState<RunRequest>({ command: '', as: 'default', workdir: '' });
  const all = useMachines(selectMachines);
  const choices = runAsChoices(machines.map((n) => all.find((m) => m.name === n)?.defaultUser ?? null));
  const [jobIds, setJobIds] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<string>(machines[0]!);
  const jobs = useJobs((s) => s.jobs);
  const { busy, error, submit } = useSubmit();
  const ours = machines.map((m) => (jobIds[m] ? jobs[jobIds[m]!] : undefined));
  const started = Object.keys(jobIds).length > 0;
  const running = ours.some((j) => j !== undefined && !isFinished(j));
  const output = useRunOutput(jobIds[shown] ?? null);
  const workdir = request.workdir.trim();
  const problem = commandLineProblem(request.command) ?? (workdir ? linuxPathProblem(workdir) : null);

  const run = () =>
    void submit(async () => {
      const ids: Record<string, string> = {};
      for (const name of machines) {
        const job = await getApi().invoke('machine:run', {
          name,
          command: request.command,
          as: request.as,
          ...(workdir ? { workdir } : {}),
        });
        useJobs.getState().upsert(job);
        ids[name] = job.id;
      }
      setJobIds(ids);
    });
  const stop = () =>
    void submit(async () => {
      for (const job of ours)
        if (job && !isFinished(job)) await getApi().invoke('jobs:cancel', { id: job.id });
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && !running) run();
  };

  return (
    <Dialog title={`Run Command in ${machines.length} Machines`} onClose={close} className="dialog-wide">
      <form onSubmit={onSubmit}>
        <p className="muted">
          The command runs in each machine’s own shell (<code>sh -c</code>), not on this computer, one job per
          machine. orbctl starts a machine first if it is stopped.
        </p>
        <RunCommandFields
          value={request}
          onChange={(change) => setRequest({ ...request, ...change })}
          choices={choices}
        />
        {started && (
          <>
            <table className="run-many" aria-label="Runs">
              <tbody>
                {machines.map((name, i) => (
                  <tr key={name} aria-selected={name === shown} className={name === shown ? 'current' : ''}>
                    <th scope="row">
                      <button type="button" className="link" onClick={() => setShown(name)}>
                        {name}
                      </button>
                    </th>
                    <td className={`outcome-${ours[i]?.state ?? 'queued'}`}>{runStatus(ours[i])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted" role="status" aria-label="Shown output">
              Output of {shown}
            </p>
            <RunOutputView output={output} />
            <CopyButton text={output.text} label="Copy All" />
          </>
        )}
        {error && <ErrorDetails error={error} />}
        {running ? (
          <DialogButtons label="Stop All" cancelLabel="Close" onCancel={close} onConfirm={stop} destructive />
        ) : (
          <DialogButtons
            label={started ? 'Run Again' : `Run in ${machines.length} Machines`}
            cancelLabel={started ? 'Close' : 'Cancel'}
            onCancel={close}
            onConfirm={started ? run : undefined}
            disabled={!!problem || busy}
          />
        )}
      </form>
    </Dialog>
  );
}
