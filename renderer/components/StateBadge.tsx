import { isKnownState, TRANSITIONAL_STATES } from '../../shared/machine';

const LABELS: Record<string, string> = {
  running: 'Running',
  stopped: 'Stopped',
  starting: 'Starting',
  stopping: 'Stopping',
  creating: 'Creating',
  deleting: 'Deleting',
  provisioning: 'Provisioning',
};

/** A machine's state: a distinct look per known state, a spinner for transitions, unknown states as-is. */
export function StateBadge({ state }: { state: string }) {
  const known = isKnownState(state);
  const transitional = TRANSITIONAL_STATES.includes(state);
  const label = known ? LABELS[state] : state;
  return (
    <span
      className={`state-badge state-${known ? state : 'unknown'}${transitional ? ' transitional' : ''}`}
      data-state={state}
    >
      <span className="state-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
