import type { Machine } from '../../shared/machine';
import { formatBytes } from './format';

/**
 * What an export of several machines will take, in words: "3 machines, 4.2 GB on disk", saying when some sizes
 * are not known yet (a machine's disk size is read in the background). An export file is smaller than the disk
 * (it is compressed); the disk is what the person knows.
 */
export function exportTotal(
  machines: readonly Pick<Machine, 'name' | 'diskSize'>[],
  chosen: readonly string[],
) {
  const picked = machines.filter((m) => chosen.includes(m.name));
  const known = picked.filter((m) => typeof m.diskSize === 'number');
  const bytes = known.reduce((sum, m) => sum + (m.diskSize ?? 0), 0);
  const count = picked.length === 1 ? '1 machine' : `${picked.length} machines`;
  if (picked.length === 0) return 'No machine chosen';
  if (known.length === 0) return `${count}, sizes not known yet`;
  const unknown = picked.length - known.length;
  return `${count}, ${formatBytes(bytes)} on disk${unknown ? ` (and ${unknown} not measured yet)` : ''}`;
}

/** The Select All box: ticked when every machine is, mixed when some are. */
export function selectAllState(offered: readonly string[], chosen: readonly string[]): boolean | 'mixed' {
  const ticked = offered.filter((m) => chosen.includes(m)).length;
  return ticked === 0 ? false : ticked === offered.length ? true : 'mixed';
}
