import { create } from 'zustand';

/** Where this window keeps the choice (a preference of the window, like its size). */
const KEY = 'orbdeck.list.usageColumns';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

interface ListColumnsState {
  /** The list's CPU and Memory columns (off until the person turns them on). */
  usage: boolean;
  setUsage(on: boolean): void;
}

export const useListColumns = create<ListColumnsState>()((set) => ({
  usage: stored(),
  setUsage: (usage) => {
    try {
      globalThis.localStorage?.setItem(KEY, usage ? 'on' : 'off');
    } catch {
      // A window that cannot keep it still shows the columns until it closes.
    }
    set({ usage });
  },
}));
