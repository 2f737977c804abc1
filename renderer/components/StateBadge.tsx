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

/**
 * A machine's state: a distinct look per known state, a spinner for transitions, unknown states as-is. A running
 * machine whose cloud-init has not finished (`settingUp`) reads "Setting up", as a transition.
 */
export function StateBadge({ state, settingUp = false }: { state: string; settingUp?: boolean }) {
  if (settingUp && state === 'running') {
    return (
      <span
        className="state-badge state-setting-up transitional"
        data-state="setting-up"
        title="cloud-init is still setting the machine up"
      >
        <span className="state-dot" aria-hidden="true" />
        Setting up
      </span>
    );
  }
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
