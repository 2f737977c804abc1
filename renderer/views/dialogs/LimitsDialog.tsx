import { useState, type FormEvent } from 'react';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { LimitsFields } from '../../components/LimitsFields';
import { useMachineLimits } from '../../hooks/use-machine-limits';
import { formFromLimits, limitsChange, NO_LIMITS, type LimitsForm } from '../../model/limits-form';
import { useUi } from '../../state/ui';
import { useSubmit } from './use-submit';

/**
 * Change Limits…: a stopped machine's CPUs, memory and disk (orbctl ≥ 2.2, `config set machine.NAME.…`). The
 * fields open with what the machine has now; only what is changed is sent, and it applies when it next starts.
 */
export function LimitsDialog({ machine }: { machine: string }) {
  const close = useUi((s) => s.close);
  const answer = useMachineLimits(machine);
  const current = answer?.supported ? formFromLimits(answer.limits) : null;
  // What the person typed, over what the machine has: the fields show the current values until edited.
  const [edits, setEdits] = useState<Partial<LimitsForm>>({});
  const form: LimitsForm = { ...(current ?? NO_LIMITS), ...edits };
  const { busy, error, submit } = useSubmit();
  const { limits, problem } = limitsChange(form, current ?? NO_LIMITS);
  const empty = Object.keys(limits).length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || empty || !current) return;
    void submit(async () => {
      await getApi().invoke('machine:set-limits', { name: machine, ...limits });
      close();
    });
  };

  return (
    <Dialog title={`Change Limits of “${machine}”`} onClose={close} className="dialog-narrow">
      <form onSubmit={onSubmit}>
        <LimitsFields
          legend="Limits"
          value={form}
          disabled={!current}
          onChange={(change) => setEdits({ ...edits, ...change })}
          placeholders={
            current
              ? { cpus: 'no limit', memory: 'no limit', disk: 'no limit' }
              : { cpus: '…', memory: '…', disk: '…' }
          }
        />
        <p className="muted">
          {current
            ? `The new limits apply the next time ${machine} starts; the disk limit is the most its disk may grow to.`
            : `Reading the limits ${machine} has now…`}
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label="Change Limits"
          onCancel={close}
          disabled={!!problem || empty || busy || !current}
        />
      </form>
    </Dialog>
  );
}
