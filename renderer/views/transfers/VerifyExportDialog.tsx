// "Verify Export…": pick or drop an export file and check it against the checksum beside it.
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { toErrorData } from '../../../shared/errors';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { resolveWithProgress } from '../../commands/file-import';
import { useExportCheck } from '../../hooks/use-export-check';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { ChecksumStatus } from './ChecksumStatus';

interface Chosen {
  ref: string;
  path: string;
  uploaded: boolean;
}

export function VerifyExportDialog() {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const state = useExportCheck(chosen?.ref ?? null);

  const forget = () => {
    if (chosen?.uploaded) void ask('upload:discard', { path: chosen.path }).catch(() => {});
  };
  const choose = (next: Chosen) => {
    forget();
    setProblem(null);
    setChosen(next);
  };
  const pick = async () => {
    const picked = await ask('desktop:pick-files', { purpose: 'import' });
    const file = picked.files[0];
    if (file) choose({ ...file, uploaded: false });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    resolveWithProgress(file).then(
      (resolved) => choose(resolved),
      (error: unknown) => setProblem(toErrorData(error).message),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (electron) void pick();
    else if (typed.trim()) choose({ ref: typed.trim(), path: typed.trim(), uploaded: false });
  };
  const done = () => {
    forget();
    close();
  };

  return (
    <Dialog title="Verify Export" onClose={done}>
      <form onSubmit={onSubmit}>
        <div
          className="drop-zone"
          aria-label="Drop an export file here"
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
        >
          <p className="muted">
            Checks an export file against the checksum OrbDeck wrote beside it (<code>.sha256</code>), reading
            the whole file. Choose a file or drop it here.
          </p>
          {!electron && (
            <div className="field">
              <label htmlFor={`${id}-path`}>Export file</label>
              <input
                id={`${id}-path`}
                value={typed}
                placeholder="/Users/you/Downloads/machine.tar.zst"
                spellCheck={false}
                onChange={(e) => setTyped(e.target.value)}
                data-autofocus
              />
            </div>
          )}
        </div>
        {chosen && <p className="verify-file">{chosen.path.split('/').pop()}</p>}
        <ChecksumStatus state={state} />
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        <DialogButtons
          label={electron ? 'Choose File…' : 'Verify'}
          cancelLabel="Done"
          onCancel={done}
          disabled={!electron && !typed.trim()}
        />
      </form>
    </Dialog>
  );
}
