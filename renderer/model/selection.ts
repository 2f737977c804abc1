/**
 * Which machines are selected, as a Mac list does it: a click selects one, ⌘-click adds or removes one, ⇧-click
 * selects the range from the anchor (the last plain or ⌘-click) to the clicked row in the order shown, ⌘A all.
 * Pure, so the rules are tested once; the store holds the value.
 */
export interface Selection {
  /** Selected names, in the order they were added. */
  names: readonly string[];
  /** The row the keyboard is on and the inspector shows; null when nothing is selected. */
  focus: string | null;
  /** Where a ⇧-click range starts. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { names: [], focus: null, anchor: null };

export type ClickModifiers = { toggle?: boolean; range?: boolean };

export function selectOne(name: string | null): Selection {
  return name === null ? EMPTY_SELECTION : { names: [name], focus: name, anchor: name };
}

/** The selection after a click on `name`, with `shown` the names in the order the list shows them. */
export function clickSelection(
  current: Selection,
  name: string,
  modifiers: ClickModifiers,
  shown: readonly string[],
): Selection {
  if (modifiers.range && current.anchor !== null && shown.includes(current.anchor)) {
    const from = shown.indexOf(current.anchor);
    const to = shown.indexOf(name);
    if (to === -1) return current;
    const range = shown.slice(Math.min(from, to), Math.max(from, to) + 1);
    // ⌘⇧-click adds the range; ⇧-click replaces the selection with it.
    const names = modifiers.toggle ? [...new Set([...current.names, ...range])] : range;
    return { names, focus: name, anchor: current.anchor };
  }
  if (modifiers.toggle) {
    if (current.names.includes(name)) {
      const names = current.names.filter((n) => n !== name);
      return { names, focus: names.at(-1) ?? null, anchor: names.length ? name : null };
    }
    return { names: [...current.names, name], focus: name, anchor: name };
  }
  return selectOne(name);
}

export function selectAll(shown: readonly string[], current: Selection): Selection {
  if (shown.length === 0) return EMPTY_SELECTION;
  const focus = current.focus !== null && shown.includes(current.focus) ? current.focus : shown[0]!;
  return { names: [...shown], focus, anchor: current.anchor ?? focus };
}

/** Only names that still exist stay selected (after a poll, a delete or a rename). */
export function pruneSelection(current: Selection, exists: (name: string) => boolean): Selection {
  if (current.names.every(exists) && (current.focus === null || exists(current.focus))) return current;
  const names = current.names.filter(exists);
  const focus = current.focus !== null && exists(current.focus) ? current.focus : (names.at(-1) ?? null);
  const anchor = current.anchor !== null && exists(current.anchor) ? current.anchor : focus;
  return { names, focus, anchor };
}

/** The selection with machine `from` now called `to` (a rename). */
export function renameInSelection(current: Selection, from: string, to: string): Selection {
  const rename = (n: string | null) => (n === from ? to : n);
  if (!current.names.includes(from) && current.focus !== from && current.anchor !== from) return current;
  return {
    names: current.names.map((n) => rename(n)!),
    focus: rename(current.focus),
    anchor: rename(current.anchor),
  };
}
