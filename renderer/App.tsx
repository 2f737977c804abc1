import { useRef } from 'react';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Toasts } from './components/Toasts';
import { useShortcuts } from './lib/use-shortcuts';
import { useUi } from './stores/ui';
import { CreateDialog } from './views/dialogs/CreateDialog';
import { DeleteDialog } from './views/dialogs/DeleteDialog';
import { RenameDialog } from './views/dialogs/RenameDialog';
import { MachinesView } from './views/MachinesView';
import { Toolbar } from './views/Toolbar';

export function App() {
  const dialog = useUi((s) => s.dialog);
  const filterRef = useRef<HTMLInputElement>(null);
  useShortcuts(filterRef);
  return (
    <div className="app">
      <Toolbar filterRef={filterRef} />
      <ConnectionBanner />
      <main>
        <MachinesView />
      </main>
      {dialog?.kind === 'create' && <CreateDialog />}
      {dialog?.kind === 'rename' && <RenameDialog machine={dialog.machine} />}
      {dialog?.kind === 'delete' && <DeleteDialog machine={dialog.machine} />}
      <Toasts />
    </div>
  );
}
