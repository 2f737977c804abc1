import { getApi } from '../api/api';
import { pickAndImport, pickAndImportFolder } from './file-import';
import { selectMachines, useMachines } from '../state/machines';
import { checkpointGroupsOf, useCheckpointRecords } from '../state/checkpoints';
import type { AppAction } from '../../shared/machine-actions';
import { appAvailabilityNow } from '../state/app-availability';
import { useToasts } from '../state/toasts';
import { useUi } from '../state/ui';

/**
 * What the window can be asked to do as a whole. The toolbar, the keyboard shortcuts, the app menu, the tray and
 * the Dock all run these (GitHub Desktop's dispatcher is the model): one place says what each one does.
 */
export type WindowCommand =
  | 'create'
  | 'presets'
  | 'import'
  | 'refresh'
  | 'filter'
  | 'activity'
  | 'settings'
  | 'export-bundle'
  | 'import-folder'
  | 'new-sandbox';

/** The elements some commands act on, registered by the component that renders them. */
const elements: { filter: HTMLInputElement | null; importInput: HTMLInputElement | null } = {
  filter: null,
  importInput: null,
};

export function registerFilterField(element: HTMLInputElement | null): void {
  elements.filter = element;
}

/** The browser's file picker, for Import… where there is no native dialog. */
export function registerImportInput(element: HTMLInputElement | null): void {
  elements.importInput = element;
}

/** New Machine and Import… by a key or a menu while they cannot be done: say why instead of failing later. */
const unlessRefused = (action: AppAction, run: () => void | Promise<void>) => () => {
  const can = appAvailabilityNow(action);
  if (can.enabled) return run();
  useToasts.getState().push({ kind: 'warning', text: `${can.reason}.` });
};

/**
 * Export for a New Mac…: every machine (not the checkpoints, which stay with this Mac) offered, the selected
 * ones ticked, or all of them when none is selected.
 */
function exportForNewMac(): void {
  const state = useMachines.getState();
  const { machines } = checkpointGroupsOf(selectMachines(state), useCheckpointRecords.getState().records);
  const offered = machines.map((m) => m.name);
  if (offered.length === 0) {
    useToasts.getState().push({ kind: 'info', text: 'There is no machine to export.' });
    return;
  }
  const selected = state.selection.names.filter((n) => offered.includes(n));
  useUi.getState().open({ kind: 'export-many', machines: selected.length ? selected : offered, offered });
}

const COMMANDS = {
  create: unlessRefused('create', () => useUi.getState().open({ kind: 'create' })),
  // The presets, each created in one click.
  presets: unlessRefused('create', () => useUi.getState().open({ kind: 'presets' })),
  settings: () => useUi.getState().open({ kind: 'settings' }),
  import: unlessRefused('import', () => pickAndImport(elements.importInput)),
  'import-folder': unlessRefused('import', pickAndImportFolder),
  'export-bundle': exportForNewMac,
  'new-sandbox': unlessRefused('create', () => useUi.getState().open({ kind: 'new-sandbox' })),
  refresh: () =>
    getApi()
      .invoke('machines:refresh', {})
      .then(() => undefined)
      .catch(() => undefined),
  filter: () => {
    elements.filter?.focus();
    elements.filter?.select();
  },
  activity: () => useUi.getState().setActivityOpen(!useUi.getState().activityOpen),
} satisfies Record<WindowCommand, () => void | Promise<void>>;

export function runWindowCommand(command: WindowCommand): void {
  void COMMANDS[command]();
}
