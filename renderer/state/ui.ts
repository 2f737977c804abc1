import { create } from 'zustand';
import { NO_HISTORY_FILTER, type HistoryFilter } from '../model/history-groups';
import type { SortOrder, StateFilter } from '../model/machine-list';
import type { DialogState, OpenDialog } from './dialogs';

export type { DialogState } from './dialogs';

/** What the main area shows: the machines (with a state filter from the sidebar) or the job history. */
export type MainView = 'machines' | 'activity';

/** A context menu open at a point, for these machines. */
export interface ContextMenuState {
  x: number;
  y: number;
  machines: string[];
  /** Opened with the context-menu key: its first item is highlighted. */
  byKeyboard?: boolean;
}

export type InspectorTab = 'info' | 'usage' | 'ports' | 'checkpoints' | 'logs';

interface UiState {
  filter: string;
  /** The History page's filter; the toolbar's search field edits its text while History is shown. */
  historyFilter: HistoryFilter;
  setHistoryFilter(patch: Partial<HistoryFilter>): void;
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
  open(dialog: OpenDialog): void;
  close(): void;
}

export const useUi = create<UiState>()((set) => ({
  filter: '',
  historyFilter: NO_HISTORY_FILTER,
  setHistoryFilter: (patch) => set((s) => ({ historyFilter: { ...s.historyFilter, ...patch } })),
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
