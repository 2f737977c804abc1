/** Keyboard commands of the main window. Pure: the hook in App.tsx dispatches them. */
export type Command =
  | 'create'
  | 'presets'
  | 'import'
  | 'refresh'
  | 'filter'
  | 'start'
  | 'stop'
  | 'delete'
  | 'activity'
  | 'settings';

export interface KeyLike {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

interface Binding {
  command: Command;
  key: string;
  shift?: boolean;
}

/** ⌘ on a Mac, Ctrl elsewhere. Chosen not to clash with the browser's own shortcuts we still want. */
const BINDINGS: Binding[] = [
  { command: 'create', key: 'n' },
  { command: 'presets', key: 'n', shift: true },
  { command: 'import', key: 'i' },
  { command: 'settings', key: ',' },
  { command: 'refresh', key: 'r' },
  { command: 'filter', key: 'f' },
  { command: 'start', key: 's', shift: true },
  { command: 'stop', key: 'x', shift: true },
  { command: 'activity', key: 'a', shift: true },
  { command: 'delete', key: 'Backspace' },
];

/** The command a key press means, or null. Plain Delete deletes too, but never inside a text field. */
export function commandFor(event: KeyLike, mac: boolean, inTextField: boolean): Command | null {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) {
    return event.key === 'Delete' && !inTextField && !event.shiftKey && !event.altKey ? 'delete' : null;
  }
  if (event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const binding = BINDINGS.find((b) => b.key === key && !!b.shift === event.shiftKey);
  if (!binding) return null;
  // In a text field, ⌘⌫ deletes the line and ⌘F/⌘R keep their meaning only outside.
  if (inTextField && binding.command === 'delete') return null;
  return binding.command;
}

/** "⌘⇧S" or "Ctrl+Shift+S", for tooltips and menus. */
export function shortcutLabel(command: string, mac = isMac()): string | null {
  const b = BINDINGS.find((x) => x.command === command);
  if (!b) return null;
  const key = b.key === 'Backspace' ? (mac ? '⌫' : 'Backspace') : b.key.toUpperCase();
  return mac ? `⌘${b.shift ? '⇧' : ''}${key}` : `Ctrl+${b.shift ? 'Shift+' : ''}${key}`;
}
