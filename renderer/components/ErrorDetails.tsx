import type { AppErrorData } from '../../shared/errors';

/**
 * The friendly message first; orbctl's own text, argv and exit code behind a disclosure (`open` shows them
 * at once, for a person who asked to see what the job said).
 */
export function ErrorDetails({ error, open }: { error: AppErrorData; open?: boolean }) {
  const d = error.detail;
  const hasDetail = d && (d.argv || d.stderr || d.stdout || d.exitCode !== undefined || d.notes?.length);
  return (
    <div className="error-details">
      <p className="error-message">{error.message}</p>
      {hasDetail && (
        <details open={open}>
          <summary>Details</summary>
          <dl>
            <dt>Code</dt>
            <dd>{error.code}</dd>
            {d.argv && (
              <>
                <dt>Command</dt>
                <dd>
                  <code>{d.argv.join(' ')}</code>
                </dd>
              </>
            )}
            {d.exitCode !== undefined && (
              <>
                <dt>Exit code</dt>
                <dd>{d.exitCode === null ? `none (signal ${d.signal ?? '?'})` : d.exitCode}</dd>
              </>
            )}
            {d.durationMs !== undefined && (
              <>
                <dt>Took</dt>
                <dd>{(d.durationMs / 1000).toFixed(2)} s</dd>
              </>
            )}
            {d.stderr && (
              <>
                <dt>orbctl said</dt>
                <dd>
                  <pre>{d.stderr.trim()}</pre>
                </dd>
              </>
            )}
            {d.notes?.map((note) => (
              <dd key={note}>{note}</dd>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
