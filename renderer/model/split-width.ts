/**
 * The inspector's width, as the person sets it with the divider (as Mail's message pane): kept between a width
 * its tabs fit in and a share of the window that leaves the list its Name column.
 */
export const INSPECTOR_WIDTH = {
  default: 320,
  min: 280,
  max: 720,
  /** The list keeps at least this much of the window beside the inspector. */
  listMin: 420,
  /** An arrow key moves the divider this far; with Shift, four times as far. */
  step: 16,
} as const;

/** The widest the inspector may be in a window (a split area) this wide. */
export function maxInspectorWidth(areaWidth: number): number {
  return Math.max(INSPECTOR_WIDTH.min, Math.min(INSPECTOR_WIDTH.max, areaWidth - INSPECTOR_WIDTH.listMin));
}

/** `width` brought within the limits; anything that is not a number gives the default. */
export function clampInspectorWidth(width: number, areaWidth: number): number {
  if (!Number.isFinite(width)) return INSPECTOR_WIDTH.default;
  return Math.round(Math.min(maxInspectorWidth(areaWidth), Math.max(INSPECTOR_WIDTH.min, width)));
}

/** What a key does to the width (the inspector is on the right: Left widens it), or null for other keys. */
export function widthAfterKey(key: string, shift: boolean, width: number, areaWidth: number): number | null {
  const step = INSPECTOR_WIDTH.step * (shift ? 4 : 1);
  switch (key) {
    case 'ArrowLeft':
      return clampInspectorWidth(width + step, areaWidth);
    case 'ArrowRight':
      return clampInspectorWidth(width - step, areaWidth);
    case 'Home':
      return INSPECTOR_WIDTH.min;
    case 'End':
      return maxInspectorWidth(areaWidth);
    case 'Enter':
      return clampInspectorWidth(INSPECTOR_WIDTH.default, areaWidth);
    default:
      return null;
  }
}

/** A stored width read back: a number within the absolute limits, else the default. */
export function storedInspectorWidth(text: string | null): number {
  const n = Number(text);
  return text !== null && Number.isFinite(n) && n >= INSPECTOR_WIDTH.min && n <= INSPECTOR_WIDTH.max
    ? n
    : INSPECTOR_WIDTH.default;
}
