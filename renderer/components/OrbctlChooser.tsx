import { useId, useState, type KeyboardEvent } from 'react';
import { ask } from '../commands/core';
import { useConnection } from '../state/connection';
import { useOrbctl } from '../state/orbctl';
import { useSubmit } from '../hooks/use-submit';
import { ErrorDetails } from './ErrorDetails';

/**
 * Where the person tells OrbDeck which orbctl to run: the native open dialog in the desktop app, a typed path in
 * a browser. The core keeps a choice only if the file answers `version` as orbctl does. When ORBDECK_ORBCTL is
 * set it wins over any choice, and this says so instead of offering one.
 */
export function OrbctlChooser({ label = 'Or tell OrbDeck where orbctl is' }: { label?: string }) {
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const demo = useConnection((s) => s.info?.demo === true);
  const status = useOrbctl((s) => s.status);
  const id = useId();
  const [path, setPath] = useState('');
  const { busy, error, submit } = useSubmit();

  const choose = (request: { path?: string | null }) =>
    submit(async () => {
      const answer = await ask('orbctl:choose', request);
      useOrbctl.getState().set(answer.status);
      if (answer.chosen) setPath('');
    });

  if (demo) return <p className="field-hint">In the demo, OrbDeck’s simulator stands in for orbctl.</p>;
  if (status?.pinnedByEnv) {
    return (
      <p className="field-hint">
        The ORBDECK_ORBCTL environment variable names <code>{status.pinnedByEnv}</code>; it wins over any
        choice made here. Change or unset it, then start OrbDeck again.
      </p>
    );
  }
  const submitPath = () => {
    if (path.trim()) void choose({ path: path.trim() });
  };
  // Not a <form>: this sits inside the Settings form, and Enter here must not save the settings.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    submitPath();
  };
  return (
    <div className="orbctl-chooser">
      {electron ? (
        <div className="row">
          <button type="button" onClick={() => void choose({})} disabled={busy}>
            Choose orbctl…
          </button>
        </div>
      ) : (
        <div className="locate">
          <label htmlFor={`${id}-path`}>{label}</label>
          <div className="row">
            <input
              id={`${id}-path`}
              value={path}
              placeholder="/Users/you/.orbstack/bin/orbctl"
              spellCheck={false}
              onChange={(e) => setPath(e.target.value)}
              onKeyDown={onKey}
            />
            <button type="button" onClick={submitPath} disabled={!path.trim() || busy}>
              Use This orbctl
            </button>
          </div>
        </div>
      )}
      {status?.source === 'setting' && (
        <button type="button" className="link" onClick={() => void choose({ path: null })} disabled={busy}>
          Find orbctl Automatically
        </button>
      )}
      {error && <ErrorDetails error={error} />}
    </div>
  );
}
