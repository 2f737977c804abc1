import type { Distro } from '../../shared/distros';
import { userNameProblem } from '../../shared/machine-options';
import type { RequestOf } from '../../shared/ipc/contract';
import type { OrbctlCapabilities } from '../../shared/machine';
import type { Preset } from '../../shared/presets';
import { limitsFromForm, type LimitsForm } from './limits-form';

export interface CreateForm extends LimitsForm {
  distro: string;
  version: string;
  arch: '' | 'arm64' | 'amd64';
  name: string;
  user: string;
  /** The cloud-init editor's text. */
  cloudInit: string;
  isolated: boolean;
}

type CreateRequest = RequestOf<'machine:create'>;

/**
 * The form as a request, or the first problem with it (the name is checked by NameField). Pure, and it asks the
 * same shared rules as the IPC schema and the adapter, so what the form lets through is never refused later.
 */
export function createRequest(
  form: CreateForm,
  distro: Distro,
  capabilities: OrbctlCapabilities | null,
): { request: CreateRequest | null; problem: string | null } {
  const refused = (problem: string) => ({ request: null, problem });
  const request: CreateRequest = { distro: form.distro, name: form.name };
  if (form.version) request.version = form.version;
  if (form.arch) request.arch = form.arch;
  const user = form.user.trim();
  if (user) {
    const problem = userNameProblem(user);
    if (problem) return refused(problem);
    request.user = user;
  }
  if (form.cloudInit.trim() && distro.cloudInit) request.cloudInit = form.cloudInit;
  if (form.isolated && capabilities?.isolated) request.isolated = true;
  if (capabilities?.resourceLimits) {
    const { limits, problem } = limitsFromForm(form);
    if (problem) return refused(problem);
    Object.assign(request, limits);
  }
  return { request, problem: null };
}

// Presets are the form saved under a name.

/** The form filled in from a preset, its cloud-init in the editor. */
export function formFromPreset(preset: Preset, name: string): CreateForm {
  return {
    distro: preset.distro,
    version: preset.version ?? '',
    arch: preset.arch ?? '',
    name,
    user: preset.user ?? '',
    cloudInit: preset.cloudInit ?? '',
    isolated: preset.isolated ?? false,
    cpus: preset.cpus === undefined ? '' : String(preset.cpus),
    memory: preset.memory ?? '',
    disk: preset.disk ?? '',
  };
}

/** What `presets:save` is sent for a checked form: everything but the machine's name, under `presetName`. */
export function presetRequest(
  request: CreateRequest,
  presetName: string,
  options: { id?: string },
): RequestOf<'presets:save'> {
  const { name: _machine, cloudInitPath: _path, ...fields } = request;
  return { ...fields, name: presetName.trim(), ...(options.id ? { id: options.id } : {}) };
}
