import { useToasts } from '../stores/toasts';
import { ErrorDetails } from './ErrorDetails';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.kind}`}
          role={t.kind === 'error' || t.kind === 'warning' ? 'alert' : 'status'}
        >
          {t.error ? <ErrorDetails error={t.error} /> : <p>{t.text}</p>}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
