import { rowPlace } from './columns';
import type { Placeholder } from '../../model/row-marks';
import { BUSY_WORDS } from '../../../shared/jobs';
import { ProgressLine } from './ProgressLine';

/** A machine that is being created, cloned or imported: shown at once, not selectable until it exists. */
export function PlaceholderRow({
  row,
  index,
  top,
}: {
  row: Placeholder;
  index: number;
  /** The row's offset in the list body. */
  top: number;
}) {
  const { job } = row;
  return (
    <div
      role="row"
      aria-label={`${row.name} (${job.state === 'queued' ? 'queued' : BUSY_WORDS[job.kind].replace('…', '').toLowerCase()})`}
      aria-rowindex={index + 2}
      aria-disabled="true"
      data-placeholder={row.name}
      className="grid-row placeholder"
      style={rowPlace(top)}
      title={job.title}
    >
      <div role="gridcell" className="col-name">
        <span className="name-text">{row.name}</span>
      </div>
      <div role="gridcell" className="col-state">
        <span className="busy-cell">
          <span className="busy-note">{job.state === 'queued' ? 'Queued…' : BUSY_WORDS[job.kind]}</span>
          <ProgressLine job={job} />
        </span>
      </div>
      <div role="gridcell" className="col-distro muted">
        {job.title}
      </div>
      <div role="gridcell" className="col-arch" />
      <div role="gridcell" className="col-ip" />
      <div role="gridcell" className="col-disk" />
      <div role="gridcell" className="col-power" />
    </div>
  );
}
