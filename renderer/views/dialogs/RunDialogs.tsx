import type { Preset } from '../../../shared/presets';
import { useUi } from '../../state/ui';
import { CreateDialog } from '../create/CreateDialog';
import { PresetsDialog } from '../presets/PresetsDialog';
import { DeepLinkDialog } from './DeepLinkDialog';
import type { DeepLink } from '../../../shared/deep-link';
import { PullDialog } from '../run/PullDialog';
import { PushToDialog } from '../run/PushToDialog';
import { RunCommandDialog } from '../run/RunCommandDialog';
import { RunManyDialog } from '../run/RunManyDialog';
import { SetupLogDialog } from '../setup/SetupLogDialog';

/** The dialogs of commands in machines and presets: what their DialogState members hold (stores/ui.ts includes them). */
export type InsideDialogState =
  | { kind: 'run'; machine: string }
  | { kind: 'run-many'; machines: string[] }
  | { kind: 'pull'; machine: string }
  | { kind: 'push-file'; machine: string }
  | { kind: 'presets' }
  | { kind: 'preset-edit'; preset: Preset }
  | { kind: 'deep-link'; url: string; link: DeepLink }
  | { kind: 'setup-log'; machine: string };

/** The same dialogs, opened by the RUN handlers in actions/machine-commands.ts; mounted by App.tsx while a dialog is open (loaded then). */
export function InsideDialogs() {
  const dialog = useUi((s) => s.dialog) as {
    kind: string;
    machine?: string;
    preset?: Preset;
    url?: string;
    link?: DeepLink;
    machines?: string[];
  } | null;
  if (dialog?.kind === 'deep-link' && dialog.url && dialog.link)
    return <DeepLinkDialog url={dialog.url} link={dialog.link} />;
  if (dialog?.kind === 'presets') return <PresetsDialog />;
  if (dialog?.kind === 'run-many' && dialog.machines) return <RunManyDialog machines={dialog.machines} />;
  if (dialog?.kind === 'preset-edit' && dialog.preset)
    return <CreateDialog key={dialog.preset.id} preset={dialog.preset} />;
  if (!dialog?.machine) return null;
  if (dialog.kind === 'run') return <RunCommandDialog machine={dialog.machine} />;
  if (dialog.kind === 'pull') return <PullDialog machine={dialog.machine} />;
  if (dialog.kind === 'push-file') return <PushToDialog machine={dialog.machine} />;
  if (dialog.kind === 'setup-log') return <SetupLogDialog machine={dialog.machine} />;
  return null;
}
