import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../lib/format';
import { resolveWithProgress } from '../../lib/file-import';
import { useUi } from '../../stores/ui';
import { useSubmit } from './use-submit';

/** Files dropped on a machine's row: copy them into its home folder (`orbctl push`) after asking. */
export function PushDialog({ machine, files }: { machine: string; files: File[] }) {
  const close = useUi((s) => s.close);
  const { busy, error, submit } = useSubmit();
  const onCopy = () =>
    void submit(async () => {
      const resolved = [];
      for (const file of files) resolved.push(await resolveWithProgress(file));
      await getApi().invoke('machine:push', { name: machine, paths: resolved.map((r) => r.path) });
      useUi.getState().setActivityOpen(true);
      close();
    });
  const what = files.length === 1 ? files[0]!.name : `${files.length} files`;
  return (
    <Dialog title={`Copy ${what} to “${machine}”?`} onClose={close} className="dialog-narrow">
      <p>
        {files.length === 1 ? 'The file' : 'The files'} will be copied into the home folder of the default
        user of <strong>{machine}</strong>. Files there with the same names are replaced.
      </p>
      <ul className="file-list">
        {files.map((f) => (
          <li key={f.name}>
            {f.name} <span className="muted">({formatBytes(f.size)})</span>
          </li>
        ))}
      </ul>
      {error && <ErrorDetails error={error} />}
      <div className="dialog-buttons">
        <button type="button" onClick={close} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onCopy} disabled={busy}>
          Copy
        </button>
      </div>
    </Dialog>
  );
}
