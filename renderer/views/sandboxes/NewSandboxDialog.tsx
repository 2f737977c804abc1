import { useId, useState, type FormEvent } from 'react';
import { DISTROS, distroByCli } from '../../../shared/distros';
import { freeMachineName, newMachineNameProblem } from '../../../shared/names';
import { SANDBOX_NAME_STEM, TIME_LIMIT_CHOICES, type TimeLimitEnd } from '../../../shared/sandboxes';
import { getApi } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { LimitsFields } from '../../components/LimitsFields';
import { NameField } from '../../components/NameField';
import { useTakenNames } from '../../hooks/use-taken-names';
import { sandboxRequest, type SandboxForm } from '../../model/sandbox-form';
import { useMachines } from '../../state/machines';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';
import { useUi } from '../../state/ui';
import { CloudInitEditor } from '../create/CloudInitEditor';
import { useSubmit } from '../dialogs/use-submit';
import { usePresets } from '../presets/PresetsDialog';

/**
 * New Sandbox: an isolated machine (from a preset, or a distro with its cloud-init), limits, and an optional
 * time limit after which it is reset or deleted. Its golden checkpoint is taken once cloud-init is done.
 */
export function NewSandboxDialog({ preset }: { preset?: string }) {
  const close = useUi((s) => s.close);
  const taken = useTakenNames();
  const capabilities = useOrbctl(selectCapabilities);
  const presets = usePresets();
  const id = useId();
  const [cloudInitErrors, setCloudInitErrors] = useState(0);
  const [form, setForm] = useState<SandboxForm>(() => ({
    preset: preset ?? '',
    distro: 'ubuntu',
    version: '',
    arch: '',
    name: freeMachineName(SANDBOX_NAME_STEM, taken),
    user: '',
    cloudInit: '',
    isolated: true,
    // A sandbox has limits unless the person clears them: an experiment should not take the whole Mac.
    cpus: capabilities?.resourceLimits ? '2' : '',
    memory: capabilities?.resourceLimits ? '4G' : '',
    disk: '',
    timeLimit: 0,
    then: 'reset',
  }));
  const set = (patch: Partial<SandboxForm>) => setForm((f) => ({ ...f, ...patch }));
  const { busy, error, submit } = useSubmit();
  const distro = distroByCli(form.distro)!;
  const built = sandboxRequest(form, distro, capabilities);
  const fromPreset = presets.find((p) => p.id === form.preset);
  const problem =
    newMachineNameProblem(form.name, taken) ??
    built.problem ??
    (!form.preset && cloudInitErrors > 0 ? 'Fix the cloud-init user data first.' : null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = built.request;
    if (problem || !chosen) return;
    void submit(async () => {
      if (chosen.channel === 'sandbox:create') await getApi().invoke('sandbox:create', chosen.request);
      else await getApi().invoke('sandbox:create-from-preset', chosen.request);
      // All Machines shows the new machine's row (and its progress) until it exists and is a sandbox.
      useUi.getState().setStateFilter('all');
      useMachines.getState().select(form.name);
      close();
    });
  };

  return (
    <Dialog title="New Sandbox" onClose={close}>
      <form onSubmit={onSubmit} className="form-grid">
        <p className="field-wide muted">
          An isolated machine (no access to your Mac’s files). Once its cloud-init is done, OrbDeck keeps its
          state as its golden checkpoint; Reset puts it back there in one click. Agents can change sandboxes
          only.
        </p>
        <div className="field">
          <label htmlFor={`${id}-from`}>Start from</label>
          <select
            id={`${id}-from`}
            value={form.preset}
            onChange={(e) => set({ preset: e.target.value })}
            data-autofocus
          >
            <option value="">A distribution</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                Preset “{p.name}”
              </option>
            ))}
          </select>
        </div>
        {form.preset ? (
          <p className="field muted">
            {fromPreset
              ? `${fromPreset.distro}${fromPreset.version ? ` ${fromPreset.version}` : ''}, with the preset’s ` +
                'cloud-init and limits; isolated whatever the preset says.'
              : ''}
          </p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-distro`}>Distribution</label>
            <select
              id={`${id}-distro`}
              value={form.distro}
              onChange={(e) => set({ distro: e.target.value, version: '' })}
            >
              {DISTROS.map((d) => (
                <option key={d.cli} value={d.cli}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {!form.preset && (
          <div className="field">
            <label htmlFor={`${id}-version`}>Version</label>
            <select
              id={`${id}-version`}
              value={form.version}
              onChange={(e) => set({ version: e.target.value })}
            >
              <option value="">Latest ({distro.versions[0]})</option>
              {distro.versions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        )}
        <NameField label="Name" value={form.name} onChange={(name) => set({ name })} taken={taken} />
        <div className="field">
          <label htmlFor={`${id}-limit`}>Time limit</label>
          <div className="row">
            <select
              id={`${id}-limit`}
              value={form.timeLimit}
              onChange={(e) => set({ timeLimit: Number(e.target.value) })}
            >
              {TIME_LIMIT_CHOICES.map((c) => (
                <option key={c.seconds} value={c.seconds}>
                  {c.label}
                </option>
              ))}
            </select>
            <select
              aria-label="When the time runs out"
              value={form.then}
              disabled={form.timeLimit === 0}
              onChange={(e) => set({ then: e.target.value as TimeLimitEnd })}
            >
              <option value="reset">then reset it</option>
              <option value="delete">then delete it</option>
            </select>
          </div>
        </div>
        {!form.preset && (
          <CloudInitEditor
            value={form.cloudInit}
            onChange={(cloudInit) => set({ cloudInit })}
            onErrors={setCloudInitErrors}
            unsupported={distro.cloudInit ? null : `${distro.label} does not support cloud-init`}
          />
        )}
        {!form.preset && capabilities?.resourceLimits && (
          <LimitsFields legend="Limits" value={form} onChange={set} />
        )}
        {built.problem && (
          <p className="field-error field-wide" role="alert">
            {built.problem}
          </p>
        )}
        {error && (
          <div className="field-wide">
            <ErrorDetails error={error} />
          </div>
        )}
        <DialogButtons
          label={busy ? 'Creating…' : 'Create Sandbox'}
          onCancel={close}
          disabled={!!problem || busy}
        />
      </form>
    </Dialog>
  );
}
