import { deleteMachine } from '../../commands/sandbox-commands';
import { useSandboxRecords } from '../../state/sandboxes';
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
  // The list the window follows (MachinesView); a dialog does not start following it.
  const sandbox = useSandboxRecords((s) => s.records.find((r) => r.name === machine));
  const { busy, error, submit } = useSubmit();
  const onDelete = () =>
    void submit(async () => {
      await deleteMachine(machine);
      close();
    });
  return (
    <Dialog title={`Delete “${machine}”?`} onClose={close} className="dialog-narrow">
      <p>
        The machine <strong>{machine}</strong> and every file in it will be deleted. This cannot be undone.
      </p>
      {state === 'running' && <p>It is running and will be stopped first.</p>}
      {sandbox?.golden && <p>It is a sandbox: its golden checkpoint is deleted with it.</p>}
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
