import { useState } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { ask } from '../commands/core';
import { ErrorDetails } from '../components/ErrorDetails';
import { OrbctlChooser } from '../components/OrbctlChooser';
import { useOrbctl } from '../state/orbctl';
import { useConnection } from '../state/connection';
import { useUi } from '../state/ui';
import { useSubmit } from '../hooks/use-submit';

export function NoMachines() {
  const open = useUi((s) => s.open);
  return (
    <section className="empty-state" aria-label="No machines">
      <h2>No machines yet</h2>
      <p>A machine is a full Linux system that runs next to macOS, sharing its files and network.</p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={() => open({ kind: 'create' })}>
          Create a Machine…
        </button>
      </div>
    </section>
  );
}

/** orbctl was not found: say where we looked, and offer the ways forward. */
export function OrbctlNotFound({ error }: { error: AppErrorData }) {
  const info = useConnection((s) => s.info);
  const pinned = useOrbctl((s) => s.status?.pinnedByEnv ?? null);
  return (
    <section className="empty-state wide" aria-label="orbctl not found">
      <h2>OrbStack’s orbctl was not found</h2>
      {pinned ? (
        <p>
          OrbDeck was told to use <code>{pinned}</code> (the ORBDECK_ORBCTL environment variable), and that
          does not work. The variable wins over everything else, so OrbDeck does not look anywhere else.
        </p>
      ) : (
        <p>
          OrbDeck manages the Linux machines of{' '}
          <a href="https://orbstack.dev" target="_blank" rel="noreferrer">
            OrbStack
          </a>
          , which runs on macOS. Install OrbStack, then come back: OrbDeck finds it on its own.
        </p>
      )}
      <ErrorDetails error={error} />
      <OrbctlChooser />
      <p className="muted">
        Just looking? Try OrbDeck with simulated machines:{' '}
        {info?.transport === 'electron' ? 'start it with --demo' : 'run npm run demo'}.
      </p>
    </section>
  );
}

/** The first list failed: the error alone (there is no "last seen" list, and no search to match). */
export function FirstListFailed({ error }: { error: AppErrorData }) {
  const { busy, submit } = useSubmit();
  return (
    <section className="empty-state" aria-label="Could not list machines" role="alert">
      <h2>Could not list your machines</h2>
      <ErrorDetails error={error} />
      <div className="empty-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void submit(async () => void (await ask('machines:refresh', {})))}
        >
          {busy ? 'Trying…' : 'Try Again'}
        </button>
      </div>
    </section>
  );
}

export function OrbStackNotRunning({ error }: { error: AppErrorData }) {
  const { busy, error: startError, submit } = useSubmit();
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <section className="empty-state" aria-label="OrbStack not running">
      <h2>OrbStack is not running</h2>
      <p>Your machines are there, but OrbStack has to run to show and use them.</p>
      <div className="empty-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() =>
            void submit(async () => {
              setOutcome(null);
              await ask('orbstack:start', {});
              setOutcome('OrbStack started. Your machines will appear in a moment.');
            })
          }
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Starting OrbStack…' : 'Start OrbStack'}
        </button>
      </div>
      {busy && (
        <p className="muted" role="status">
          Waiting for OrbStack to start; this can take a minute.
        </p>
      )}
      {outcome && !busy && <p role="status">{outcome}</p>}
      <ErrorDetails error={startError ?? error} />
    </section>
  );
}
