import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { useSubmit } from './use-submit';

/** Deleting loses the machine's files for good: the dialog names it, and Cancel is the default button. */
export function DeleteDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const state = useMachines((s) => s.snapshot?.machines.find((m) => m.name === machine)?.state);
  const { busy, error, submit } = useSubmit();
  const onDelete = () =>
    void submit(async () => {
      await getApi().invoke('machine:delete', { name: machine });
      close();
    });
  return (
    <Dialog title={`Delete “${machine}”?`} onClose={close} className="dialog-narrow">
      <p>
        The machine <strong>{machine}</strong> and every file in it will be deleted. This cannot be undone.
      </p>
      {state === 'running' && <p>It is running and will be stopped first.</p>}
      <p className="muted">To keep a copy, export it to a file first.</p>
      {error && <ErrorDetails error={error} />}
      <DialogButtons
        label={`Delete ${machine}`}
        onCancel={close}
        onConfirm={onDelete}
        disabled={busy}
        destructive
        focusCancel
      />
    </Dialog>
  );
}
