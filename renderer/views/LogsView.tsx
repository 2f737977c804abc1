import { useState } from 'react';
import { ask } from '../commands/core';
import { toErrorData, type AppErrorData } from '../../shared/errors';
import { CopyButton } from '../components/CopyButton';
import { ErrorDetails } from '../components/ErrorDetails';

/** `orbctl logs NAME`: loaded when asked for, refreshable and copyable. Keyed by machine name by its parent. */
export function LogsView({ name }: { name: string }) {
  const [text, setText] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const load = async (withAll = all) => {
    setLoading(true);
    setError(null);
    try {
      setText((await ask('machine:logs', { name, all: withAll })).text);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="logs" aria-label={`Logs of ${name}`}>
      <div className="logs-header">
        <h3>Logs</h3>
        <label className="inline">
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => {
              setAll(e.target.checked);
              if (text !== null) void load(e.target.checked);
            }}
          />
          Include runtime logs
        </label>
        <div className="toolbar-spacer" />
        <button type="button" onClick={() => void load()} disabled={loading}>
          {text === null ? 'Show Logs' : 'Refresh Logs'}
        </button>
        {text !== null && <CopyButton text={text} label="Copy Logs" />}
      </div>
      {error && <ErrorDetails error={error} />}
      {loading && text === null && <p className="muted">Loading…</p>}
      {text !== null && (
        <pre className="logs-text" tabIndex={0}>
          {text || '(no log lines)'}
        </pre>
      )}
    </section>
  );
}
