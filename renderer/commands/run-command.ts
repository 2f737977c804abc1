import {
  BULK_ACTIONS,
  MACHINE_ACTIONS,
  type BulkAction,
  type MachineAction,
} from '../../shared/machine-actions';
import type { CommandName } from '../../shared/commands';
import { useMachines } from '../state/machines';
import { runAppCommand } from './app-commands';
import { runOnMachine, runOnMachines } from './machine-commands';

const isBulk = (c: CommandName): c is BulkAction => (BULK_ACTIONS as readonly string[]).includes(c);
const isMachineAction = (c: CommandName): c is MachineAction =>
  (MACHINE_ACTIONS as readonly string[]).includes(c);

/**
 * Runs a command of shared/commands.ts as the window's keys and buttons give it: on every selected machine for
 * the commands that take several (one confirmation for a delete of several), on the selected machine for the
 * other machine commands, and otherwise as the app menu would.
 */
export function runCommand(command: CommandName): void {
  const { selection, selected } = useMachines.getState();
  if (isBulk(command) && selection.names.length > 1) runOnMachines(command, selection.names);
  else if (isMachineAction(command)) runOnMachine(command, selected);
  else runAppCommand({ command });
}
