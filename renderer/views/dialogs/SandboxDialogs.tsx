// The sandboxes' sheets, mounted by App.tsx while a dialog is open (loaded then, not at start-up).
import { useUi } from '../../state/ui';
import { NewSandboxDialog } from '../sandboxes/NewSandboxDialog';

/** What the sandboxes' DialogState members hold (state/ui.ts includes them). */
export type SandboxDialogState = { kind: 'new-sandbox'; preset?: string };

export function SandboxDialogs() {
  const dialog = useUi((s) => s.dialog);
  if (dialog?.kind === 'new-sandbox') return <NewSandboxDialog preset={dialog.preset} />;
  return null;
}
