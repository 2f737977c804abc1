/**
 * The machine list travels to windows as changes: a snapshot once, then what changed (a thousand machines make a
 * snapshot of some 200 KB, and a poll or a batch of `orbctl info` changes a few of them). One rule for both
 * ends: the core makes a change from the last snapshot it sent, a window applies it to the snapshot it has.
 */
import type { MachinesChange, MachinesSnapshot } from './ipc/types';
import type { Machine } from './machine';

/** Whether two records of a machine say the same (every field of a machine is a plain value). */
export function sameMachine(a: Machine, b: Machine): boolean {
  const keys = Object.keys(b) as Array<keyof Machine>;
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** What turns snapshot `before` into `after`. */
export function machinesChange(before: MachinesSnapshot, after: MachinesSnapshot): MachinesChange {
  const old = new Map(before.machines.map((m) => [m.id, m]));
  const now = new Set(after.machines.map((m) => m.id));
  const sameOrder =
    before.machines.length === after.machines.length &&
    after.machines.every((m, i) => before.machines[i]!.id === m.id);
  return {
    base: before.version,
    version: after.version,
    changed: after.machines.filter((m) => {
      const was = old.get(m.id);
      return !was || !sameMachine(was, m);
    }),
    removed: before.machines.filter((m) => !now.has(m.id)).map((m) => m.id),
    ...(sameOrder ? {} : { order: after.machines.map((m) => m.id) }),
    lastError: after.lastError,
    updatedAt: after.updatedAt,
  };
}

/** Whether a change changes nothing but the time of the last poll. */
export function changesNothing(change: MachinesChange, before: MachinesSnapshot): boolean {
  return (
    change.changed.length === 0 &&
    change.removed.length === 0 &&
    change.order === undefined &&
    JSON.stringify(change.lastError) === JSON.stringify(before.lastError)
  );
}

/**
 * `change` applied to `snapshot`, where machines that did not change keep their records (the same objects, and
 * the same array when none changed); null when the change was made from another snapshot than this one, or
 * names a machine it does not carry (the window then pulls a whole snapshot).
 */
export function applyMachinesChange(
  snapshot: MachinesSnapshot,
  change: MachinesChange,
): MachinesSnapshot | null {
  if (change.base !== snapshot.version) return null;
  const changed = new Map(change.changed.map((m) => [m.id, m]));
  let machines: Machine[] = snapshot.machines;
  if (change.order) {
    const old = new Map(snapshot.machines.map((m) => [m.id, m]));
    const next: Machine[] = [];
    for (const id of change.order) {
      const m = changed.get(id) ?? old.get(id);
      if (!m) return null;
      next.push(m);
    }
    machines = next;
  } else if (changed.size > 0) {
    machines = snapshot.machines.map((m) => changed.get(m.id) ?? m);
    if (machines.filter((m, i) => m !== snapshot.machines[i]).length !== changed.size) return null;
  }
  return { machines, lastError: change.lastError, updatedAt: change.updatedAt, version: change.version };
}
