import { useTakenNames } from '../../hooks/use-taken-names';
import { useId, useState, type FormEvent } from 'react';
import { DISTROS, distroByCli, latestLabel, versionLabel } from '../../../shared/distros';
import { freeMachineName } from '../../../shared/names';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { CloudInitEditor } from './CloudInitEditor';
import { LimitsFields } from '../../components/LimitsFields';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { useMachines } from '../../state/machines';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';
import { useUi } from '../../state/ui';
import type { Preset } from '../../../shared/presets';
import { createRequest, formFromPreset, presetRequest, type CreateForm } from './create-request';
import { useSubmit } from '../dialogs/use-submit';

/**
 * New machine: distro, version, architecture, name (free by default), user, cloud-init, newer options. The
 * form can be saved as a named preset, and with `preset` it edits that preset instead of creating.
 */
export function CreateDialog({ preset }: { preset?: Preset } = {}) {
  const close = useUi((s) => s.close);
  const select = useMachines((s) => s.select);
  const taken = useTakenNames();
  const capabilities = useOrbctl(selectCapabilities);
  // Errors in the cloud-init editor's text stop the create.
  const [cloudInitErrors, setCloudInitErrors] = useState(0);
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
          cloudInit: '',
          isolated: false,
          cpus: '',
          memory: '',
          disk: '',
        },
  );
  // The preset's name.
  const [presetName, setPresetName] = useState(preset?.name ?? '');
  const [savedAs, setSavedAs] = useState<string | null>(null);

  const [nameEdited, setNameEdited] = useState(false);
  const { busy, error, submit } = useSubmit();
  const distro = distroByCli(form.distro)!;
  const built = createRequest(form, distro, capabilities);
  const nameProblem = newMachineNameProblem(form.name, taken);
  const cloudInitProblem = cloudInitErrors > 0 ? 'Fix the cloud-init user data first.' : null;
  const problem = nameProblem ?? built.problem ?? cloudInitProblem;
  const presetProblem = presetName.trim() ? (built.problem ?? cloudInitProblem) : 'Give the preset a name.';
  const savePreset = () => {
    if (presetProblem || !built.request) return;
    const request = presetRequest(built.request, presetName, preset ? { id: preset.id } : {});
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
            <option value="">{latestLabel(distro)}</option>
            {distro.versions.map((v) => (
              <option key={v} value={v}>
                {versionLabel(distro, v)}
              </option>
            ))}
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
        <CloudInitEditor
          value={form.cloudInit}
          onChange={(cloudInit) => set({ cloudInit })}
          onErrors={setCloudInitErrors}
          unsupported={distro.cloudInit ? null : `${distro.label} does not support cloud-init`}
        />
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
