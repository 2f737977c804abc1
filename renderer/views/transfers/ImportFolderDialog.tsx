// Import Folder… in a browser, which cannot hand a folder to the host: the person types its path.
import { useId, useState, type FormEvent } from 'react';
import { openFolderImport } from '../../commands/file-import';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

/** Names a folder of exports (Export for a New Mac… wrote it); the Import dialog then lists what it holds. */
export function ImportFolderDialog() {
  const close = useUi((s) => s.close);
  const id = useId();
  const [path, setPath] = useState('');
  const { busy, error, submit } = useSubmit();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => openFolderImport(path.trim()));
  };

  return (
    <Dialog title="Import Folder" onClose={close}>
      <form onSubmit={onSubmit}>
        <p className="muted">
          A folder of machine exports, such as one written by Export for a New Mac…: every machine in it is
          imported, each as its own job.
        </p>
        <div className="field">
          <label htmlFor={`${id}-path`}>Folder</label>
          <input
            id={`${id}-path`}
            value={path}
            placeholder="/Users/you/OrbDeck Export"
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
            data-autofocus
          />
        </div>
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Show Machines" onCancel={close} disabled={busy || !path.trim()} />
      </form>
    </Dialog>
  );
}
