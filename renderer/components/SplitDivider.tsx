import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampInspectorWidth, INSPECTOR_WIDTH, maxInspectorWidth, widthAfterKey } from '../model/split-width';
import { useInspectorWidth } from '../state/inspector-width';

/**
 * The divider between the list and the inspector: drag it, or focus it and use the arrow keys (Shift for
 * bigger steps, Home and End for the limits, Return for the usual width); double-click gives the usual width.
 * A window splitter in the WAI-ARIA sense, its value the inspector's width.
 */
export function SplitDivider({ area }: { area: () => HTMLElement | null }) {
  const width = useInspectorWidth((s) => s.width);
  const setWidth = useInspectorWidth((s) => s.setWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const areaWidth = () => area()?.clientWidth ?? window.innerWidth;
  const shown = clampInspectorWidth(width, areaWidth());

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, width: shown };
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setWidth(clampInspectorWidth(drag.current.width + drag.current.x - e.clientX, areaWidth()));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = widthAfterKey(e.key, e.shiftKey, shown, areaWidth());
    if (next === null) return;
    e.preventDefault();
    setWidth(next);
  };
  return (
    <div
      className="split-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Inspector width"
      aria-valuenow={shown}
      aria-valuemin={INSPECTOR_WIDTH.min}
      aria-valuemax={maxInspectorWidth(areaWidth())}
      aria-valuetext={`${shown} pixels`}
      tabIndex={0}
      title="Drag to resize the inspector; double-click for its usual width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setWidth(clampInspectorWidth(INSPECTOR_WIDTH.default, areaWidth()))}
    />
  );
}
