// The dialogs of the machine menus, the toolbar and the File menu, mounted by App.tsx when one is open (loaded
// then, not at start-up). Issue 14's and issue 15's dialogs have hosts of their own (TrustDialogs,
// InsideDialogs).
import { useUi } from '../../stores/ui';
import { CloneDialog } from './CloneDialog';
import { CreateDialog } from './CreateDialog';
import { DeleteDialog } from './DeleteDialog';
import { DeleteManyDialog } from './DeleteManyDialog';
import { ExportDialog } from './ExportDialog';
import { ExportManyDialog } from './ExportManyDialog';
import { ImportDialog } from './ImportDialog';
import { ImportFolderDialog } from './ImportFolderDialog';
import { LimitsDialog } from './LimitsDialog';
import { PushDialog } from './PushDialog';
import { RenameDialog } from './RenameDialog';
import { SettingsDialog } from './SettingsDialog';

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
