/**
 * `orbctl config show` → each machine's CPU, memory and disk limits (docs/orbctl.md#config). The output is
 * sorted `key: value` lines; the per-machine keys are `machine.NAME.cpu`, `machine.NAME.memory_mib` and
 * `machine.NAME.disk_bytes` (orbctl ≥ 2.2), with NAME in double quotes when it contains a dot. A key that is
 * absent, empty or 0 is no limit. Other lines (global settings, usernames) are skipped.
 */
import type { MachineLimits } from '../../../shared/machine';

const LINE = /^machine\.(?:"(.+)"|(.+))\.(cpu|memory_mib|disk_bytes):\s*(.*)$/;
const FIELD = { cpu: 'cpus', memory_mib: 'memoryMib', disk_bytes: 'diskBytes' } as const;

export const NO_LIMITS: MachineLimits = Object.freeze({ cpus: null, memoryMib: null, diskBytes: null });

export function parseMachineLimits(text: string): Map<string, MachineLimits> {
  const limits = new Map<string, MachineLimits>();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const name = (m[1] ?? m[2])!;
    const value = Number(m[4]);
    if (!Number.isFinite(value) || value <= 0) continue;
    const field = FIELD[m[3] as keyof typeof FIELD];
    limits.set(name, { ...(limits.get(name) ?? NO_LIMITS), [field]: value });
  }
  return limits;
}
