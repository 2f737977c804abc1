import { useState } from 'react';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import type { FolderSizes } from '../../../shared/usage';
import { getApi } from '../../api/api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../model/format';

/** The largest folders under a path, measured only when asked; a folder opens its own. */
export function LargestFolders({ machine }: { machine: Machine }) {
  const [sizes, setSizes] = useState<FolderSizes | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const measure = async (path: string) => {
    setBusy(path);
    setError(null);
    try {
      setSizes(await getApi().invoke('machine:largest-folders', { name: machine.name, path }));
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(null);
    }
  };
  const running = machine.state === 'running';
  const parent = sizes && sizes.path !== '/' ? sizes.path.replace(/\/[^/]+$/, '') || '/' : null;
  return (
    <div className="largest-folders">
      <div className="row">
        <button
          type="button"
          disabled={!running || busy !== null}
          title={
            running
              ? 'One du run in the machine, on this filesystem only'
              : `${machine.name} is ${machine.state}`
          }
          onClick={() => void measure(sizes?.path ?? '/')}
        >
          {busy ? `Measuring ${busy}…` : sizes ? 'Measure Again' : 'Largest Folders'}
        </button>
        {parent && (
          <button type="button" disabled={busy !== null} onClick={() => void measure(parent)}>
            Up to {parent}
          </button>
        )}
      </div>
      {error && <ErrorDetails error={error} />}
      {sizes && (
        <table className="folder-sizes" aria-label={`Largest folders in ${sizes.path}`}>
          <caption className="muted">
            {sizes.path}: {formatBytes(sizes.totalBytes)}
            {sizes.partial ? ' (some files could not be read)' : ''}
          </caption>
          <tbody>
            {sizes.folders.map((f) => (
              <tr key={f.path}>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={busy !== null}
                    onClick={() => void measure(f.path)}
                  >
                    {f.path}
                  </button>
                </td>
                <td className="num">{formatBytes(f.bytes)}</td>
                <td className="bar-cell" aria-hidden>
                  <span
                    className="bar"
                    style={{ width: `${sizes.totalBytes ? (f.bytes / sizes.totalBytes) * 100 : 0}%` }}
                  />
                </td>
              </tr>
            ))}
            {sizes.more > 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  and {sizes.more} smaller
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
