/**
 * `orbctl list -f json` and `orbctl info NAME -f json` → the shared machine model (docs/orbctl.md#list-json, #info-json).
 * Tolerant on purpose: unknown fields are dropped, unknown states kept as-is, `ip4`/`ip6` may be missing,
 * `disk_size` may be null, and orbctl before 1.10 printed `info` as a bare record.
 */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { Machine, MachineInfo } from '../../../shared/machine';

const imageSchema = z.object({
  distro: z.string(),
  version: z.string().default(''),
  arch: z.string(),
  variant: z.string().optional(),
});

const configSchema = z.object({
  isolated: z.boolean().optional(),
  default_username: z.string().optional(),
});

/** `ContainerRecord` (scon/types). zod's object drops keys it does not list, so new fields are harmless. */
export const recordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  image: imageSchema,
  config: configSchema.optional(),
  builtin: z.boolean().optional(),
  state: z.string().min(1),
});
export type OrbctlRecord = z.infer<typeof recordSchema>;

export const listSchema = z.array(recordSchema);

/** `ContainerInfo` (≥ 1.10): the record plus what only `info` knows. */
export const infoSchema = z.object({
  record: recordSchema,
  disk_size: z.number().nonnegative().nullable().optional(),
  ip4: z.string().nullable().optional(),
  ip6: z.string().nullable().optional(),
});

export function recordToMachine(record: OrbctlRecord): Machine {
  return {
    id: record.id,
    name: record.name,
    state: record.state,
    distro: record.image.distro,
    version: record.image.version,
    arch: record.image.arch,
    variant: record.image.variant ?? 'default',
    isolated: record.config?.isolated ?? false,
    defaultUser: record.config?.default_username ?? '',
    isDefault: false,
  };
}

function badOutput(what: string, stdout: string, detail: ErrorDetail, notes: string[]): AppError {
  return new AppError('BAD_OUTPUT', `OrbDeck could not understand what orbctl ${what} printed.`, {
    ...detail,
    stdout,
    notes: [...(detail.notes ?? []), ...notes],
  });
}

function parseJson(what: string, stdout: string, detail: ErrorDetail): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch (error) {
    throw badOutput(what, stdout, detail, [
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}

function issues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
}

/** Machines from `list -f json`. The built-in Docker machine is dropped even if a future orbctl lists it. */
export function parseListJson(stdout: string, detail: ErrorDetail = {}): Machine[] {
  const parsed = listSchema.safeParse(parseJson('list', stdout, detail));
  if (!parsed.success) throw badOutput('list', stdout, detail, issues(parsed.error));
  return parsed.data.filter((r) => r.builtin !== true).map(recordToMachine);
}

/** One machine from `info -f json`, wrapped (≥ 1.10) or bare (≤ 1.9.5, no disk size or IPs). */
export function parseInfoJson(stdout: string, detail: ErrorDetail = {}): MachineInfo {
  const json = parseJson('info', stdout, detail);
  const isWrapped = typeof json === 'object' && json !== null && 'record' in json;
  if (!isWrapped) {
    const bare = recordSchema.safeParse(json);
    if (!bare.success) throw badOutput('info', stdout, detail, issues(bare.error));
    return { ...recordToMachine(bare.data), diskSize: null };
  }
  const parsed = infoSchema.safeParse(json);
  if (!parsed.success) throw badOutput('info', stdout, detail, issues(parsed.error));
  const info: MachineInfo = {
    ...recordToMachine(parsed.data.record),
    diskSize: parsed.data.disk_size ?? null,
  };
  if (parsed.data.ip4) info.ip4 = parsed.data.ip4;
  if (parsed.data.ip6) info.ip6 = parsed.data.ip6;
  return info;
}
