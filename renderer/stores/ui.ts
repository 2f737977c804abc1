import { create } from 'zustand';
import type { ImportPreview } from '../../shared/ipc/contract';
import type { SortOrder, StateFilter } from '../lib/machine-list';

export type DialogState =
  | { kind: 'create' }
  | { kind: 'settings' }
  | { kind: 'rename'; machine: string }
  | { kind: 'delete'; machine: string }
  | { kind: 'clone'; machine: string }
  | { kind: 'export'; machine: string }
  | { kind: 'import'; items: ImportPreview[] }
  | { kind: 'push'; machine: string; files: File[] }
  | null;

interface UiState {
  filter: string;
  stateFilter: StateFilter;
  sort: SortOrder;
  dialog: DialogState;
  activityOpen: boolean;
  setActivityOpen(open: boolean): void;
  setFilter(filter: string): void;
  setStateFilter(stateFilter: StateFilter): void;
  /** Clicking the sorted column flips the direction; another column sorts ascending. */
  sortBy(key: SortOrder['key']): void;
  open(dialog: NonNullable<DialogState>): void;
  close(): void;
}

export const useUi = create<UiState>()((set) => ({
  filter: '',
  stateFilter: 'all',
  sort: { key: 'name', direction: 'asc' },
  dialog: null,
  activityOpen: false,
  setActivityOpen: (activityOpen) => set({ activityOpen }),
  setFilter: (filter) => set({ filter }),
  setStateFilter: (stateFilter) => set({ stateFilter }),
  sortBy: (key) =>
    set((s) => ({
      sort: { key, direction: s.sort.key === key && s.sort.direction === 'asc' ? 'desc' : 'asc' },
    })),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
