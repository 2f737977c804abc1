import { useState, type ReactNode } from 'react';
import { PopupMenu, type PopupItem } from './PopupMenu';

interface Props {
  /** The button's accessible name and tooltip. */
  label: string;
  title?: string;
  /** The menu's accessible name. */
  menuLabel: string;
  className?: string;
  items: readonly PopupItem[];
  onChoose(id: string): void;
  children: ReactNode;
}

/** A button that opens its menu below itself, as a toolbar's pull-down does (the File menu, the inspector's …). */
export function MenuButton({ label, title, menuLabel, className, items, onChoose, children }: Props) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  return (
    <>
      <button
        type="button"
        className={className ?? 'icon-button'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title={title ?? label}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 4 });
        }}
      >
        {children}
      </button>
      {at && (
        <PopupMenu
          items={items}
          x={at.x}
          y={at.y}
          label={menuLabel}
          onClose={() => setAt(null)}
          onChoose={onChoose}
        />
      )}
    </>
  );
}
