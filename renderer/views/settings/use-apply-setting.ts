import { useState } from 'react';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { SettingsUserPatch } from '../../../shared/ipc/settings';
import { ask } from '../../commands/core';
import { refreshOrbctlStatus } from '../../commands/sync';
import { useSettings } from '../../state/settings';

/**
 * Applies one setting at a time, as it changes (as macOS settings do, without a Save button). A change the core
 * refuses is kept beside its field with the reason, and the saved value stays in force.
 */
export function useApplySetting<Key extends string>(): {
  problems: Partial<Record<Key, AppErrorData>>;
  /** The last change that took effect, in words, for a status line. */
  applied: string | null;
  apply(key: Key, patch: SettingsUserPatch, what: string): Promise<boolean>;
} {
  const [problems, setProblems] = useState<Partial<Record<Key, AppErrorData>>>({});
  const [applied, setApplied] = useState<string | null>(null);
  return {
    problems,
    applied,
    async apply(key, patch, what) {
      try {
        useSettings.getState().set(await ask('settings:set', patch));
        // As before settings applied one at a time: the orbctl status is read again after a change.
        await refreshOrbctlStatus();
        setProblems((p) => {
          const { [key]: _gone, ...rest } = p;
          return rest as Partial<Record<Key, AppErrorData>>;
        });
        setApplied(`${what}: applied.`);
        return true;
      } catch (error) {
        setProblems((p) => ({ ...p, [key]: toErrorData(error) }));
        setApplied(null);
        return false;
      }
    },
  };
}
