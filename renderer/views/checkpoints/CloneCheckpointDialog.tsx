// "Clone from Checkpoint…": a new machine made from a checkpoint (an ordinary clone of it).
import { useState, type FormEvent } from 'react';
import { freeMachineName, newMachineNameProblem } from '../../../shared/names';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { NameField } from '../../components/NameField';
import { useCheckpointGroups } from '../../state/checkpoints';
import { selectMachines, useMachines } from '../../state/machines';
import { useSubmit } from '../../hooks/use-submit';
import { CheckpointPicker } from './CheckpointPicker';

interface Props {
  machine: string;
  checkpoint?: string;
  onClose(): void;
}

export function CloneCheckpointDialog({ machine, checkpoint, onClose }: Props) {
  const list = useCheckpointGroups().byMachine.get(machine) ?? [];
  const taken = useMachines(selectMachines).map((m) => m.name);
  const [chosen, setChosen] = useState(checkpoint ?? list[0]?.name ?? '');
  const [name, setName] = useState(() => freeMachineName(`${machine}-restored`, taken));
  const { busy, error, submit } = useSubmit();
  const problem = newMachineNameProblem(name, taken);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || !chosen) return;
    void submit(async () => {
      await ask('machine:clone', { name: chosen, newName: name });
      onClose();
    });
  };
  return (
    <Dialog title={`Clone from a Checkpoint of “${machine}”`} onClose={onClose}>
      <form onSubmit={onSubmit}>
        {list.length === 0 && <p>{machine} has no checkpoints yet.</p>}
        {!checkpoint && list.length > 0 && (
          <CheckpointPicker checkpoints={list} value={chosen} onChange={setChosen} />
        )}
        <NameField label="Name of the new machine" value={name} onChange={setName} taken={taken} autoFocus />
        <p className="muted">
          The new machine starts out stopped; {machine} and the checkpoint stay as they are.
        </p>
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Clone" onCancel={onClose} disabled={!!problem || !chosen || busy} />
      </form>
    </Dialog>
  );
}
