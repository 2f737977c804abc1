import { deleteMachine } from '../../commands/sandbox-commands';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { useSubmit } from './use-submit';

/** One confirmation for several deletes, naming every machine; then one job each. Cancel is the default. */
export function DeleteManyDialog({ machines }: { machines: string[] }) {
  const close = useUi((s) => s.close);
  const running = useMachines(
    (s) =>
      (s.snapshot?.machines ?? []).filter((m) => machines.includes(m.name) && m.state === 'running').length,
  );
  const { busy, error, submit } = useSubmit();
  const onDelete = () =>
    void submit(async () => {
      // Every delete is asked for; the ones the core refuses are reported together, the rest go ahead.
      const refused: Array<{ name: string; error: AppErrorData }> = [];
      for (const name of machines) {
        await deleteMachine(name).catch((e: unknown) => refused.push({ name, error: toErrorData(e) }));
      }
      if (refused.length) {
        throw Object.assign(new Error(refused.map((r) => `${r.name}: ${r.error.message}`).join('\n')), {
          code: refused[0]!.error.code,
        });
      }
      close();
    });
  return (
    <Dialog title={`Delete ${machines.length} Machines?`} onClose={close} className="dialog-narrow">
      <p>These machines and every file in them will be deleted. This cannot be undone.</p>
      <ul className="file-list" aria-label="Machines to delete">
        {machines.map((m) => (
          <li key={m}>
            <strong>{m}</strong>
          </li>
        ))}
      </ul>
      {running > 0 && (
        <p>
          {running === 1 ? 'One of them is running' : `${running} of them are running`} and will be stopped
          first.
        </p>
      )}
      <p className="muted">To keep a copy, export them to files first.</p>
      {error && <ErrorDetails error={error} />}
      <DialogButtons
        label={`Delete ${machines.length} Machines`}
        onCancel={close}
        onConfirm={onDelete}
        disabled={busy}
        destructive
        focusCancel
      />
    </Dialog>
  );
}
