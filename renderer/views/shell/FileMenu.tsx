import { Menu } from 'lucide-react';
import { fileMenuCommands } from '../../../shared/app-menu';
import { runAppCommand } from '../../commands/app-commands';
import { MenuButton } from '../../components/MenuButton';
import type { PopupItem } from '../../components/PopupMenu';

const COMMANDS = fileMenuCommands();
const ITEMS: PopupItem[] = COMMANDS.map((c, i) => ({
  kind: 'item',
  id: String(i),
  label: c.label,
  enabled: true,
}));

/**
 * A browser has no menu bar: the title bar carries the File menu's items instead (the same list Electron's
 * menu bar shows, shared/app-menu.ts), so Verify Export…, Import Folder… and the rest are reachable here too.
 */
export function FileMenu() {
  return (
    <MenuButton
      label="File"
      menuLabel="File"
      items={ITEMS}
      onChoose={(id) => {
        const chosen = COMMANDS[Number(id)];
        if (chosen) runAppCommand(chosen.command);
      }}
    >
      <Menu size={16} aria-hidden />
    </MenuButton>
  );
}
