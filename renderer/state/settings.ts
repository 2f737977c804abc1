import { create } from 'zustand';
import type { Settings } from '../../shared/ipc/settings';

interface SettingsState {
  settings: Settings | null;
  set(settings: Settings): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  set: (settings) => set({ settings }),
}));
