// "Save Checkpoint…": a label (default: the date and time), and what a checkpoint is, honestly.
import { useState, type FormEvent } from 'react';
import { defaultCheckpointLabel } from '../../../shared/checkpoint-names';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useSubmit } from '../../hooks/use-submit';

export function SaveCheckpointDialog({ machine, onClose }: { machine: string; onClose(): void }) {
  const [label, setLabel] = useState(() => defaultCheckpointLabel(new Date()));
  const { busy, error, submit } = useSubmit();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await ask('checkpoint:save', { name: machine, label: label.trim() });
      onClose();
    });
  };
  return (
    <Dialog title={`Save Checkpoint of “${machine}”`} onClose={onClose}>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="checkpoint-label">Label</label>
          <input
            id="checkpoint-label"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            data-autofocus
          />
        </div>
        <p className="muted">
          A checkpoint is a stopped copy of the machine’s disk; running programs and their memory are not
          kept. On OrbStack’s file system the copy is a cheap snapshot that grows only as the two differ.
        </p>
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Save Checkpoint" onCancel={onClose} disabled={busy} />
      </form>
    </Dialog>
  );
}
