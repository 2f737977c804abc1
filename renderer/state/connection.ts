import { create } from 'zustand';
import type { AppInfo } from '../../shared/ipc/contract';
import type { ConnectionState } from '../../shared/ipc/bridge';

interface ConnectionStore {
  state: ConnectionState;
  info: AppInfo | null;
  /** Set when the window cannot reach the core at all (e.g. opened without the token). */
  fatal: string | null;
  set(partial: Partial<Pick<ConnectionStore, 'state' | 'info' | 'fatal'>>): void;
}

export const useConnection = create<ConnectionStore>()((set) => ({
  state: 'connecting',
  info: null,
  fatal: null,
  set: (partial) => set(partial),
}));
