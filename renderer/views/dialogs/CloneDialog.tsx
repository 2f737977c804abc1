import { useTakenNames } from '../../hooks/use-taken-names';
import { useState, type FormEvent } from 'react';
import { freeMachineName } from '../../../shared/names';
import { ask } from '../../commands/core';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

export function CloneDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const taken = useTakenNames();
  const [name, setName] = useState(() => freeMachineName(`${machine}-copy`, taken));
  const { busy, error, submit } = useSubmit();
  const problem = newMachineNameProblem(name, taken);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    void submit(async () => {
      await ask('machine:clone', { name: machine, newName: name });
      close();
    });
  };
  return (
    <Dialog title={`Clone “${machine}”`} onClose={close}>
      <form onSubmit={onSubmit}>
        <p className="muted">A copy of the whole machine. The copy starts out stopped.</p>
        <NameField label="Name of the copy" value={name} onChange={setName} taken={taken} autoFocus />
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Clone" onCancel={close} disabled={!!problem || busy} />
      </form>
    </Dialog>
  );
}
