import { useState } from 'react';
import type { AppErrorData } from '../../../shared/errors';
import { pushFiles } from '../../commands/push-files';
import type { ResolvedFile } from '../../commands/file-import';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { SecretFilesBanner } from '../../components/SecretFilesBanner';
import { formatBytes } from '../../model/format';
import { resolveWithProgress } from '../../commands/file-import';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

/**
 * Files dropped on a machine's row: copy them into its home folder (`orbctl push`) after asking. A file that
 * holds secrets (an SSH key, credentials, /etc) is copied only after a second, explicit yes.
 */
export function PushDialog({ machine, files }: { machine: string; files: File[] }) {
  const close = useUi((s) => s.close);
  const { busy, error, submit } = useSubmit();
  const [resolved, setResolved] = useState<ResolvedFile[] | null>(null);
  const [secrets, setSecrets] = useState<AppErrorData | null>(null);

  const copy = (confirmSensitive: boolean) =>
    void submit(async () => {
      let sources = resolved;
      if (!sources) {
        sources = [];
        for (const file of files) sources.push(await resolveWithProgress(file));
        setResolved(sources);
      }
      const question = await pushFiles({
        name: machine,
        paths: sources.map((r) => r.ref),
        ...(confirmSensitive ? { confirmSensitive: true } : {}),
      });
      if (question) return setSecrets(question);
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
      {secrets && <SecretFilesBanner question={secrets} />}
      {error && <ErrorDetails error={error} />}
      <DialogButtons
        label={secrets ? 'Copy Anyway' : 'Copy'}
        onCancel={close}
        onConfirm={() => copy(secrets !== null)}
        disabled={busy}
        destructive={secrets !== null}
        focusCancel
      />
    </Dialog>
  );
}
