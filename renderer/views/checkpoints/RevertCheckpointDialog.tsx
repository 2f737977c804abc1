// "Revert to Checkpoint…": one confirmation that says every step before anything happens.
import { useState } from 'react';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../model/format';
import { useCheckpointGroups } from '../../state/checkpoints';
import { useSubmit } from '../../hooks/use-submit';
import { CheckpointPicker } from './CheckpointPicker';

interface Props {
  machine: string;
  /** The checkpoint to revert to; without it the person picks one. */
  checkpoint?: string;
  onClose(): void;
}

export function RevertCheckpointDialog({ machine, checkpoint, onClose }: Props) {
  const groups = useCheckpointGroups();
  const list = groups.byMachine.get(machine) ?? [];
  const [chosen, setChosen] = useState(checkpoint ?? list[0]?.name ?? '');
  const cp = list.find((c) => c.name === chosen);
  const running = groups.machines.find((m) => m.name === machine)?.state === 'running';
  const { busy, error, submit } = useSubmit();
  const onRevert = () =>
    void submit(async () => {
      await ask('checkpoint:revert', { checkpoint: chosen });
      onClose();
    });
  return (
    <Dialog title={`Revert “${machine}” to a Checkpoint?`} onClose={onClose}>
      {list.length === 0 ? (
        <p>{machine} has no checkpoints yet. Save one first.</p>
      ) : (
        <>
          {!checkpoint && <CheckpointPicker checkpoints={list} value={chosen} onChange={setChosen} />}
          {cp && (
            <>
              <p>
                {machine} goes back to <strong>“{cp.label}”</strong> (
                {new Date(cp.createdAt).toLocaleString()}
                {cp.size ? `, ${formatBytes(cp.size)}` : ''}). OrbDeck will:
              </p>
              <ol className="revert-steps">
                {running && <li>stop {machine},</li>}
                <li>keep its current state as a new checkpoint (nothing is deleted),</li>
                <li>make {machine} a copy of the checkpoint,</li>
                {running && <li>start {machine} again.</li>}
              </ol>
              <p className="muted">Only the disk comes back: programs running now are not kept.</p>
            </>
          )}
        </>
      )}
      {error && <ErrorDetails error={error} />}
      <DialogButtons
        label="Revert"
        onCancel={onClose}
        onConfirm={onRevert}
        disabled={busy || !cp}
        destructive
        focusCancel
      />
    </Dialog>
  );
}
