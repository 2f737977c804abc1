// How an export's check reads, in the import preview and in Verify Export alike.
import { formatBytes } from '../../model/format';
import type { ExportCheckState } from '../../hooks/use-export-check';

export function ChecksumStatus({ state }: { state: ExportCheckState }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'checking') {
    const { bytesDone, bytesTotal } = state;
    const fraction = bytesTotal > 0 ? bytesDone / bytesTotal : undefined;
    return (
      <div className="checksum-status" role="status" aria-label="Checksum">
        <p>
          Checking its checksum…
          {bytesTotal > 0 && ` ${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`}
        </p>
        <progress max={1} {...(fraction === undefined ? {} : { value: fraction })} />
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <p className="checksum-status banner banner-warning" role="status" aria-label="Checksum">
        The checksum could not be checked: {state.message}
      </p>
    );
  }
  const tone =
    state.verdict === 'mismatch' ? 'banner-error' : state.verdict === 'writing' ? 'banner-warning' : '';
  return (
    <p className={`checksum-status banner ${tone}`} role="status" aria-label="Checksum">
      {state.message}
    </p>
  );
}
