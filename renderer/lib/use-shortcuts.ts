import { useEffect, type RefObject } from 'react';
import { getApi } from '../api/api';
import { useJobs } from '../stores/jobs';
import { useMachines } from '../stores/machines';
import { useOrbctl } from '../stores/orbctl';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { pickAndImport } from './file-import';
import { activeJobsFor, availability } from '../../shared/machine-actions';
import { commandFor, isMac } from './shortcuts';
import { useMachineAction } from './use-machine-action';

/** The window's keyboard shortcuts (see shortcuts.ts). Inactive while a dialog is open. */
export function useShortcuts(
  filterRef: RefObject<HTMLInputElement | null>,
  fileInput: RefObject<HTMLInputElement | null>,
): void {
  const act = useMachineAction();
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (useUi.getState().dialog) return;
      const target = event.target as HTMLElement | null;
      const inTextField = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const command = commandFor(event, mac, inTextField);
      if (!command) return;
      event.preventDefault();
      const selected = useMachines.getState().selected;
      switch (command) {
        case 'create':
          useUi.getState().open({ kind: 'create' });
          break;
        case 'import':
          void pickAndImport(fileInput.current);
          break;
        case 'settings':
          useUi.getState().open({ kind: 'settings' });
          break;
        case 'activity':
          useUi.getState().setActivityOpen(!useUi.getState().activityOpen);
          break;
        case 'refresh':
          void getApi()
            .invoke('machines:refresh', {})
            .catch(() => {});
          break;
        case 'filter':
          filterRef.current?.focus();
          filterRef.current?.select();
          break;
        case 'start':
        case 'stop':
        case 'delete': {
          const machine = useMachines.getState().snapshot?.machines.find((m) => m.name === selected);
          if (!machine) break;
          const jobs = activeJobsFor(Object.values(useJobs.getState().jobs), machine.name);
          const can = availability(command, machine, jobs, useOrbctl.getState().status?.capabilities ?? null);
          if (can.enabled) void act(command, machine.name);
          else useToasts.getState().push({ kind: 'info', text: can.reason });
          break;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [act, filterRef, fileInput]);
}
