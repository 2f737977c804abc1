import { Menu } from 'lucide-react';
import { useState } from 'react';
import { fileMenuCommands } from '../../../shared/app-menu';
import { runAppCommand } from '../../actions/app-commands';
import { PopupMenu, type PopupItem } from '../../components/PopupMenu';

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
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="File"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title="File"
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 4 });
        }}
      >
        <Menu size={16} aria-hidden />
      </button>
      {at && (
        <PopupMenu
          items={ITEMS}
          x={at.x}
          y={at.y}
          label="File"
          onClose={() => setAt(null)}
          onChoose={(id) => {
            setAt(null);
            const chosen = COMMANDS[Number(id)];
            if (chosen) runAppCommand(chosen.command);
          }}
        />
      )}
    </>
  );
}
