import { ask } from '../../commands/core';
import { deepLinkQuestion, type DeepLink } from '../../../shared/deep-link';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { useSubmit } from '../../hooks/use-submit';

/**
 * An orbdeck:// link that changes something asks first (it may come from any web page or script).
 * The safe choice has the focus.
 */
export function DeepLinkDialog({ url, link }: { url: string; link: DeepLink }) {
  const close = useUi((s) => s.close);
  const { busy, error, submit } = useSubmit();
  const go = () =>
    void submit(async () => {
      const { job } = await ask('link:open', { url });
      if (job) useMachines.getState().select(job.machine);
      close();
    });
  return (
    <Dialog title="Open OrbDeck Link?" onClose={close} className="dialog-narrow">
      <p>
        <strong>{deepLinkQuestion(link)}</strong>
      </p>
      <p className="muted">
        A link asked for this: <code>{url}</code>. Nothing happens unless you say so.
      </p>
      {error && <ErrorDetails error={error} />}
      <DialogButtons label="Do It" onCancel={close} onConfirm={go} disabled={busy} focusCancel />
    </Dialog>
  );
}
