import { useCallback } from 'react';
import { contextMenuItems } from '../commands/context-menu';
import { runMenuChoice } from '../commands/machine-commands';
import { PopupMenu } from '../components/PopupMenu';
import type { MenuChoice } from '../model/machine-menu-items';
import { useUi } from '../state/ui';

/** The browser's context menu for machines (Electron pops up a native one with the same items). */
export function ContextMenuHost() {
  const menu = useUi((s) => s.contextMenu);
  const close = useCallback(() => useUi.getState().setContextMenu(null), []);
  if (!menu) return null;
  const label =
    menu.machines.length === 1
      ? `Actions for ${menu.machines[0]}`
      : `Actions for ${menu.machines.length} machines`;
  return (
    <PopupMenu
      items={contextMenuItems(menu.machines)}
      x={menu.x}
      y={menu.y}
      label={label}
      byKeyboard={menu.byKeyboard ?? false}
      onClose={close}
      onChoose={(id) => runMenuChoice(id as MenuChoice, menu.machines)}
    />
  );
}
