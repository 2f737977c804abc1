import { useEffect, useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { AppError } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ReplaceFileBanner } from '../../components/ReplaceFileBanner';
import { ErrorDetails } from '../../components/ErrorDetails';
import { demoExportNote } from '../../model/demo-exports';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { useSubmit } from '../dialogs/use-submit';

/**
 * Where to export: the native save dialog in Electron, a path field in a browser, both starting from
 * `<machine>-YYYYMMDD-HHMMSS.tar.zst` in the last folder used. Replacing a file is asked first.
 */
export function ExportDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const demoNote = demoExportNote(useConnection((s) => s.info?.demoExportScale));
  const id = useId();
  const [path, setPath] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);
  // The field waits for the suggested path, so typing and the suggestion never mix.
  const [ready, setReady] = useState(false);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    let current = true;
    void getApi()
      .invoke('machine:export-suggest', { name: machine })
      .then((s) => current && setPath((p) => p || s.path))
      .catch(() => {})
      .finally(() => current && setReady(true));
    return () => {
      current = false;
    };
  }, [machine]);

  const start = (overwrite: boolean) =>
    submit(async () => {
      try {
        await getApi().invoke('machine:export', { name: machine, path: path.trim(), overwrite });
      } catch (e) {
        if (e instanceof AppError && e.code === 'ALREADY_EXISTS' && !overwrite) {
          setConfirmReplace(true);
          return;
        }
        throw e;
      }
      close();
    });

  // The desktop app writes only where the person chose in the native save dialog (which has already asked
  // about replacing a file); the core gets the dialog's grant, not a path from this page.
  const choose = async () => {
    const picked = await getApi().invoke('desktop:pick-export-path', { defaultPath: path });
    const file = picked.file;
    if (!file) return;
    setPath(file.path);
    await submit(async () => {
      await getApi().invoke('machine:export', { name: machine, path: file.ref, overwrite: true });
      close();
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (electron) void choose();
    else if (path.trim()) void start(false);
  };

  return (
    <Dialog title={`Export “${machine}”`} onClose={close}>
      <form onSubmit={onSubmit}>
        <p className="muted">
          Writes the whole machine to one file you can import later or elsewhere. It can keep running.
        </p>
        {demoNote && <p className="muted">{demoNote}</p>}
        <div className="field">
          <label htmlFor={`${id}-path`}>Save as</label>
          <div className="row">
            <input
              id={`${id}-path`}
              value={path}
              readOnly={!ready || electron}
              placeholder={ready ? '/Users/you/Downloads/machine.tar.zst' : 'Finding a place…'}
              spellCheck={false}
              onChange={(e) => {
                setPath(e.target.value);
                setConfirmReplace(false);
              }}
              data-autofocus
            />
          </div>
        </div>
        {confirmReplace && (
          <ReplaceFileBanner
            kept="The old file is kept until the export has finished."
            busy={busy}
            onKeep={() => setConfirmReplace(false)}
            onReplace={() => void start(true)}
          />
        )}
        {error && <ErrorDetails error={error} />}
        {!confirmReplace && (
          <DialogButtons
            label={electron ? 'Choose Where…' : 'Export'}
            onCancel={close}
            disabled={!path.trim() || busy}
          />
        )}
      </form>
    </Dialog>
  );
}
