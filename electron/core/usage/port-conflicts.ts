/**
 * OrbStack makes a machine's servers reachable on the Mac's `localhost` (docs/orbctl.md#reach-it): two machines
 * listening on the same TCP port on every address both want `localhost:PORT`, and only one gets it. This is
 * the question people answer with lsof today; here it is answered from the last known ports of each machine.
 */
import type { ListeningPort, PortConflict } from '../../../shared/usage';

const onEveryAddress = (ports: readonly ListeningPort[]) =>
  new Set(ports.filter((p) => p.scope === 'all').map((p) => p.port));

/**
 * The ports `name` shares with other machines on every address, and how many other machines' ports are known
 * (the comparison is only as complete as that).
 */
export function portConflicts(
  name: string,
  known: ReadonlyMap<string, readonly ListeningPort[]>,
): { conflicts: PortConflict[]; comparedWith: number } {
  const mine = known.get(name);
  const others = [...known].filter(([other]) => other !== name);
  if (!mine) return { conflicts: [], comparedWith: others.length };
  const conflicts: PortConflict[] = [];
  for (const port of [...onEveryAddress(mine)].sort((a, b) => a - b)) {
    const machines = others
      .filter(([, ports]) => onEveryAddress(ports).has(port))
      .map(([other]) => other)
      .sort();
    if (machines.length > 0) conflicts.push({ port, machines });
  }
  return { conflicts, comparedWith: others.length };
}
