import { getApi } from '../api/api';
import { machineMenuItems, type MenuChoice, type MenuItem, type Selected } from '../model/machine-menu-items';
import { sandboxMenuItems, type ExtraItem } from '../model/sandbox-menu-items';
import { sandboxNamed } from '../state/sandboxes';
import { policyNamed } from '../state/start-policy';
import { useConnection } from '../state/connection';
import { useOrbctl } from '../state/orbctl';
import { useUi } from '../state/ui';
import { runMenuChoice, selectionWithJobs } from './machine-commands';

/** The items of the context menu for these machines, from the shared rules. */
export function contextMenuItems(names: readonly string[]): MenuItem[] {
  const selected = selectionWithJobs(names);
  return machineMenuItems(
    selected,
    useOrbctl.getState().status?.capabilities ?? null,
    new Set(),
    extrasOf(selected),
  );
}

/** One machine's sandbox and start-policy groups, as the stores hold them now. */
export function extrasOf(selected: readonly Selected[]): ExtraItem[][] {
  if (selected.length !== 1) return [];
  const { machine, active } = selected[0]!;
  return sandboxMenuItems(machine, active, sandboxNamed(machine.name), policyNamed(machine.name));
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
          : {
              id: i.id,
              label: i.label,
              enabled: i.enabled,
              ...(i.checked === undefined ? {} : { checked: i.checked }),
            },
      ),
    });
    if (supported) {
      if (chosen) runMenuChoice(chosen as MenuChoice, names);
      return;
    }
  }
  useUi.getState().setContextMenu({ x, y, machines: [...names] });
}
