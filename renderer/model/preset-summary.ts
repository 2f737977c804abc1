import type { PresetFields } from '../../shared/presets';

/** One line about what a preset makes: "ubuntu noble · arm64 · user dev · cloud-init · 4G memory". */
export function presetSummary(p: PresetFields): string {
  const parts = [p.version ? `${p.distro} ${p.version}` : p.distro];
  if (p.arch) parts.push(p.arch);
  if (p.user) parts.push(`user ${p.user}`);
  if (p.cloudInit !== undefined) parts.push('cloud-init');
  if (p.isolated) parts.push('isolated');
  if (p.cpus !== undefined) parts.push(`${p.cpus} CPUs`);
  if (p.memory) parts.push(`${p.memory} memory`);
  if (p.disk) parts.push(`${p.disk} disk`);
  return parts.join(' · ');
}
