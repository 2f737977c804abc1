import { useId, useRef, useState, type FormEvent } from 'react';
import { ask } from '../../commands/core';
import type { AppErrorData } from '../../../shared/errors';
import { pushFiles } from '../../commands/push-files';
import { linuxPathProblem } from '../../../shared/inside';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { SecretFilesBanner } from '../../components/SecretFilesBanner';
import { resolveWithProgress } from '../../commands/file-import';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

interface Picked {
  /** What to show. */
  label: string;
  /** A grant from the native dialog (Electron), or the browser's File, uploaded on Copy. */
  ref?: string;
  file?: File;
}

/**
 * Copy File to Machine…: files chosen with a picker (the native open dialog in Electron, the
 * browser's file input elsewhere) into a folder of the machine, by the same push job a drop starts. A file that
 * holds secrets is copied only after a second, explicit yes, as for a drop.
 */
export function PushToDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dest, setDest] = useState('');
  const [secrets, setSecrets] = useState<AppErrorData | null>(null);
  const { busy, error, submit } = useSubmit();
  const folderProblem = dest.trim() ? linuxPathProblem(dest.trim()) : null;

  const choose = async () => {
    if (!electron) return input.current?.click();
    const { files } = await ask('desktop:pick-files', { purpose: 'push' });
    if (files.length > 0) setPicked(files.map((f) => ({ label: f.path, ref: f.ref })));
  };

  const copy = (confirmSensitive: boolean) =>
    void submit(async () => {
      const refs: string[] = [];
      for (const p of picked) refs.push(p.ref ?? (await resolveWithProgress(p.file!)).ref);
      const folder = dest.trim();
      const question = await pushFiles({
        name: machine,
        paths: refs,
        // A trailing slash: into that folder (made if missing), never onto a file of that name.
        ...(folder ? { dest: folder.endsWith('/') ? folder : `${folder}/` } : {}),
        ...(confirmSensitive ? { confirmSensitive: true } : {}),
      });
      if (question) return setSecrets(question);
      close();
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length > 0 && !folderProblem) copy(secrets !== null);
  };

  return (
    <Dialog title={`Copy Files to “${machine}”`} onClose={close}>
      <form onSubmit={onSubmit}>
        <div className="field">
          <span id={`${id}-files`} className="field-label">
            Files
          </span>
          <div className="row">
            <button type="button" onClick={() => void choose().catch(() => {})} data-autofocus>
              Choose Files…
            </button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              aria-label="Files to copy"
              onChange={(e) =>
                setPicked([...(e.target.files ?? [])].map((file) => ({ label: file.name, file })))
              }
            />
          </div>
          <ul className="file-list" aria-labelledby={`${id}-files`}>
            {picked.length === 0 ? <li className="muted">No files chosen</li> : null}
            {picked.map((p) => (
              <li key={p.label}>{p.label}</li>
            ))}
          </ul>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dest`}>Into folder</label>
          <input
            id={`${id}-dest`}
            value={dest}
            onChange={(e) => setDest(e.target.value)}
            placeholder="the home folder (or e.g. projects/app, /tmp)"
            spellCheck={false}
          />
          {folderProblem && <p className="field-error">{folderProblem}</p>}
          <p className="muted">
            Relative to the default user’s home in {machine}. Files there with the same names are replaced.
          </p>
        </div>
        {secrets && <SecretFilesBanner question={secrets} />}
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label={secrets ? 'Copy Anyway' : 'Copy'}
          onCancel={close}
          disabled={picked.length === 0 || !!folderProblem || busy}
          destructive={secrets !== null}
        />
      </form>
    </Dialog>
  );
}
