import type { Distro } from '../../../shared/distros';
import { isGrant } from '../../../shared/files';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { OrbctlCapabilities } from '../../../shared/machine';

export interface CreateForm {
  distro: string;
  version: string;
  arch: '' | 'arm64' | 'amd64';
  name: string;
  user: string;
  cloudInitPath: string;
  isolated: boolean;
  cpus: string;
  memory: string;
  disk: string;
}

type CreateRequest = RequestOf<'machine:create'>;

/** The form as a request, or the first problem with it (the name is checked by NameField). Pure. */
export function createRequest(
  form: CreateForm,
  distro: Distro,
  capabilities: OrbctlCapabilities | null,
): { request: CreateRequest | null; problem: string | null } {
  const request: CreateRequest = { distro: form.distro, name: form.name };
  if (form.version) request.version = form.version;
  if (form.arch) request.arch = form.arch;
  const user = form.user.trim();
  if (user) {
    if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(user))
      return {
        request: null,
        problem: 'The user name must be a Linux user name: lowercase letters, digits, "-" and "_".',
      };
    request.user = user;
  }
  const cloud = form.cloudInitPath.trim();
  if (cloud && distro.cloudInit) {
    if (!cloud.startsWith('/') && !isGrant(cloud))
      return { request: null, problem: 'Give the cloud-init file as a full path, starting with /.' };
    request.cloudInitPath = cloud;
  }
  if (form.isolated && capabilities?.isolated) request.isolated = true;
  if (capabilities?.resourceLimits) {
    if (form.cpus.trim()) {
      const cpus = Number(form.cpus);
      if (!Number.isInteger(cpus) || cpus < 1 || cpus > 128)
        return { request: null, problem: 'CPUs must be a whole number from 1 to 128.' };
      request.cpus = cpus;
    }
    for (const key of ['memory', 'disk'] as const) {
      const value = form[key].trim().toUpperCase();
      if (!value) continue;
      if (!/^[1-9]\d{0,5}(\.\d{1,2})?[MGT]$/.test(value))
        return {
          request: null,
          problem: `${key === 'memory' ? 'Memory' : 'Disk'} must be a size like 4G or 512M.`,
        };
      request[key] = value;
    }
  }
  return { request, problem: null };
}
