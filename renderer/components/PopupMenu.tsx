import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
/** One item of a drawn menu (a machine's actions, the File menu). */
export type PopupItem =
  | {
      kind: 'item';
      id: string;
      label: string;
      enabled: boolean;
      reason?: string;
      danger?: boolean;
      /** A setting the item turns on and off: drawn with a check mark when on. */
      checked?: boolean;
    }
  | { kind: 'separator' };

/** The items arrows move between: plain ones and those with a check mark, when enabled. */
const ENABLED_ITEMS =
  '[role="menuitem"]:not([aria-disabled="true"]), [role="menuitemcheckbox"]:not([aria-disabled="true"])';

interface Props {
  items: readonly PopupItem[];
  /** Where the menu opens (the pointer, or below a button); kept inside the window. */
  x: number;
  y: number;
  label: string;
  onChoose(id: string): void;
  onClose(): void;
}

/**
 * A menu as macOS draws one, for the browser (Electron shows a native menu instead): arrows move between the
 * enabled items, Return chooses, Escape or a click elsewhere closes it, and focus goes back where it was.
 */
export function PopupMenu({ items, x, y, label, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    const box = ref.current!.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - box.width - 4)),
      top: Math.max(4, y + box.height > window.innerHeight ? y - box.height : y),
    });
    ref.current!.querySelector<HTMLElement>(ENABLED_ITEMS)?.focus();
  }, [x, y]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const outside = (event: Event) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
      if (previous?.isConnected) previous.focus();
    };
  }, [onClose]);

  const move = (event: KeyboardEvent, delta: number) => {
    event.preventDefault();
    const enabled = [...ref.current!.querySelectorAll<HTMLElement>(ENABLED_ITEMS)];
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    enabled[(at + delta + enabled.length) % enabled.length]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') move(event, 1);
    else if (event.key === 'ArrowUp') move(event, -1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      className="popup-menu"
      role="menu"
      aria-label={label}
      style={position}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) =>
        item.kind === 'separator' ? (
          <div key={`sep-${i}`} role="separator" className="menu-separator" />
        ) : (
          <div
            key={item.id}
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            {...(item.checked === undefined ? {} : { 'aria-checked': item.checked })}
            tabIndex={-1}
            aria-disabled={!item.enabled}
            title={item.reason}
            className={item.danger ? 'menu-item danger' : 'menu-item'}
            onClick={() => {
              if (!item.enabled) return;
              onClose();
              onChoose(item.id);
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && item.enabled) {
                e.preventDefault();
                onClose();
                onChoose(item.id);
              }
            }}
          >
            {item.checked !== undefined && (
              <span className="menu-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
            )}
            {item.label}
          </div>
        ),
      )}
    </div>
  );
}
