// The end of a machine's cloud-init log (/var/log/cloud-init-output.log), read when asked.
import { useCallback, useEffect, useState } from 'react';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import { ask } from '../../commands/core';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useUi } from '../../state/ui';
// The log box of a command's output (Run Command), for the log read out of the machine.
import '../run/run.css';

export function SetupLogDialog({ machine }: { machine: string }) {
  const onClose = useUi((s) => s.close);
  const [log, setLog] = useState<{ text: string; truncated: boolean } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fetchLog = useCallback(
    () =>
      ask('setup:log', { name: machine }).then(
        (answer) => {
          setError(null);
          setLog(answer);
        },
        (e: unknown) => setError(toErrorData(e)),
      ),
    [machine],
  );
  useEffect(() => void fetchLog(), [fetchLog]);
  return (
    <Dialog title={`cloud-init Log of ${machine}`} onClose={onClose}>
      <p className="muted">
        /var/log/cloud-init-output.log in the machine{log?.truncated ? ', its last 256 KB' : ''}.
      </p>
      {error && <ErrorDetails error={error} />}
      <pre className="run-output" aria-label="cloud-init log" tabIndex={0}>
        {log ? log.text || '(empty)' : 'Reading…'}
      </pre>
      <div className="dialog-buttons">
        {log && <CopyButton text={log.text} label="Copy Log" />}
        <button type="button" onClick={() => void fetchLog()}>
          Refresh
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
