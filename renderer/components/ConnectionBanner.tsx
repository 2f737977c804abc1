import { useConnection } from '../state/connection';

/** Says so when the window has lost the core (headless host stopped or restarting). */
export function ConnectionBanner() {
  const state = useConnection((s) => s.state);
  if (state === 'open') return null;
  return (
    <div className="banner banner-warning" role="status">
      {state === 'connecting' ? 'Connecting to OrbDeck…' : 'Disconnected from OrbDeck. Reconnecting…'}
    </div>
  );
}
