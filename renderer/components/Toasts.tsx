import { useState } from 'react';
import { staysUntilDismissed, toastMs, useToasts, type Toast } from '../state/toasts';
import { ErrorDetails } from './ErrorDetails';

/** How many toasts show at once; the rest wait behind "N more". */
const SHOWN = 3;

/**
 * The toasts in view, in the order they came: every one that stays until dismissed (errors are capped by the
 * store, notices are few), then the newest passing ones in the room left. A burst of passing messages never
 * hides an error or a notice behind "N more".
 */
export function toastsInView(toasts: readonly Toast[]): readonly Toast[] {
  const room = Math.max(0, SHOWN - toasts.filter(staysUntilDismissed).length);
  const passing = toasts.filter((t) => !staysUntilDismissed(t));
  const newest = new Set(room ? passing.slice(-room) : []);
  return toasts.filter((t) => staysUntilDismissed(t) || newest.has(t));
}

/**
 * Messages at the foot of the window, in a strip of their own (the list above gets shorter; nothing is
 * covered). Passing ones fade by themselves; errors and the core's notices stay until dismissed.
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const [all, setAll] = useState(false);
  const shown = all ? toasts : toastsInView(toasts);
  const hidden = toasts.length - shown.length;
  return (
    <div className="toasts" aria-live="polite">
      {hidden > 0 && (
        <button type="button" className="link toasts-more" onClick={() => setAll(true)}>
          {hidden} more…
        </button>
      )}
      {shown.map((t) => {
        const ms = toastMs(t);
        return (
          <div
            key={t.id}
            className={`toast toast-${t.kind}${ms === null ? '' : ' fading'}`}
            style={ms === null ? undefined : { animationDuration: `${ms}ms` }}
            role={t.kind === 'error' || t.kind === 'warning' ? 'alert' : 'status'}
          >
            {t.error ? <ErrorDetails error={t.error} /> : <p>{t.text}</p>}
            {t.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  t.action!.run();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
