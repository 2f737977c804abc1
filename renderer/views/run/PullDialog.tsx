import { useEffect, useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { AppError } from '../../../shared/errors';
import { linuxPathProblem } from '../../../shared/inside';
import { isFinished } from '../../../shared/jobs';
import { absolutePathProblem } from '../../../shared/paths';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ReplaceFileBanner } from '../../components/ReplaceFileBanner';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../model/format';
import { useConnection } from '../../state/connection';
import { useJobs } from '../../state/jobs';
import { useUi } from '../../state/ui';
import { useSubmit } from '../dialogs/use-submit';

/**
 * Copy File from Machine…: a path in the machine (relative to the default user's home, or absolute)
 * copied to a place on this computer: chosen in the native save dialog in Electron, typed in a browser (as an
 * export's target is), starting from ~/Downloads. The copy is a job; the dialog follows it and says plainly
 * when the path is not there.
 */
export function PullDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const [source, setSource] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  // What the core said stands at the target (the file, its size and date), asked about before replacing.
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobs((s) => (jobId ? s.jobs[jobId] : undefined));
  const { busy, error, submit } = useSubmit();
  const sourceProblem = source.trim() ? linuxPathProblem(source.trim()) : 'Give a path in the machine.';

  // The suggested place follows the source's name until the person types a place of their own.
  useEffect(() => {
    if (pathEdited || !source.trim() || linuxPathProblem(source.trim())) return;
    let current = true;
    const timer = setTimeout(() => {
      void getApi()
        .invoke('machine:pull-suggest', { name: machine, source: source.trim() })
        .then((s) => current && setPath(s.path))
        .catch(() => {});
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [machine, source, pathEdited]);

  const start = (target: string, overwrite: boolean) =>
    submit(async () => {
      try {
        const started = await getApi().invoke('machine:pull', {
          name: machine,
          source: source.trim(),
          path: target,
          ...(overwrite ? { overwrite: true } : {}),
        });
        useJobs.getState().upsert(started);
        setJobId(started.id);
        setConfirmReplace(null);
      } catch (e) {
        if (e instanceof AppError && e.code === 'ALREADY_EXISTS' && !overwrite) {
          setConfirmReplace(e.message);
          return;
        }
        throw e;
      }
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sourceProblem) return;
    if (!electron) {
      if (!absolutePathProblem(path.trim())) void start(path.trim(), false);
      return;
    }
    // The desktop app writes only where the person chose in the save dialog (which asks about replacing).
    void (async () => {
      const picked = await getApi().invoke('desktop:pick-save-path', { defaultPath: path, purpose: 'pull' });
      if (!picked.file) return;
      setPath(picked.file.path);
      await start(picked.file.ref, true);
    })();
  };

  const done = job && isFinished(job);
  const status = !job
    ? null
    : job.state === 'queued'
      ? `Waiting: ${job.waitingFor ?? 'another action on this machine'}`
      : job.state === 'running'
        ? `Copying… ${job.progress?.bytesDone ? formatBytes(job.progress.bytesDone) : ''}`
        : job.state === 'succeeded'
          ? `Copied to ${job.path ?? path}${job.bytes ? ` (${formatBytes(job.bytes)})` : ''}.`
          : job.state === 'cancelled'
            ? (job.outcome ?? 'Cancelled.')
            : null;

  return (
    <Dialog title={`Copy File from “${machine}”`} onClose={close}>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-source`}>Path in {machine}</label>
          <input
            id={`${id}-source`}
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              setJobId(null);
            }}
            placeholder="notes.txt, projects/app/log, /etc/hosts"
            spellCheck={false}
            data-autofocus
          />
          <p className="muted">
            Relative to the default user’s home folder, or absolute. A folder is copied whole.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-path`}>Save as</label>
          <input
            id={`${id}-path`}
            value={path}
            readOnly={electron}
            onChange={(e) => {
              setPath(e.target.value);
              setPathEdited(true);
              setConfirmReplace(null);
            }}
            placeholder="/Users/you/Downloads/notes.txt"
            spellCheck={false}
          />
        </div>
        {status && <p role="status">{status}</p>}
        {job?.state === 'failed' && job.error && (
          <div role="alert">
            <ErrorDetails error={job.error} />
          </div>
        )}
        {confirmReplace !== null && (
          <ReplaceFileBanner
            existing={confirmReplace}
            kept="It is kept until the copy is complete."
            busy={busy}
            onKeep={() => setConfirmReplace(null)}
            onReplace={() => void start(path.trim(), true)}
          />
        )}
        {error && <ErrorDetails error={error} />}
        {confirmReplace === null && (
          <DialogButtons
            label={electron ? 'Choose Where…' : 'Copy'}
            cancelLabel={job ? 'Close' : 'Cancel'}
            onCancel={close}
            disabled={!!sourceProblem || busy || (job !== undefined && !done) || (!electron && !path.trim())}
          />
        )}
      </form>
    </Dialog>
  );
}
