/**
 * What a lifecycle job that succeeded already says about the machine list, before any `orbctl list` has read
 * it: orbctl returned without an error, so a start left the machine running, a rename gave it its new name, a
 * delete took it away, a create brought a running machine and a clone or an import a stopped one
 * (docs/orbctl.md#resulting-states). A window shows this at once, as not yet confirmed, and the next list
 * confirms or corrects it. Only a succeeded job has an effect: nothing is shown as done before orbctl said so.
 */
import { jobNewMachine, type Job } from './jobs';
import type { Machine, MachineState } from './machine';

export type JobEffect =
  /** The machine is now in this state. */
  | { kind: 'state'; machine: string; state: MachineState }
  /** The machine is now called `to`. */
  | { kind: 'rename'; machine: string; to: string }
  /** The machine is gone. */
  | { kind: 'gone'; machine: string }
  /** A new machine of this name exists, in this state. */
  | { kind: 'appears'; machine: string; state: MachineState }
  /** The machine is OrbStack's default machine. */
  | { kind: 'default'; machine: string };

type EffectJob = Pick<Job, 'kind' | 'machine' | 'touches' | 'state'>;

/** The change a finished job made to the list, or null when it made none the list shows (or did not succeed). */
export function jobEffect(job: EffectJob): JobEffect | null {
  if (job.state !== 'succeeded') return null;
  const machine = job.machine;
  switch (job.kind) {
    case 'start':
    case 'restart':
      return { kind: 'state', machine, state: 'running' };
    case 'stop':
      return { kind: 'state', machine, state: 'stopped' };
    case 'delete':
      return { kind: 'gone', machine };
    case 'rename': {
      const to = job.touches?.[0];
      return to ? { kind: 'rename', machine, to } : null;
    }
    case 'set-default':
      return { kind: 'default', machine };
    case 'create':
    case 'clone':
    case 'import': {
      const name = jobNewMachine(job);
      return name
        ? { kind: 'appears', machine: name, state: job.kind === 'create' ? 'running' : 'stopped' }
        : null;
    }
    default:
      return null;
  }
}

/** Whether `machines` (an `orbctl list`) shows the effect. */
export function effectSeen(machines: readonly Machine[], effect: JobEffect): boolean {
  const named = (name: string) => machines.find((m) => m.name === name);
  switch (effect.kind) {
    case 'state':
      return named(effect.machine)?.state === effect.state;
    case 'rename':
      return !!named(effect.to) && !named(effect.machine);
    case 'gone':
      return !named(effect.machine);
    case 'appears':
      return !!named(effect.machine);
    case 'default':
      return !!named(effect.machine)?.isDefault;
  }
}

/**
 * The list with the effects applied, in order; an effect on a machine the list does not have changes nothing.
 * A new machine is not made up here (only its job knows what it will be): its placeholder row stays instead.
 * The same array when no effect changes anything.
 */
export function applyEffects(machines: Machine[], effects: readonly JobEffect[]): Machine[] {
  let list = machines;
  for (const effect of effects) {
    if (effect.kind === 'appears' || effectSeen(list, effect)) continue;
    const index = list.findIndex((m) => m.name === effect.machine);
    if (index === -1) continue;
    const m = list[index]!;
    if (effect.kind === 'gone') {
      list = list.filter((_, i) => i !== index);
      continue;
    }
    const changed: Machine =
      effect.kind === 'state'
        ? { ...m, state: effect.state }
        : effect.kind === 'rename'
          ? { ...m, name: effect.to }
          : { ...m, isDefault: true };
    list =
      effect.kind === 'default'
        ? list.map((x, i) => (i === index ? changed : x.isDefault ? { ...x, isDefault: false } : x))
        : list.map((x, i) => (i === index ? changed : x));
  }
  return list;
}

/** The name the effect leaves its machine with (a rename's new one), for the rows marked as unconfirmed. */
export function effectName(effect: JobEffect): string {
  return effect.kind === 'rename' ? effect.to : effect.machine;
}

/** What a list that does not show the effect says instead, for the message that corrects the row. */
export function correction(machines: readonly Machine[], effect: JobEffect): string {
  const named = (name: string) => machines.find((m) => m.name === name);
  switch (effect.kind) {
    case 'state': {
      const now = named(effect.machine);
      return now ? `${effect.machine} is ${now.state}` : `${effect.machine} is not there`;
    }
    case 'rename':
      return named(effect.machine)
        ? `${effect.machine} still has its name`
        : `there is no machine named ${effect.to}`;
    case 'gone':
      return `${effect.machine} is still there`;
    case 'appears':
      return `there is no machine named ${effect.machine}`;
    case 'default':
      return `${effect.machine} is not the default machine`;
  }
}
