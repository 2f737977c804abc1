import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/ipc/settings';
import { Dialog } from '../../components/Dialog';
import { OrbctlChooser } from '../../components/OrbctlChooser';
import { useConnection } from '../../state/connection';
import { useOrbctl } from '../../state/orbctl';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { useApplySetting } from './use-apply-setting';

type Toggle =
  | 'notifications'
  | 'openAtLogin'
  | 'closeToMenuBar'
  | 'hideDockWhenClosed'
  | 'agentEndpoint'
  | 'agentsMayStartStop';
type Field = Toggle | 'pollSeconds' | 'exportFolder';

/** Settings (⌘,), kept in ORBDECK_DATA_DIR/settings.json. */
export function SettingsDialog() {
  const close = useUi((s) => s.close);
  const settings = useSettings((s) => s.settings);
  if (!settings) {
    return (
      <Dialog title="Settings" onClose={close}>
        <p aria-busy="true">Loading…</p>
      </Dialog>
    );
  }
  return <SettingsForm settings={settings} />;
}

/**
 * Every setting applies as it changes: a checkbox at once, a text field when it is left or Return is pressed.
 * A value the core refuses is named beside its field ("Not applied: …") and the saved one stays; Done closes.
 */
function SettingsForm({ settings }: { settings: Settings }) {
  const close = useUi((s) => s.close);
  const orbctl = useOrbctl((s) => s.status);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const { problems, applied, apply } = useApplySetting<Field>();
  // A box shows its new state at once, while the core applies it; a refusal puts it back.
  const [ticking, setTicking] = useState<Partial<Record<Toggle, boolean>>>({});
  const tick = async (key: Toggle, on: boolean, label: string) => {
    setTicking((t) => ({ ...t, [key]: on }));
    await apply(key, { [key]: on }, label);
    setTicking(({ [key]: _done, ...rest }) => rest);
  };
  const [text, setText] = useState(() => ({
    pollSeconds: String(settings.pollIntervalMs / 1000),
    exportFolder: settings.exportFolder ?? '',
  }));

  /** Applies the text fields that differ from what is saved; false when one was refused. */
  const applyText = async (only?: 'pollSeconds' | 'exportFolder'): Promise<boolean> => {
    let ok = true;
    const seconds = Math.round(Number(text.pollSeconds) * 1000);
    if ((!only || only === 'pollSeconds') && seconds !== settings.pollIntervalMs)
      ok = (await apply('pollSeconds', { pollIntervalMs: seconds }, 'Refresh interval')) && ok;
    const folder = text.exportFolder.trim() || null;
    if ((!only || only === 'exportFolder') && folder !== settings.exportFolder)
      ok = (await apply('exportFolder', { exportFolder: folder }, 'Export folder')) && ok;
    return ok;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void applyText();
  };
  const done = async () => {
    if (await applyText()) close();
  };

  const check = (key: Toggle, label: string, disabled = false) => (
    <label className="inline field-wide">
      <input
        type="checkbox"
        checked={ticking[key] ?? settings[key]}
        disabled={disabled}
        aria-describedby={problems[key] ? `${id}-${key}-problem` : undefined}
        onChange={(e) => void tick(key, e.target.checked, label)}
      />
      {label}
      {problems[key] && (
        <span id={`${id}-${key}-problem`} className="field-error" role="alert">
          Not applied: {problems[key].message}
        </span>
      )}
    </label>
  );
  const textProblem = (key: 'pollSeconds' | 'exportFolder') =>
    problems[key] && (
      <p id={`${id}-${key}-problem`} className="field-error" role="alert">
        Not applied: {problems[key].message}
      </p>
    );

  // Closing applies what was typed last; a refused value keeps the sheet open with its reason.
  return (
    <Dialog title="Settings" onClose={() => void done()}>
      <form onSubmit={onSubmit} className="form-grid">
        <div className="field field-wide" role="group" aria-labelledby={`${id}-orbctl`}>
          <span id={`${id}-orbctl`} className="field-label">
            orbctl
          </span>
          <p className="field-hint">
            {orbctl?.path
              ? `In use: ${orbctl.path}${orbctl.version ? ` (OrbStack ${orbctl.version})` : ''}${orbctl.source === 'setting' ? ', chosen here' : orbctl.source === 'search' ? ', found on its own' : ''}.`
              : 'Not found yet.'}{' '}
            Without a choice, OrbDeck looks in PATH, ~/.orbstack/bin, /usr/local/bin and /opt/homebrew/bin.
          </p>
          <OrbctlChooser label="Use another orbctl" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-poll`}>Refresh every (seconds)</label>
          <input
            id={`${id}-poll`}
            inputMode="decimal"
            value={text.pollSeconds}
            aria-invalid={problems.pollSeconds ? true : undefined}
            aria-describedby={problems.pollSeconds ? `${id}-pollSeconds-problem` : undefined}
            onChange={(e) => setText((t) => ({ ...t, pollSeconds: e.target.value }))}
            onBlur={() => void applyText('pollSeconds')}
            onKeyDown={(e) => e.key === 'Enter' && void applyText('pollSeconds')}
            data-autofocus
          />
          {textProblem('pollSeconds')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-export`}>Export folder</label>
          <input
            id={`${id}-export`}
            value={text.exportFolder}
            spellCheck={false}
            placeholder="The last folder used"
            aria-invalid={problems.exportFolder ? true : undefined}
            aria-describedby={problems.exportFolder ? `${id}-exportFolder-problem` : undefined}
            onChange={(e) => setText((t) => ({ ...t, exportFolder: e.target.value }))}
            onBlur={() => void applyText('exportFolder')}
            onKeyDown={(e) => e.key === 'Enter' && void applyText('exportFolder')}
          />
          {textProblem('exportFolder')}
        </div>
        {check('notifications', 'Notify me when a job ends while OrbDeck is in the background')}
        {!electron && <p className="field-hint field-wide">These apply to the desktop app:</p>}
        {check('openAtLogin', 'Open OrbDeck at login')}
        {check('closeToMenuBar', 'Keep OrbDeck in the menu bar when its window is closed')}
        {check(
          'hideDockWhenClosed',
          'Also hide its Dock icon while the window is closed',
          !settings.closeToMenuBar,
        )}
        <p className="field-hint field-wide">
          Agents (MCP clients such as Claude Desktop) reach OrbDeck through its MCP program; they read every
          machine and change sandboxes only, and each of their calls shows in Activity and History.
        </p>
        {check('agentEndpoint', 'Let agents use OrbDeck')}
        {check(
          'agentsMayStartStop',
          'Let agents start and stop machines that are not sandboxes',
          !settings.agentEndpoint,
        )}
        <div className="dialog-buttons">
          <p className="settings-status muted" role="status">
            {applied ?? 'Changes apply as you make them.'}
          </p>
          <span className="dialog-buttons-gap" />
          <button type="button" className="primary" onClick={() => void done()}>
            Done
          </button>
        </div>
      </form>
    </Dialog>
  );
}
