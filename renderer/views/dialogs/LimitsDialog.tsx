import { useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { LimitsFields } from '../../components/LimitsFields';
import { limitsFromForm, NO_LIMITS, type LimitsForm } from '../../model/limits-form';
import { useUi } from '../../state/ui';
import { useSubmit } from './use-submit';

/**
 * Change Limits…: a stopped machine's CPUs, memory and disk (orbctl ≥ 2.2, `config set machine.NAME.…`). A field
 * left empty keeps what the machine has; the new limits apply when it next starts.
 */
export function LimitsDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const [form, setForm] = useState<LimitsForm>(NO_LIMITS);
  const { busy, error, submit } = useSubmit();
  const { limits, problem } = limitsFromForm(form);
  const empty = Object.keys(limits).length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || empty) return;
    void submit(async () => {
      await getApi().invoke('machine:set-limits', { name: machine, ...limits });
      close();
    });
  };

  return (
    <Dialog title={`Change Limits of “${machine}”`} onClose={close} className="dialog-narrow">
      <form onSubmit={onSubmit}>
        <LimitsFields
          legend="New limits"
          value={form}
          onChange={(change) => setForm({ ...form, ...change })}
          placeholders={{ cpus: 'keep', memory: 'keep', disk: 'keep' }}
        />
        <p className="muted">
          Fields left empty keep what {machine} has. The new limits apply the next time it starts; the disk
          limit is the most its disk may grow to.
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorDetails error={error} />}
        <DialogButtons label="Change Limits" onCancel={close} disabled={!!problem || empty || busy} />
      </form>
    </Dialog>
  );
}
