import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
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
  /**
   * Opened from the keyboard (the context-menu key, Return on a menu button): the first item is highlighted, as
   * macOS does; opened with the mouse, nothing is until the pointer or an arrow key moves.
   */
  byKeyboard?: boolean;
  onChoose(id: string): void;
  onClose(): void;
}

/**
 * A menu as macOS draws one, for the browser (Electron shows a native menu instead): arrows move between the
 * enabled items, Return chooses, Escape or a click elsewhere closes it, and focus goes back where it was. The
 * highlight follows the pointer; a disabled item says why under its label while the pointer is on it.
 */
export function PopupMenu({ items, x, y, label, byKeyboard = false, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const [position, setPosition] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    const box = ref.current!.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - box.width - 4)),
      top: Math.max(4, y + box.height > window.innerHeight ? y - box.height : y),
    });
    if (byKeyboard) ref.current!.querySelector<HTMLElement>(ENABLED_ITEMS)?.focus();
    else ref.current!.focus();
  }, [x, y, byKeyboard]);

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
    // From no highlight, Down goes to the first item and Up to the last.
    const next =
      at < 0 ? (delta > 0 ? 0 : enabled.length - 1) : (at + delta + enabled.length) % enabled.length;
    enabled[next]?.focus();
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
      tabIndex={-1}
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
            aria-label={item.label}
            title={item.reason}
            {...(!item.enabled && item.reason ? { 'aria-describedby': `${id}-${i}-why` } : {})}
            className={item.danger ? 'menu-item danger' : 'menu-item'}
            onMouseEnter={(e) => (item.enabled ? e.currentTarget.focus() : ref.current?.focus())}
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
            {!item.enabled && item.reason && (
              <span id={`${id}-${i}-why`} className="menu-reason">
                {item.reason}
              </span>
            )}
          </div>
        ),
      )}
    </div>
  );
}
