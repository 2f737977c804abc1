// In the inspector, what cloud-init is doing to a machine just created with it.
import { ask } from '../../commands/core';
import { useSetupByName } from '../../state/setup';
import { useUi } from '../../state/ui';

export function SetupBanner({ machine }: { machine: string }) {
  const setup = useSetupByName().get(machine);
  if (!setup) return null;
  const showLog = () => useUi.getState().open({ kind: 'setup-log', machine });
  if (setup.state === 'setting-up')
    return (
      <div className="banner setup-banner" role="status" aria-label="Setting up">
        <strong>Setting up.</strong> cloud-init is still preparing {machine}; it shows as Running when it has
        finished.{' '}
        <button type="button" className="link" onClick={showLog}>
          Show Log
        </button>
      </div>
    );
  return (
    <div className="banner banner-error setup-banner" role="alert" aria-label="cloud-init failed">
      <strong>cloud-init failed.</strong> The machine runs, but what its user data asked for may be missing.
      {setup.errors && setup.errors.length > 0 && (
        <ul>
          {setup.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="banner-actions">
        <button type="button" onClick={showLog}>
          Show Log
        </button>
        <button type="button" onClick={() => void ask('setup:dismiss', { name: machine }).catch(() => {})}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
