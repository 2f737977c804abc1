import { create } from 'zustand';
import { HISTORY_MS, type MachineUsage, type UsageChange } from '../../shared/usage';
import { rowFigures, type RowFigures } from '../model/usage-figures';

interface UsageState {
  /** Each machine's inside as last pulled (`machine:usage`) and followed (`usage:changed`). */
  byName: Record<string, MachineUsage>;
  /** What each list row shows; an object changes only when its machine's sample does (rows are memoised). */
  rows: Record<string, RowFigures>;
  /** A pull: the whole picture, history included. */
  set(usage: MachineUsage): void;
  /** An event: the new sample and point. */
  apply(change: UsageChange): void;
}

/** An entry for a machine this window never pulled (a row sampled for the list's columns). */
function blank(name: string): MachineUsage {
  return {
    name,
    unavailable: null,
    latest: null,
    history: [],
    portsReading: null,
    conflicts: [],
    comparedWith: 0,
    disk: { records: [], change: null, since: null },
    filesPath: '',
  };
}

export const useUsage = create<UsageState>()((set) => ({
  byName: {},
  rows: {},
  set: (usage) =>
    set((s) => ({
      byName: { ...s.byName, [usage.name]: usage },
      rows: { ...s.rows, [usage.name]: rowFigures(usage.latest) },
    })),
  apply: (change) =>
    set((s) => {
      const before = s.byName[change.name] ?? blank(change.name);
      const oldest = Date.now() - HISTORY_MS;
      const history = change.point
        ? [...before.history.filter((p) => p.at >= oldest), change.point]
        : before.history;
      const next: MachineUsage = {
        ...before,
        unavailable: change.unavailable,
        latest: change.latest,
        history,
        portsReading: change.portsReading,
        conflicts: change.conflicts,
        comparedWith: change.comparedWith,
      };
      const rows =
        before.latest === change.latest ? s.rows : { ...s.rows, [change.name]: rowFigures(change.latest) };
      return { byName: { ...s.byName, [change.name]: next }, rows };
    }),
}));
