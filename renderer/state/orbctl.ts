import { create } from 'zustand';
import type { OrbctlStatus } from '../../shared/ipc/contract';
import type { OrbctlCapabilities } from '../../shared/machine';

interface OrbctlState {
  status: OrbctlStatus | null;
  set(status: OrbctlStatus): void;
}

/** Which orbctl the core uses and what it can do (to hide what it cannot). */
export const useOrbctl = create<OrbctlState>()((set) => ({
  status: null,
  set: (status) => set({ status }),
}));

export const selectCapabilities = (s: OrbctlState): OrbctlCapabilities | null =>
  s.status?.capabilities ?? null;
