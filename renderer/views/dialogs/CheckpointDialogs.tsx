/**
 * The dialogs the machine menus and the app menu open through the UI store, for App.tsx to mount
 * (`<TrustDialogs />`) while a dialog is open; loaded then, not at start-up. Their DialogState members:
 *   { kind: 'checkpoint-save'; machine: string }
 *   { kind: 'checkpoint-revert'; machine: string; checkpoint?: string }
 *   { kind: 'checkpoint-clone'; machine: string; checkpoint?: string }
 *   { kind: 'checkpoint-delete'; machine: string; checkpoint: string }
 *   { kind: 'verify-export' }
 */
import { useUi } from '../../state/ui';
import { VerifyExportDialog } from '../transfers/VerifyExportDialog';
import { CloneCheckpointDialog } from '../checkpoints/CloneCheckpointDialog';
import { DeleteCheckpointDialog } from '../checkpoints/DeleteCheckpointDialog';
import { RevertCheckpointDialog } from '../checkpoints/RevertCheckpointDialog';
import { SaveCheckpointDialog } from '../checkpoints/SaveCheckpointDialog';

export type TrustDialogState =
  | { kind: 'checkpoint-save'; machine: string }
  | { kind: 'checkpoint-revert'; machine: string; checkpoint?: string }
  | { kind: 'checkpoint-clone'; machine: string; checkpoint?: string }
  | { kind: 'checkpoint-delete'; machine: string; checkpoint: string }
  | { kind: 'verify-export' };

const KINDS = new Set<string>([
  'checkpoint-save',
  'checkpoint-revert',
  'checkpoint-clone',
  'checkpoint-delete',
  'verify-export',
]);

export function TrustDialogs() {
  const raw = useUi((s) => s.dialog) as { kind: string } | null;
  const close = useUi((s) => s.close);
  if (!raw || !KINDS.has(raw.kind)) return null;
  const dialog = raw as TrustDialogState;
  switch (dialog.kind) {
    case 'checkpoint-save':
      return <SaveCheckpointDialog machine={dialog.machine} onClose={close} />;
    case 'checkpoint-revert':
      return <RevertCheckpointDialog {...dialog} onClose={close} />;
    case 'checkpoint-clone':
      return <CloneCheckpointDialog {...dialog} onClose={close} />;
    case 'checkpoint-delete':
      return <DeleteCheckpointDialog checkpoint={dialog.checkpoint} onClose={close} />;
    case 'verify-export':
      return <VerifyExportDialog />;
  }
}
