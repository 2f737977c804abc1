import { useEffect, useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import type { ExportBundle } from '../../../shared/ipc/types';
import { useToasts } from '../../state/toasts';
import { demoExportNote } from '../../model/demo-exports';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { useSubmit } from '../dialogs/use-submit';

/**
 * Several machines into one folder, one export job each, each under its usual file name with its checksum and
 * manifest, and `orbdeck-index.json` listing them (the folder a new Mac imports whole). The desktop app
 * asks for the folder in the native dialog (a write grant for it); a browser types the folder. With `offered`
 * (Export for a New Mac…), the person ticks which machines go.
 */
export function ExportManyDialog({ machines, offered }: { machines: string[]; offered?: string[] }) {
  const close = useUi((s) => s.close);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const demoNote = demoExportNote(useConnection((s) => s.info?.demoExportScale));
  const id = useId();
  const [folder, setFolder] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>(machines);
  const [refused, setRefused] = useState<ExportBundle['refused']>([]);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    void getApi()
      .invoke('machine:export-suggest', { name: machines[0]! })
      .then((s) => setFolder((f) => f || s.folder))
      .catch(() => {});
  }, [machines]);

  const exportTo = async (folderRef: string) => {
    const bundle = await getApi().invoke('machine:export-bundle', { names: [...chosen], folder: folderRef });
    const toasts = useToasts.getState();
    if (bundle.note) toasts.push({ kind: 'warning', text: bundle.note });
    if (bundle.jobs.length > 0 && offered)
      toasts.push({
        kind: 'info',
        text: `Exporting ${count(bundle.jobs.length)} to ${bundle.folder}. When they have finished, copy the folder to the other Mac and drop it on OrbDeck there.`,
      });
    setRefused(bundle.refused);
    if (bundle.refused.length === 0) close();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      if (electron) {
        const picked = await getApi().invoke('desktop:pick-export-folder', { names: [...chosen] });
        if (!picked.folder) return;
        setFolder(picked.folder.path);
        await exportTo(picked.folder.ref);
      } else {
        await exportTo(folder.trim().replace(/(.)\/+$/, '$1'));
      }
    });
  };

  const toggle = (name: string, on: boolean) =>
    setChosen((all) =>
      on ? (offered ?? machines).filter((m) => m === name || all.includes(m)) : all.filter((m) => m !== name),
    );
  const title = offered ? 'Export for a New Mac' : `Export ${machines.length} Machines`;
  const action = chosen.length === 1 ? 'Export 1 Machine' : `Export ${chosen.length} Machines`;
  return (
    <Dialog title={title} onClose={close}>
      <form onSubmit={onSubmit}>
        <p className="muted">
          Each machine is written to its own file in one folder, with its checksum and manifest, and an index
          (orbdeck-index.json) lists them all.
          {offered && ' Copy the folder to the other Mac and drop it on OrbDeck there: it imports them all.'}
        </p>
        {demoNote && <p className="muted">{demoNote}</p>}
        {offered ? (
          <ul className="check-list" aria-label="Machines to export">
            {offered.map((m) => (
              <li key={m}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(m)}
                    onChange={(e) => toggle(m, e.target.checked)}
                  />
                  {m}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="file-list" aria-label="Machines to export">
            {machines.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
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
              {refused.length === chosen.length
                ? 'No export was started:'
                : 'These exports were not started:'}
            </strong>
            <ul>
              {refused.map((r) => (
                <li key={r.name}>
                  {r.name}: {r.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label={electron ? 'Choose Folder…' : action}
          onCancel={close}
          disabled={busy || chosen.length === 0 || (!electron && !folder.trim())}
        />
      </form>
    </Dialog>
  );
}

const count = (n: number) => (n === 1 ? '1 machine' : `${n} machines`);
