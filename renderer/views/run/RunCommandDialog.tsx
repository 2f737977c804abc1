import { useEffect, useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { isFinished } from '../../../shared/jobs';
import {
  commandLineProblem,
  linuxPathProblem,
  runAsChoices,
  runEndWords,
  type RunAs,
  type RunRecord,
} from '../../../shared/inside';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { CopyButton } from '../../components/CopyButton';
import { useJobs } from '../../state/jobs';
import { useMachines, selectMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { RunCommandFields } from './RunCommandFields';
import { RunOutputView, useRunOutput } from './RunOutputView';
import { useSubmit } from '../dialogs/use-submit';

/**
 * Run a command line in a machine (as a job: it keeps running if the dialog closes, and shows in
 * Activity). The output streams in, stdout and stderr apart; then the exit code and how long it took, as the
 * timing wrapper measured it. Stop cancels the job; Run Again repeats the last command. The machine's last
 * commands are one click away.
 */
export function RunCommandDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const id = useId();
  const user = useMachines(selectMachines).find((m) => m.name === machine)?.defaultUser ?? null;
  const [command, setCommand] = useState('');
  const [as, setAs] = useState<RunAs>('default');
  const [workdir, setWorkdir] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [history, setHistory] = useState<RunRecord[]>([]);
  const job = useJobs((s) => (jobId ? s.jobs[jobId] : undefined));
  const output = useRunOutput(jobId);
  const { busy, error, submit } = useSubmit();
  const running = job !== undefined && !isFinished(job);

  // Read again whenever a run ends, so the command just run is listed.
  const ended = job && isFinished(job) ? job.id : null;
  useEffect(() => {
    let current = true;
    void getApi()
      .invoke('run:history', { name: machine })
      .then((h) => current && setHistory(h))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [machine, ended]);

  const problem = commandLineProblem(command) ?? (workdir.trim() ? linuxPathProblem(workdir.trim()) : null);

  const run = (line: string, runAs: RunAs, folder: string) =>
    void submit(async () => {
      const started = await getApi().invoke('machine:run', {
        name: machine,
        command: line,
        as: runAs,
        ...(folder.trim() ? { workdir: folder.trim() } : {}),
      });
      useJobs.getState().upsert(started);
      setJobId(started.id);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && !running) run(command, as, workdir);
  };

  const stop = () => {
    if (jobId) void submit(async () => void (await getApi().invoke('jobs:cancel', { id: jobId })));
  };

  const pick = (record: RunRecord) => {
    setCommand(record.command);
    setAs(record.as);
    setWorkdir(record.workdir ?? '');
  };

  const status = !job
    ? null
    : job.state === 'queued'
      ? `Waiting: ${job.waitingFor ?? 'another action on this machine'}`
      : running
        ? 'Running…'
        : output.end
          ? `The command ${runEndWords(output.end)}.`
          : job.state === 'cancelled'
            ? 'Cancelled.'
            : (job.error?.message ?? 'Finished.');

  return (
    <Dialog title={`Run Command in “${machine}”`} onClose={close} className="dialog-wide">
      <form onSubmit={onSubmit}>
        <p className="muted">
          The command runs in {machine}’s shell (<code>sh -c</code>), not on this computer. orbctl starts the
          machine first if it is stopped.
        </p>
        <RunCommandFields
          value={{ command, as, workdir }}
          onChange={(change) => {
            if (change.command !== undefined) setCommand(change.command);
            if (change.as !== undefined) setAs(change.as);
            if (change.workdir !== undefined) setWorkdir(change.workdir);
          }}
          choices={runAsChoices([user])}
        />
        {history.length > 0 && (
          <div className="field">
            <span id={`${id}-recent`}>Recent commands</span>
            <ul className="file-list run-history" aria-labelledby={`${id}-recent`}>
              {history.map((h) => (
                <li key={h.jobId}>
                  <button type="button" className="link" onClick={() => pick(h)}>
                    {h.command}
                  </button>{' '}
                  <span className="muted">
                    {h.as === 'root' ? 'as root · ' : ''}
                    {h.exitCode === null ? 'stopped' : `exit ${h.exitCode}`}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {job && (
          <>
            <p role="status" aria-label="Command status">
              {status}
            </p>
            <RunOutputView output={output} />
            <div className="row">
              <CopyButton text={output.text} label="Copy All" />
              <button type="button" onClick={() => saveText(`${machine}-output.txt`, output.text)}>
                Save to File…
              </button>
            </div>
          </>
        )}
        {error && <ErrorDetails error={error} />}
        {running ? (
          <DialogButtons label="Stop" cancelLabel="Close" onCancel={close} onConfirm={stop} destructive />
        ) : job ? (
          <DialogButtons
            label="Run Again"
            cancelLabel="Close"
            onCancel={close}
            onConfirm={() => run(command, as, workdir)}
            disabled={!!problem || busy}
          />
        ) : (
          <DialogButtons label="Run" onCancel={close} disabled={!!problem || busy} />
        )}
      </form>
    </Dialog>
  );
}

/** Save to File: a download of the kept output, as the Activity history's export does. */
function saveText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
