import { cpusProblem, normalizeSize, sizeProblem } from '../../shared/machine-options';

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
