// The one host of every sheet: App.tsx mounts it (loaded when a dialog first opens, not at start-up), and
// DIALOGS says which component each kind of renderer/state/dialogs.ts shows. The mapped type makes a kind
// without a component, or a component given the wrong kind's fields, a compile error.
import type { ReactElement } from 'react';
import type { DialogKind, DialogOf } from '../../state/dialogs';
import { useUi } from '../../state/ui';
import { CloneCheckpointDialog } from '../checkpoints/CloneCheckpointDialog';
import { DeleteCheckpointDialog } from '../checkpoints/DeleteCheckpointDialog';
import { RevertCheckpointDialog } from '../checkpoints/RevertCheckpointDialog';
import { SaveCheckpointDialog } from '../checkpoints/SaveCheckpointDialog';
import { CreateDialog } from '../create/CreateDialog';
import { PresetsDialog } from '../presets/PresetsDialog';
import { PullDialog } from '../run/PullDialog';
import { PushDialog } from '../run/PushDialog';
import { PushToDialog } from '../run/PushToDialog';
import { RunCommandDialog } from '../run/RunCommandDialog';
import { RunManyDialog } from '../run/RunManyDialog';
import { NewSandboxDialog } from '../sandboxes/NewSandboxDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SetupLogDialog } from '../setup/SetupLogDialog';
import { ExportDialog } from '../transfers/ExportDialog';
import { ExportManyDialog } from '../transfers/ExportManyDialog';
import { ImportDialog } from '../transfers/ImportDialog';
import { ImportFolderDialog } from '../transfers/ImportFolderDialog';
import { VerifyExportDialog } from '../transfers/VerifyExportDialog';
import { CloneDialog } from './CloneDialog';
import { DeepLinkDialog } from './DeepLinkDialog';
import { DeleteDialog } from './DeleteDialog';
import { DeleteManyDialog } from './DeleteManyDialog';
import { LimitsDialog } from './LimitsDialog';
import { RenameDialog } from './RenameDialog';

export type DialogRenderers = { [K in DialogKind]: (dialog: DialogOf<K>, close: () => void) => ReactElement };

export const DIALOGS: DialogRenderers = {
  create: () => <CreateDialog />,
  rename: (d) => <RenameDialog machine={d.machine} />,
  delete: (d) => <DeleteDialog machine={d.machine} />,
  'delete-many': (d) => <DeleteManyDialog machines={d.machines} />,
  clone: (d) => <CloneDialog machine={d.machine} />,
  'set-limits': (d) => <LimitsDialog machine={d.machine} />,
  'setup-log': (d) => <SetupLogDialog machine={d.machine} />,
  settings: () => <SettingsDialog />,
  export: (d) => <ExportDialog machine={d.machine} />,
  'export-many': (d) => <ExportManyDialog machines={d.machines} offered={d.offered} />,
  import: (d) => <ImportDialog items={d.items} folder={d.folder} />,
  'import-folder': () => <ImportFolderDialog />,
  'verify-export': () => <VerifyExportDialog />,
  'checkpoint-save': (d, close) => <SaveCheckpointDialog machine={d.machine} onClose={close} />,
  'checkpoint-revert': (d, close) => (
    <RevertCheckpointDialog machine={d.machine} checkpoint={d.checkpoint} onClose={close} />
  ),
  'checkpoint-clone': (d, close) => (
    <CloneCheckpointDialog machine={d.machine} checkpoint={d.checkpoint} onClose={close} />
  ),
  'checkpoint-delete': (d, close) => <DeleteCheckpointDialog checkpoint={d.checkpoint} onClose={close} />,
  run: (d) => <RunCommandDialog machine={d.machine} />,
  'run-many': (d) => <RunManyDialog machines={d.machines} />,
  pull: (d) => <PullDialog machine={d.machine} />,
  'push-file': (d) => <PushToDialog machine={d.machine} />,
  push: (d) => <PushDialog machine={d.machine} files={d.files} />,
  presets: () => <PresetsDialog />,
  'preset-edit': (d) => <CreateDialog key={d.preset.id} preset={d.preset} />,
  'new-sandbox': (d) => <NewSandboxDialog preset={d.preset} />,
  'deep-link': (d) => <DeepLinkDialog url={d.url} link={d.link} />,
};

/** The sheet of one kind: DIALOGS indexed by the dialog's own kind, which the compiler follows. */
function render<K extends DialogKind>(kind: K, dialog: DialogOf<K>, close: () => void): ReactElement {
  return DIALOGS[kind](dialog, close);
}

export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  const close = useUi((s) => s.close);
  return dialog ? render(dialog.kind, dialog, close) : null;
}
