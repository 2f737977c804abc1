import { useEffect } from 'react';
import { runOnMachine, runOnMachines } from '../commands/machine-commands';
import { runWindowCommand } from '../commands/window-commands';
import { useMachines } from '../state/machines';
import { useUi } from '../state/ui';
import { commandFor, isMac } from '../model/shortcuts';

/** The window's keyboard shortcuts (see shortcuts.ts), run through the actions module. Off while a dialog is open. */
export function useShortcuts(): void {
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (useUi.getState().dialog) return;
      const target = event.target as HTMLElement | null;
      const inTextField = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const command = commandFor(event, mac, inTextField);
      if (!command) return;
      event.preventDefault();
      if (command === 'start' || command === 'stop' || command === 'delete') {
        // On every selected machine (one confirmation for a delete of several).
        const { names } = useMachines.getState().selection;
        if (names.length > 1) runOnMachines(command, names);
        else runOnMachine(command, useMachines.getState().selected);
      } else {
        runWindowCommand(command);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
