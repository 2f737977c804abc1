/**
 * Type-to-select in a list, as Finder does: the letters typed in quick succession make a prefix, and the first
 * name (in the order shown) that starts with it is selected; the same letter again steps through the names that
 * start with it. A pause starts a new prefix.
 */
export const TYPE_SELECT_PAUSE_MS = 1000;

/** The name a typed prefix selects, or null when none starts with it. */
export function matchTyped(names: readonly string[], typed: string, current: string | null): string | null {
  const prefix = typed.toLowerCase();
  if (!prefix) return null;
  const exact = names.find((n) => n.toLowerCase().startsWith(prefix));
  if (exact) return exact;
  // "www" with no name starting so: the names starting with "w", one after the other.
  const letter = prefix[0]!;
  if (![...prefix].every((c) => c === letter)) return null;
  const starting = names.filter((n) => n.toLowerCase().startsWith(letter));
  if (starting.length === 0) return null;
  return starting[(starting.indexOf(current ?? '') + 1) % starting.length]!;
}

/** Keeps what was typed lately; `now` is the clock (tests pass their own). */
export class TypeSelect {
  private typed = '';
  private at = -Infinity;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether a key press is a letter to type-select with (no modifiers, not a space). */
  static wants(event: { key: string; metaKey: boolean; ctrlKey: boolean; altKey: boolean }): boolean {
    return event.key.length === 1 && event.key !== ' ' && !event.metaKey && !event.ctrlKey && !event.altKey;
  }

  /** The name to select after `key` is typed, or null. */
  next(key: string, names: readonly string[], current: string | null): string | null {
    const time = this.now();
    this.typed = time - this.at > TYPE_SELECT_PAUSE_MS ? key : this.typed + key;
    this.at = time;
    return matchTyped(names, this.typed, current);
  }
}
