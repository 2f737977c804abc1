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
  const [at, setAt] = useState<{ x: number; y: number; byKeyboard: boolean } | null>(null);
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
          // A click with no pointer behind it (detail 0) came from Return or Space.
          setAt({ x: box.left, y: box.bottom + 4, byKeyboard: e.detail === 0 });
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
          byKeyboard={at.byKeyboard}
          onClose={() => setAt(null)}
          onChoose={onChoose}
        />
      )}
    </>
  );
}
