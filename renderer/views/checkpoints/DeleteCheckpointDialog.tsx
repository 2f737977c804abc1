// Deleting a checkpoint, after a confirmation that names it.
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useCheckpointRecords } from '../../state/checkpoints';
import { useSubmit } from '../../hooks/use-submit';

export function DeleteCheckpointDialog({ checkpoint, onClose }: { checkpoint: string; onClose(): void }) {
  const label = useCheckpointRecords((s) => s.records.find((r) => r.name === checkpoint)?.label);
  const { busy, error, submit } = useSubmit();
  const onDelete = () =>
    void submit(async () => {
      await ask('checkpoint:delete', { checkpoint });
      onClose();
    });
  const what = label ? `“${label}”` : checkpoint;
  return (
    <Dialog title={`Delete Checkpoint ${what}?`} onClose={onClose} className="dialog-narrow">
      <p>
        The checkpoint <strong>{what}</strong> (the machine <code>{checkpoint}</code>) will be deleted. You
        can no longer go back to it. This cannot be undone.
      </p>
      {error && <ErrorDetails error={error} />}
      <DialogButtons
        label="Delete Checkpoint"
        onCancel={onClose}
        onConfirm={onDelete}
        disabled={busy}
        destructive
        focusCancel
      />
    </Dialog>
  );
}
