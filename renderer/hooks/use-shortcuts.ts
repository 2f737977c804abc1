import { useEffect } from 'react';
import { runCommand } from '../commands/run-command';
import { useUi } from '../state/ui';
import { commandFor, isMac } from '../model/shortcuts';

/** The window's keyboard shortcuts (the keys of shared/commands.ts), run as their menu items. Off while a dialog is open. */
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
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
