import { useState, type FormEvent } from 'react';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { selectMachines, useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

export function RenameDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const machines = useMachines(selectMachines);
  const select = useMachines((s) => s.select);
  const [name, setName] = useState(machine);
  const { busy, error, submit } = useSubmit();
  const taken = machines.map((m) => m.name);
  const problem = name === machine ? 'Enter a new name.' : newMachineNameProblem(name, taken);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    void submit(async () => {
      await ask('machine:rename', { name: machine, newName: name });
      select(name);
      close();
    });
  };

  return (
    <Dialog title={`Rename “${machine}”`} onClose={close}>
      <form onSubmit={onSubmit}>
        <NameField
          label="New name"
          value={name}
          onChange={setName}
          taken={taken.filter((t) => t !== machine)}
          autoFocus
        />
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Rename" onCancel={close} disabled={!!problem || busy} />
      </form>
    </Dialog>
  );
}
