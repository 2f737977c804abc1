import { COMMANDS, KEY_TABLE, chordOf, type CommandName, type KeyedCommand } from '../../shared/commands';

/** Keyboard commands of the main window: the keyed commands of shared/commands.ts. Pure: a hook dispatches them. */
export type Command = KeyedCommand;

export interface KeyLike {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/**
 * The command a key press means, or null: ⌘ on a Mac, Ctrl elsewhere, with the Shift and Alt of the command's
 * keys. Plain Delete deletes too, but never inside a text field, where ⌘⌫ deletes the line.
 */
export function commandFor(event: KeyLike, mac: boolean, inTextField: boolean): Command | null {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) {
    return event.key === 'Delete' && !inTextField && !event.shiftKey && !event.altKey ? 'delete' : null;
  }
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const hit = KEY_TABLE.find(
    ({ chord }) => chord.key === key && chord.shift === event.shiftKey && chord.alt === event.altKey,
  );
  if (!hit) return null;
  if (inTextField && hit.command === 'delete') return null;
  return hit.command;
}

/** "⌘⇧S" or "Ctrl+Shift+S", for tooltips and menus drawn by the window; null for a command without a key. */
export function shortcutLabel(command: CommandName, mac = isMac()): string | null {
  const keys: string | undefined = (COMMANDS[command] as { keys?: string }).keys;
  if (!keys) return null;
  const chord = chordOf(keys);
  const key = chord.key === 'Backspace' ? (mac ? '⌫' : 'Backspace') : chord.key.toUpperCase();
  return mac
    ? `⌘${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`
    : `Ctrl+${chord.alt ? 'Alt+' : ''}${chord.shift ? 'Shift+' : ''}${key}`;
}
