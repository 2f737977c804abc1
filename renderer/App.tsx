import { registerImportInput } from './actions/window-commands';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Toasts } from './components/Toasts';
import { importFiles } from './lib/file-import';
import { useFileDrop } from './lib/use-file-drop';
import { useShortcuts } from './lib/use-shortcuts';
import { useUi } from './stores/ui';
import { ActivityPopover } from './views/activity/ActivityPopover';
import { ContextMenuHost } from './views/ContextMenuHost';
import { TrustDialogs } from './views/checkpoints/TrustDialogs';
import { InsideDialogs } from './views/inside/InsideDialogs';
import { DeleteManyDialog } from './views/dialogs/DeleteManyDialog';
import { ExportManyDialog } from './views/dialogs/ExportManyDialog';
import { Sidebar } from './views/shell/Sidebar';
import { TitleBar } from './views/shell/TitleBar';
import { shellOf } from './lib/shell';
import { useConnection } from './stores/connection';
import { CloneDialog } from './views/dialogs/CloneDialog';
import { CreateDialog } from './views/dialogs/CreateDialog';
import { DeleteDialog } from './views/dialogs/DeleteDialog';
import { ExportDialog } from './views/dialogs/ExportDialog';
import { LimitsDialog } from './views/dialogs/LimitsDialog';
import { ImportDialog } from './views/dialogs/ImportDialog';
import { ImportFolderDialog } from './views/dialogs/ImportFolderDialog';
import { PushDialog } from './views/dialogs/PushDialog';
import { RenameDialog } from './views/dialogs/RenameDialog';
import { SettingsDialog } from './views/dialogs/SettingsDialog';
import { MachinesView } from './views/MachinesView';

export function App() {
  const dialog = useUi((s) => s.dialog);
  const activityOpen = useUi((s) => s.activityOpen);
  const sidebarCollapsed = useUi((s) => s.sidebarCollapsed);
  const shell = shellOf(useConnection((s) => s.info));
  const drop = useFileDrop();
  useShortcuts();
  return (
    <div className="app" data-shell={shell} data-sidebar={sidebarCollapsed ? 'collapsed' : 'shown'}>
      <TitleBar />
      {!sidebarCollapsed && <Sidebar />}
      <div className="content">
        <ConnectionBanner />
        <main>
          <MachinesView />
        </main>
        <Toasts />
      </div>
      {activityOpen && <ActivityPopover />}
      <ContextMenuHost />
      <TrustDialogs />
      <InsideDialogs />
      {dialog?.kind === 'delete-many' && <DeleteManyDialog machines={dialog.machines} />}
      {dialog?.kind === 'export-many' && (
        <ExportManyDialog machines={dialog.machines} offered={dialog.offered} />
      )}
      {dialog?.kind === 'create' && <CreateDialog />}
      {dialog?.kind === 'rename' && <RenameDialog machine={dialog.machine} />}
      {dialog?.kind === 'delete' && <DeleteDialog machine={dialog.machine} />}
      {dialog?.kind === 'clone' && <CloneDialog machine={dialog.machine} />}
      {dialog?.kind === 'export' && <ExportDialog machine={dialog.machine} />}
      {dialog?.kind === 'set-limits' && <LimitsDialog machine={dialog.machine} />}
      {dialog?.kind === 'import' && <ImportDialog items={dialog.items} folder={dialog.folder} />}
      {dialog?.kind === 'import-folder' && <ImportFolderDialog />}
      {dialog?.kind === 'push' && <PushDialog machine={dialog.machine} files={dialog.files} />}
      {dialog?.kind === 'settings' && <SettingsDialog />}
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {drop.target
            ? `Drop to copy into ${drop.target}, or to import an export`
            : 'Drop an OrbStack export to import it'}
        </div>
      )}
      {/* The browser's file picker for Import… where there is no native dialog. */}
      <input
        ref={registerImportInput}
        type="file"
        multiple
        hidden
        aria-label="Choose export files to import"
        accept=".zst,.tar.zst,application/zstd"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void importFiles(files);
        }}
      />
    </div>
  );
}
