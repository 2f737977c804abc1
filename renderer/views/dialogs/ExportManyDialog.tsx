import { useEffect, useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import { useConnection } from '../../stores/connection';
import { useUi } from '../../stores/ui';
import { useSubmit } from './use-submit';

const stamp = (d = new Date()) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};

/**
 * Several machines into one folder, one export job each, each under its usual file name. The desktop app asks
 * for the folder in the native dialog (and gets one write grant per file); a browser types the folder.
 */
export function ExportManyDialog({ machines }: { machines: string[] }) {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const [folder, setFolder] = useState('');
  const [refused, setRefused] = useState<Array<{ name: string; error: AppErrorData }>>([]);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    void getApi()
      .invoke('machine:export-suggest', { name: machines[0]! })
      .then((s) => setFolder((f) => f || s.folder))
      .catch(() => {});
  }, [machines]);

  const exportAll = async (targets: Array<{ machine: string; path: string }>) => {
    const failures: typeof refused = [];
    for (const { machine, path } of targets) {
      await getApi()
        .invoke('machine:export', { name: machine, path })
        .catch((e: unknown) => failures.push({ name: machine, error: toErrorData(e) }));
    }
    setRefused(failures);
    if (failures.length === 0) {
      close();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      if (electron) {
        const picked = await getApi().invoke('desktop:pick-export-folder', { names: machines });
        if (!picked.folder) return;
        setFolder(picked.folder);
        await exportAll(picked.files.map((f) => ({ machine: f.machine, path: f.file.ref })));
      } else {
        const base = folder.trim().replace(/\/+$/, '');
        const when = stamp();
        await exportAll(machines.map((machine) => ({ machine, path: `${base}/${machine}-${when}.tar.zst` })));
      }
    });
  };

  return (
    <Dialog title={`Export ${machines.length} Machines`} onClose={close}>
      <form onSubmit={onSubmit}>
        <p className="muted">
          Each machine is written to its own file in one folder, one export at a time per disk.
        </p>
        <ul className="file-list" aria-label="Machines to export">
          {machines.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        {!electron && (
          <div className="field">
            <label htmlFor={`${id}-folder`}>Folder</label>
            <input
              id={`${id}-folder`}
              value={folder}
              spellCheck={false}
              placeholder="/Users/you/Exports"
              onChange={(e) => setFolder(e.target.value)}
              data-autofocus
            />
          </div>
        )}
        {refused.length > 0 && (
          <div className="banner banner-error" role="alert">
            <strong>
              {refused.length === machines.length
                ? 'No export was started:'
                : 'These exports were not started:'}
            </strong>
            <ul>
              {refused.map((r) => (
                <li key={r.name}>
                  {r.name}: {r.error.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label={electron ? 'Choose Folder…' : `Export ${machines.length} Machines`}
          onCancel={close}
          disabled={busy || (!electron && !folder.trim())}
        />
      </form>
    </Dialog>
  );
}
