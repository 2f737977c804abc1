import { useEffect, useRef, useState } from 'react';
import { getApi } from '../../api/api';
import { AppError, toErrorData, type AppErrorData } from '../../../shared/errors';
import { MAX_PRESETS_FILE_BYTES, sizeWords } from '../../../shared/ipc/limits';
import type { Preset, PresetPreview } from '../../../shared/presets';
import { Dialog } from '../../components/Dialog';
import { ErrorDetails } from '../../components/ErrorDetails';
import { presetSummary } from '../../model/preset-summary';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { PresetImportReview } from './PresetImportReview';

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

/**
 * Presets: create a machine from one in one click, edit (in the New Machine form), duplicate, delete
 * (after asking), and share them as a JSON file. An imported file is shown first, its cloud-init in full; a file
 * with bad fields is refused whole, each problem listed.
 */
export function PresetsDialog() {
  const close = useUi((s) => s.close);
  const presets = usePresets();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Preset | null>(null);
  const [reviewing, setReviewing] = useState<{
    fileName: string;
    text: string;
    presets: PresetPreview[];
  } | null>(null);
  const [busy, setBusy] = useState(false);

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

  // A file is shown (presets:preview) before anything is saved; Import saves what was shown.
  const importFile = (chosen: File | undefined) =>
    act(async () => {
      setReviewing(null);
      if (!chosen) return;
      if (chosen.size > MAX_PRESETS_FILE_BYTES) {
        throw new AppError(
          'INVALID_INPUT',
          `Nothing was imported: “${chosen.name}” is ${sizeWords(chosen.size)}, and a presets file is at most ${sizeWords(MAX_PRESETS_FILE_BYTES)}.`,
        );
      }
      const text = await chosen.text();
      const { presets: found } = await getApi().invoke('presets:preview', { text });
      setReviewing({ fileName: chosen.name, text, presets: found });
    });

  const confirmImport = (text: string) =>
    act(async () => {
      setBusy(true);
      try {
        const { added, replaced } = await getApi().invoke('presets:import', { text });
        setReviewing(null);
        setNote(
          `Imported ${added} new preset${added === 1 ? '' : 's'}${replaced ? `, replaced ${replaced}` : ''}.`,
        );
      } finally {
        setBusy(false);
      }
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
                <div className="muted">{presetSummary(p)}</div>
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
      {reviewing && (
        <PresetImportReview
          fileName={reviewing.fileName}
          presets={reviewing.presets}
          busy={busy}
          onImport={() => void confirmImport(reviewing.text)}
          onCancel={() => setReviewing(null)}
        />
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
