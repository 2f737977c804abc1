import { useId, useState, type FormEvent } from 'react';
import type { Settings, SettingsUserPatch } from '../../../shared/ipc/settings';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { OrbctlChooser } from '../../components/OrbctlChooser';
import { useConnection } from '../../state/connection';
import { useOrbctl } from '../../state/orbctl';
import { useSettings } from '../../state/settings';
import { refreshOrbctlStatus } from '../../state/sync';
import { useUi } from '../../state/ui';
import { useSubmit } from '../dialogs/use-submit';

/** Settings (⌘,), saved in ORBDECK_DATA_DIR/settings.json; a bad value is refused with its field named. */
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

function SettingsForm({ settings }: { settings: Settings }) {
  const close = useUi((s) => s.close);
  const orbctl = useOrbctl((s) => s.status);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const id = useId();
  const [form, setForm] = useState(() => ({
    pollSeconds: String(settings.pollIntervalMs / 1000),
    exportFolder: settings.exportFolder ?? '',
    notifications: settings.notifications,
    openAtLogin: settings.openAtLogin,
    closeToMenuBar: settings.closeToMenuBar,
    hideDockWhenClosed: settings.hideDockWhenClosed,
    agentEndpoint: settings.agentEndpoint,
    agentsMayStartStop: settings.agentsMayStartStop,
  }));
  const { busy, error, submit } = useSubmit();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const patch: SettingsUserPatch = {
        pollIntervalMs: Math.round(Number(form.pollSeconds) * 1000),
        exportFolder: form.exportFolder.trim() || null,
        notifications: form.notifications,
        openAtLogin: form.openAtLogin,
        closeToMenuBar: form.closeToMenuBar,
        hideDockWhenClosed: form.hideDockWhenClosed,
        agentEndpoint: form.agentEndpoint,
        agentsMayStartStop: form.agentsMayStartStop,
      };
      await getApi().invoke('settings:set', patch);
      await refreshOrbctlStatus(getApi());
      close();
    });
  };

  const check = (
    key:
      | 'notifications'
      | 'openAtLogin'
      | 'closeToMenuBar'
      | 'hideDockWhenClosed'
      | 'agentEndpoint'
      | 'agentsMayStartStop',
    label: string,
    disabled = false,
  ) => (
    <label className="inline field-wide">
      <input
        type="checkbox"
        checked={form[key]}
        disabled={disabled}
        onChange={(e) => set({ [key]: e.target.checked })}
      />
      {label}
    </label>
  );

  return (
    <Dialog title="Settings" onClose={close}>
      <form onSubmit={onSubmit} className="form-grid">
        <div className="field field-wide" role="group" aria-labelledby={`${id}-orbctl`}>
          <span id={`${id}-orbctl`} className="label">
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
            value={form.pollSeconds}
            onChange={(e) => set({ pollSeconds: e.target.value })}
            data-autofocus
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-export`}>Export folder</label>
          <input
            id={`${id}-export`}
            value={form.exportFolder}
            spellCheck={false}
            placeholder="The last folder used"
            onChange={(e) => set({ exportFolder: e.target.value })}
          />
        </div>
        {check('notifications', 'Notify me when a job ends while OrbDeck is in the background')}
        {!electron && <p className="field-hint field-wide">These apply to the desktop app:</p>}
        {check('openAtLogin', 'Open OrbDeck at login')}
        {check('closeToMenuBar', 'Keep OrbDeck in the menu bar when its window is closed')}
        {check(
          'hideDockWhenClosed',
          'Also hide its Dock icon while the window is closed',
          !form.closeToMenuBar,
        )}
        <p className="field-hint field-wide">
          Agents (MCP clients such as Claude Desktop) reach OrbDeck through its MCP program; they read every
          machine and change sandboxes only, and each of their calls shows in Activity and History.
        </p>
        {check('agentEndpoint', 'Let agents use OrbDeck')}
        {check(
          'agentsMayStartStop',
          'Let agents start and stop machines that are not sandboxes',
          !form.agentEndpoint,
        )}
        {error && (
          <div className="field-wide">
            <ErrorDetails error={error} />
          </div>
        )}
        <DialogButtons label="Save" onCancel={close} disabled={busy} />
      </form>
    </Dialog>
  );
}
