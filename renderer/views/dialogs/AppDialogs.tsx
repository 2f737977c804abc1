// The dialogs of the machine menus, the toolbar and the File menu, mounted by App.tsx when one is open (loaded
// then, not at start-up). The checkpoint and run dialogs have hosts of their own (CheckpointDialogs,
// RunDialogs).
import { useUi } from '../../state/ui';
import { CloneDialog } from './CloneDialog';
import { CreateDialog } from '../create/CreateDialog';
import { DeleteDialog } from './DeleteDialog';
import { DeleteManyDialog } from './DeleteManyDialog';
import { ExportDialog } from '../transfers/ExportDialog';
import { ExportManyDialog } from '../transfers/ExportManyDialog';
import { ImportDialog } from '../transfers/ImportDialog';
import { ImportFolderDialog } from '../transfers/ImportFolderDialog';
import { LimitsDialog } from './LimitsDialog';
import { PushDialog } from '../run/PushDialog';
import { RenameDialog } from './RenameDialog';
import { SettingsDialog } from '../settings/SettingsDialog';

export function AppDialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog?.kind) {
    case 'delete-many':
      return <DeleteManyDialog machines={dialog.machines} />;
    case 'export-many':
      return <ExportManyDialog machines={dialog.machines} offered={dialog.offered} />;
    case 'create':
      return <CreateDialog />;
    case 'rename':
      return <RenameDialog machine={dialog.machine} />;
    case 'delete':
      return <DeleteDialog machine={dialog.machine} />;
    case 'clone':
      return <CloneDialog machine={dialog.machine} />;
    case 'export':
      return <ExportDialog machine={dialog.machine} />;
    case 'set-limits':
      return <LimitsDialog machine={dialog.machine} />;
    case 'import':
      return <ImportDialog items={dialog.items} folder={dialog.folder} />;
    case 'import-folder':
      return <ImportFolderDialog />;
    case 'push':
      return <PushDialog machine={dialog.machine} files={dialog.files} />;
    case 'settings':
      return <SettingsDialog />;
    default:
      return null;
  }
}
