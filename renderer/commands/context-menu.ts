import { getApi } from '../api/api';
import { machineMenuItems, type MenuChoice, type MenuItem } from '../model/machine-menu-items';
import { useConnection } from '../state/connection';
import { useOrbctl } from '../state/orbctl';
import { useUi } from '../state/ui';
import { runMenuChoice, selectionWithJobs } from './machine-commands';

/** The items of the context menu for these machines, from the shared rules. */
export function contextMenuItems(names: readonly string[]): MenuItem[] {
  return machineMenuItems(selectionWithJobs(names), useOrbctl.getState().status?.capabilities ?? null);
}

/**
 * Opens the context menu of these machines at a point: a native menu in the desktop app (the core pops it up
 * and says which item was chosen), the window's own menu in a browser. Both list the same items.
 */
export async function openContextMenu(names: readonly string[], x: number, y: number): Promise<void> {
  const items = contextMenuItems(names);
  if (items.length === 0) return;
  if (useConnection.getState().info?.transport === 'electron') {
    const { supported, chosen } = await getApi().invoke('desktop:context-menu', {
      items: items.map((i) =>
        i.kind === 'separator'
          ? { separator: true as const }
          : { id: i.id, label: i.label, enabled: i.enabled },
      ),
    });
    if (supported) {
      if (chosen) runMenuChoice(chosen as MenuChoice, names);
      return;
    }
  }
  useUi.getState().setContextMenu({ x, y, machines: [...names] });
}
