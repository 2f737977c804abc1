import { create } from 'zustand';
import type { ImportPreview } from '../../shared/ipc/contract';
import type { FolderPreview } from '../../shared/ipc/types';
import type { SortOrder, StateFilter } from '../model/machine-list';
import type { TrustDialogState } from '../views/dialogs/CheckpointDialogs';
import type { InsideDialogState } from '../views/dialogs/RunDialogs';
import type { SandboxDialogState } from '../views/dialogs/SandboxDialogs';

export type DialogState =
  | { kind: 'create' }
  | { kind: 'settings' }
  | { kind: 'rename'; machine: string }
  | { kind: 'delete'; machine: string }
  | { kind: 'delete-many'; machines: string[] }
  | { kind: 'clone'; machine: string }
  | { kind: 'export'; machine: string }
  | { kind: 'set-limits'; machine: string }
  /** Several machines into one folder with an index; `offered` lists the machines one may add (for a new Mac). */
  | { kind: 'export-many'; machines: string[]; offered?: string[] }
  /** `folder`: the items came from a folder of exports (its index, and what is missing). */
  | { kind: 'import'; items: ImportPreview[]; folder?: Omit<FolderPreview, 'items'> }
  /** A browser's way to name a folder of exports (a native dialog does it in Electron). */
  | { kind: 'import-folder' }
  | { kind: 'push'; machine: string; files: File[] }
  // Checkpoints and Verify Export (mounted by TrustDialogs).
  | TrustDialogState
  // Run, copy, presets, orbdeck:// links (mounted by InsideDialogs).
  | InsideDialogState
  // New Sandbox (mounted by SandboxDialogs).
  | SandboxDialogState
  | null;

/** What the main area shows: the machines (with a state filter from the sidebar) or the job history. */
export type MainView = 'machines' | 'activity';

/** A context menu open at a point, for these machines. */
export interface ContextMenuState {
  x: number;
  y: number;
  machines: string[];
}

export type InspectorTab = 'info' | 'usage' | 'ports' | 'checkpoints' | 'logs';

interface UiState {
  filter: string;
  stateFilter: StateFilter;
  /** Rows the list keeps in its state view while their jobs run (renderer/model/machine-list.ts#heldRows). */
  held: ReadonlySet<string>;
  setHeld(held: ReadonlySet<string>): void;
  sort: SortOrder;
  dialog: DialogState;
  view: MainView;
  /** The toolbar's Activity popover. */
  activityOpen: boolean;
  sidebarCollapsed: boolean;
  /** In a narrow window the inspector slides over the list; this says whether it is out. */
  inspectorOpen: boolean;
  /** The inspector's tab, kept as the selection changes (as Finder's and Xcode's inspectors do). */
  inspectorTab: InspectorTab;
  contextMenu: ContextMenuState | null;
  /** Failed jobs whose mark on the row the person dismissed. */
  dismissedFailures: ReadonlySet<string>;
  dismissFailure(jobId: string): void;
  setActivityOpen(open: boolean): void;
  setFilter(filter: string): void;
  /** A sidebar choice: that filter in the machine list. */
  setStateFilter(stateFilter: StateFilter): void;
  setView(view: MainView): void;
  toggleSidebar(): void;
  setInspectorOpen(open: boolean): void;
  setInspectorTab(tab: InspectorTab): void;
  setContextMenu(menu: ContextMenuState | null): void;
  /** Clicking the sorted column flips the direction; another column sorts ascending. */
  sortBy(key: SortOrder['key']): void;
  open(dialog: NonNullable<DialogState>): void;
  close(): void;
}

export const useUi = create<UiState>()((set) => ({
  filter: '',
  stateFilter: 'all',
  held: new Set(),
  sort: { key: 'name', direction: 'asc' },
  dialog: null,
  view: 'machines',
  activityOpen: false,
  sidebarCollapsed: false,
  inspectorOpen: false,
  inspectorTab: 'info',
  contextMenu: null,
  dismissedFailures: new Set(),
  dismissFailure: (jobId) => set((s) => ({ dismissedFailures: new Set([...s.dismissedFailures, jobId]) })),
  setActivityOpen: (activityOpen) => set({ activityOpen }),
  setFilter: (filter) => set({ filter }),
  setStateFilter: (stateFilter) => set({ stateFilter, view: 'machines', held: new Set() }),
  setHeld: (held) => set({ held }),
  setView: (view) => set({ view }),
  toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
  setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
  setInspectorTab: (inspectorTab) => set({ inspectorTab }),
  setContextMenu: (contextMenu) => set({ contextMenu }),
  sortBy: (key) =>
    set((s) => ({
      sort: { key, direction: s.sort.key === key && s.sort.direction === 'asc' ? 'desc' : 'asc' },
    })),
  open: (dialog) => set({ dialog, contextMenu: null }),
  close: () => set({ dialog: null }),
}));
