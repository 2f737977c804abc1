import type { MachineLimits } from '../../shared/machine';
import { cpusProblem, normalizeSize, sizeOf, sizeProblem } from '../../shared/machine-options';

/** The CPUs, memory and disk fields as typed (empty: not set, or unchanged). */
export interface LimitsForm {
  cpus: string;
  memory: string;
  disk: string;
}

export const NO_LIMITS: LimitsForm = { cpus: '', memory: '', disk: '' };

export interface Limits {
  cpus?: number;
  memory?: string;
  disk?: string;
}

/**
 * The typed limits as a request's fields, or the first problem with them: the same shared rules as the IPC
 * schema and the adapter, for New Machine and Change Limits alike. `4g` is taken as `4G`.
 */
export function limitsFromForm(form: LimitsForm): { limits: Limits; problem: string | null } {
  const limits: Limits = {};
  if (form.cpus.trim()) {
    const cpus = Number(form.cpus);
    const problem = cpusProblem(cpus);
    if (problem) return { limits, problem };
    limits.cpus = cpus;
  }
  for (const key of ['memory', 'disk'] as const) {
    const value = normalizeSize(form[key]);
    if (!value) continue;
    const problem = sizeProblem(value, key);
    if (problem) return { limits, problem };
    limits[key] = value;
  }
  return { limits, problem: null };
}

/** A machine's limits as the form shows them (`4G`); empty where it has none. */
export function formFromLimits(limits: MachineLimits): LimitsForm {
  return {
    cpus: limits.cpus === null ? '' : String(limits.cpus),
    memory: limits.memoryMib === null ? '' : (sizeOf(limits.memoryMib * 1024 ** 2) ?? ''),
    disk: limits.diskBytes === null ? '' : (sizeOf(limits.diskBytes) ?? ''),
  };
}

/** A limit as Info shows it: "2", "4 GB" (GB as macOS counts memory: 1,024 MB), or "No limit". */
export function limitWords(limits: MachineLimits): { cpus: string; memory: string; disk: string } {
  const size = (bytes: number | null) => {
    if (bytes === null) return 'No limit';
    const s = sizeOf(bytes);
    return s ? `${s.slice(0, -1)} ${s.at(-1)}B` : `${Math.round(bytes / 1024 ** 2)} MB`;
  };
  return {
    cpus: limits.cpus === null ? 'No limit' : String(limits.cpus),
    memory: size(limits.memoryMib === null ? null : limits.memoryMib * 1024 ** 2),
    disk: size(limits.diskBytes),
  };
}

/**
 * The change a Change Limits form asks for against the machine's current limits: only the fields that differ.
 * A limit cannot be taken away (orbctl documents no way to, docs/orbctl.md#config): an emptied field that had
 * a value is a problem, said in words.
 */
export function limitsChange(
  form: LimitsForm,
  current: LimitsForm,
): { limits: Limits; problem: string | null } {
  const cleared = (['cpus', 'memory', 'disk'] as const).find((k) => current[k] && !form[k].trim());
  if (cleared) {
    const label = { cpus: 'CPUs', memory: 'Memory', disk: 'Disk' }[cleared];
    return { limits: {}, problem: `${label} cannot be set back to no limit here; give a value.` };
  }
  const { limits, problem } = limitsFromForm(form);
  if (problem) return { limits: {}, problem };
  const changed: Limits = {};
  if (limits.cpus !== undefined && String(limits.cpus) !== current.cpus) changed.cpus = limits.cpus;
  if (limits.memory !== undefined && limits.memory !== current.memory) changed.memory = limits.memory;
  if (limits.disk !== undefined && limits.disk !== current.disk) changed.disk = limits.disk;
  return { limits: changed, problem: null };
}
