import { useTakenNames } from '../../lib/use-taken-names';
import { useId, useState, type FormEvent } from 'react';
import { DISTROS, distroByCli } from '../../../shared/distros';
import { freeMachineName } from '../../../shared/names';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { LimitsFields } from '../../components/LimitsFields';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { useMachines } from '../../stores/machines';
import { selectCapabilities, useOrbctl } from '../../stores/orbctl';
import { useConnection } from '../../stores/connection';
import { useUi } from '../../stores/ui';
import type { Preset } from '../../../shared/presets';
import { createRequest, formFromPreset, presetRequest, type CreateForm } from './create-request';
import { useSubmit } from './use-submit';

/**
 * New machine: distro, version, architecture, name (free by default), user, cloud-init, newer options. Issue 15:
 * the form can be saved as a named preset, and with `preset` it edits that preset instead of creating.
 */
export function CreateDialog({ preset }: { preset?: Preset } = {}) {
  const close = useUi((s) => s.close);
  const select = useMachines((s) => s.select);
  const taken = useTakenNames();
  const capabilities = useOrbctl(selectCapabilities);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  // In the desktop app the file comes from the native dialog: the form keeps its grant and shows its path.
  const [cloudInitShown, setCloudInitShown] = useState('');
  const id = useId();
  const [form, setForm] = useState<CreateForm>(() =>
    preset
      ? formFromPreset(preset, freeMachineName(preset.distro, taken))
      : {
          distro: 'ubuntu',
          version: '',
          arch: '',
          name: freeMachineName('ubuntu', taken),
          user: '',
          cloudInitPath: '',
          isolated: false,
          cpus: '',
          memory: '',
          disk: '',
        },
  );
  // Issue 15: the preset's name, and whether an edited preset keeps its cloud-init content.
  const [presetName, setPresetName] = useState(preset?.name ?? '');
  const [keepCloudInit, setKeepCloudInit] = useState(preset?.cloudInit !== undefined);
  const [savedAs, setSavedAs] = useState<string | null>(null);

  const [nameEdited, setNameEdited] = useState(false);
  const { busy, error, submit } = useSubmit();
  const distro = distroByCli(form.distro)!;
  const built = createRequest(form, distro, capabilities);
  const nameProblem = newMachineNameProblem(form.name, taken);
  const problem = nameProblem ?? built.problem;
  const presetProblem = presetName.trim() ? built.problem : 'Give the preset a name.';
  const savePreset = () => {
    if (presetProblem || !built.request) return;
    const request = presetRequest(built.request, presetName, {
      ...(preset ? { id: preset.id } : {}),
      keepCloudInit,
    });
    void submit(async () => {
      const saved = await getApi().invoke('presets:save', request);
      if (preset) useUi.getState().open({ kind: 'presets' });
      else setSavedAs(saved.name);
    });
  };

  const set = (patch: Partial<CreateForm>) => setForm((f) => ({ ...f, ...patch }));
  const onDistro = (cli: string) =>
    set({ distro: cli, version: '', ...(nameEdited ? {} : { name: freeMachineName(cli, taken) }) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (preset) return savePreset();
    if (problem || !built.request) return;
    const request = built.request;
    void submit(async () => {
      await getApi().invoke('machine:create', request);
      select(request.name);
      close();
    });
  };

  return (
    <Dialog title={preset ? `Edit Preset “${preset.name}”` : 'New Machine'} onClose={close}>
      <form onSubmit={onSubmit} className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-distro`}>Distribution</label>
          <select
            id={`${id}-distro`}
            value={form.distro}
            onChange={(e) => onDistro(e.target.value)}
            data-autofocus
          >
            {DISTROS.map((d) => (
              <option key={d.cli} value={d.cli}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>Version</label>
          <select
            id={`${id}-version`}
            value={form.version}
            onChange={(e) => set({ version: e.target.value })}
          >
            <option value="">Latest ({distro.versions[0]})</option>
            {distro.versions.map((v) => {
              const numeric = Object.entries(distro.aliases).find(([, name]) => name === v)?.[0];
              return (
                <option key={v} value={v}>
                  {numeric ? `${v} (${numeric})` : v}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-arch`}>Architecture</label>
          <select
            id={`${id}-arch`}
            value={form.arch}
            onChange={(e) => set({ arch: e.target.value as CreateForm['arch'] })}
          >
            <option value="">Same as this Mac</option>
            <option value="arm64">arm64 (Apple silicon)</option>
            <option value="amd64">amd64 (Intel, emulated on Apple silicon)</option>
          </select>
        </div>
        {!preset && (
          <NameField
            label="Name"
            value={form.name}
            onChange={(name) => {
              setNameEdited(true);
              set({ name });
            }}
            taken={taken}
          />
        )}
        <div className="field">
          <label htmlFor={`${id}-user`}>Default user</label>
          <input
            id={`${id}-user`}
            value={form.user}
            placeholder="Your macOS user name"
            spellCheck={false}
            autoCapitalize="off"
            onChange={(e) => set({ user: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cloud`}>Cloud-init file</label>
          <div className="row">
            <input
              id={`${id}-cloud`}
              value={electron ? cloudInitShown : form.cloudInitPath}
              readOnly={electron}
              disabled={!distro.cloudInit}
              placeholder={
                distro.cloudInit
                  ? '/Users/you/user-data.yaml (optional)'
                  : `${distro.label} does not support cloud-init`
              }
              spellCheck={false}
              onChange={(e) => set({ cloudInitPath: e.target.value })}
            />
            {electron && distro.cloudInit && (
              <button
                type="button"
                onClick={() =>
                  void getApi()
                    .invoke('desktop:pick-files', { purpose: 'cloud-init' })
                    .then(({ files }) => {
                      const file = files[0];
                      if (!file) return;
                      set({ cloudInitPath: file.ref });
                      setCloudInitShown(file.path);
                    })
                    .catch(() => {})
                }
              >
                Choose…
              </button>
            )}
          </div>
        </div>
        {preset?.cloudInit !== undefined && !form.cloudInitPath && (
          <label className="inline field-wide">
            <input
              type="checkbox"
              checked={keepCloudInit}
              onChange={(e) => setKeepCloudInit(e.target.checked)}
            />
            Keep the preset’s cloud-init ({preset.cloudInit.length.toLocaleString()} characters)
          </label>
        )}
        {capabilities?.isolated && (
          <label className="inline field-wide">
            <input
              type="checkbox"
              checked={form.isolated}
              onChange={(e) => set({ isolated: e.target.checked })}
            />
            Isolated (no access to your Mac's files)
          </label>
        )}
        {capabilities?.resourceLimits && (
          <LimitsFields legend="Limits (optional)" value={form} onChange={set} />
        )}
        {built.problem && !nameProblem && (
          <p className="field-error field-wide" role="alert">
            {built.problem}
          </p>
        )}
        {error && (
          <div className="field-wide">
            <ErrorDetails error={error} />
          </div>
        )}
        <div className="field-wide preset-save">
          <label htmlFor={`${id}-preset`}>{preset ? 'Preset name' : 'Save as preset'}</label>
          <div className="row">
            <input
              id={`${id}-preset`}
              value={presetName}
              placeholder="e.g. Web server"
              onChange={(e) => {
                setPresetName(e.target.value);
                setSavedAs(null);
              }}
            />
            {!preset && (
              <button type="button" onClick={savePreset} disabled={!!presetProblem || busy}>
                Save as Preset
              </button>
            )}
            <button type="button" onClick={() => useUi.getState().open({ kind: 'presets' })}>
              Presets…
            </button>
          </div>
          {savedAs && <p role="status">Saved the preset “{savedAs}”.</p>}
        </div>
        {preset ? (
          <DialogButtons label="Save Preset" onCancel={close} disabled={!!presetProblem || busy} />
        ) : (
          <DialogButtons
            label={busy ? 'Creating…' : 'Create'}
            onCancel={close}
            disabled={!!problem || busy}
          />
        )}
      </form>
    </Dialog>
  );
}
