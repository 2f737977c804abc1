import Sparkline from 'sparklines';
import { useEffect, useRef } from 'react';
import type { UsagePoint } from '../../../shared/usage';
import { useMedia } from '../../hooks/use-media';
import { thinOut } from '../../model/usage-figures';

/** Points a graph this wide can show. */
const MAX_POINTS = 120;

/**
 * The last hour of one figure as a small filled line (the `sparklines` library draws it on a canvas), on a fixed
 * scale from 0 to `max`, so a busy machine looks busy and an idle one flat. Hovering a point shows its value.
 */
export function UsageGraph({
  label,
  points,
  pick,
  max,
  format,
}: {
  label: string;
  points: readonly UsagePoint[];
  pick: (p: UsagePoint) => number | null;
  max: number;
  format: (value: number) => string;
}) {
  const holder = useRef<HTMLSpanElement>(null);
  const dark = useMedia('(prefers-color-scheme: dark)');
  const values = thinOut(points, pick, MAX_POINTS);
  const key = values.join(',');
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const style = getComputedStyle(element);
    Sparkline.draw(element, values.length === 1 ? [values[0]!, values[0]!] : values, {
      width: Math.max(120, Math.floor(element.clientWidth)),
      height: 36,
      lineColor: style.getPropertyValue('--accent').trim() || '#0a66d8',
      endColor: style.getPropertyValue('--accent').trim() || '#0a66d8',
      fillLighten: dark ? -0.55 : 0.75,
      minValue: 0,
      maxValue: max,
      lineWidth: 1.5,
      dotRadius: 2,
      tooltip: (value: number) => format(value),
    });
  }, [key, max, dark]); // eslint-disable-line react-hooks/exhaustive-deps -- `values` is keyed by its text
  const since = points[0]?.at;
  return (
    <figure className="usage-graph" aria-label={`${label}, the last hour`}>
      {values.length === 0 ? (
        <p className="muted">No samples yet.</p>
      ) : (
        <span ref={holder} className="usage-graph-canvas" role="img" aria-label={`${label} graph`} />
      )}
      {since !== undefined && values.length > 0 && (
        <figcaption className="muted">
          <span>{`since ${new Date(since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}, while shown`}</span>
          <span>{`peak ${format(Math.max(...values))}`}</span>
        </figcaption>
      )}
    </figure>
  );
}
