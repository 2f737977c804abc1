import { useEffect, useRef, useState } from 'react';
import { getApi } from '../../api/api';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { Preset } from '../../../shared/presets';
import { Dialog } from '../../components/Dialog';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';

/** The presets, kept up to date from the core (`presets:changed`). */
export function usePresets(): Preset[] {
  const [presets, setPresets] = useState<Preset[]>([]);
  useEffect(() => {
    const api = getApi();
    const off = api.on('presets:changed', setPresets);
    void api
      .invoke('presets:list', {})
      .then(setPresets)
      .catch(() => {});
    return off;
  }, []);
  return presets;
}

function summary(p: Preset): string {
  const parts = [p.version ? `${p.distro} ${p.version}` : p.distro];
  if (p.arch) parts.push(p.arch);
  if (p.user) parts.push(`user ${p.user}`);
  if (p.cloudInit !== undefined) parts.push('cloud-init');
  if (p.isolated) parts.push('isolated');
  if (p.cpus !== undefined) parts.push(`${p.cpus} CPUs`);
  if (p.memory) parts.push(`${p.memory} memory`);
  if (p.disk) parts.push(`${p.disk} disk`);
  return parts.join(' · ');
}

/**
 * Presets: create a machine from one in one click, edit (in the New Machine form), duplicate, delete
 * (after asking), and share them as a JSON file. A file with bad fields is refused whole, each problem listed.
 */
export function PresetsDialog() {
  const close = useUi((s) => s.close);
  const presets = usePresets();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Preset | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const create = (p: Preset) =>
    act(async () => {
      const job = await getApi().invoke('machine:create-from-preset', { id: p.id });
      useMachines.getState().select(job.machine);
      close();
    });

  const exportAll = () =>
    act(async () => {
      const { fileName, text } = await getApi().invoke('presets:export', {});
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });

  const importFile = (chosen: File | undefined) =>
    act(async () => {
      if (!chosen) return;
      const { added, replaced } = await getApi().invoke('presets:import', { text: await chosen.text() });
      setNote(
        `Imported ${added} new preset${added === 1 ? '' : 's'}${replaced ? `, replaced ${replaced}` : ''}.`,
      );
    });

  return (
    <Dialog title="Presets" onClose={close} className="dialog-wide">
      {presets.length === 0 ? (
        <p className="muted">
          No presets yet. Fill in New Machine and choose Save as Preset, or import a presets file.
        </p>
      ) : (
        <ul className="preset-list" aria-label="Presets">
          {presets.map((p) => (
            <li key={p.id} aria-label={p.name}>
              <div>
                <strong>{p.name}</strong>
                <div className="muted">{summary(p)}</div>
              </div>
              <div className="row">
                <button type="button" className="primary" onClick={() => void create(p)}>
                  Create
                </button>
                <button
                  type="button"
                  onClick={() => useUi.getState().open({ kind: 'preset-edit', preset: p })}
                >
                  Edit…
                </button>
                <button
                  type="button"
                  onClick={() => void act(() => getApi().invoke('presets:duplicate', { id: p.id }))}
                >
                  Duplicate
                </button>
                <button type="button" className="danger" onClick={() => setDeleting(p)}>
                  Delete…
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <div className="banner banner-warning" role="alert">
          <p>Delete the preset “{deleting.name}”? Machines made from it are not affected.</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setDeleting(null)} data-autofocus>
              Keep It
            </button>
            <button
              type="button"
              className="danger-fill"
              onClick={() =>
                void act(async () => {
                  await getApi().invoke('presets:delete', { id: deleting.id });
                  setDeleting(null);
                })
              }
            >
              Delete Preset
            </button>
          </div>
        </div>
      )}
      {note && <p role="status">{note}</p>}
      {error && (
        <div role="alert">
          <ErrorDetails error={error} />
          {error.detail?.notes && error.detail.notes.length > 0 && (
            <ul className="file-list" aria-label="Problems">
              {error.detail.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Presets file to import"
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className="dialog-buttons">
        <button type="button" onClick={() => file.current?.click()}>
          Import…
        </button>
        <button type="button" onClick={() => void exportAll()} disabled={presets.length === 0}>
          Export…
        </button>
        <button type="button" onClick={() => useUi.getState().open({ kind: 'create' })}>
          New Machine…
        </button>
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
