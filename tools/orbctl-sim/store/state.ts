import type { StoredCloudInit } from '../cloud-init';
import type { StoredInside } from '../inside/inside-knobs';
/**
 * The simulated daemon's state. orbctl is only a client of OrbStack's machine manager, so a long operation is
 * stored as a *transition*: the visible state now, the steps it will pass through with their due times, and the
 * state it ends in. Whoever reads the state next resolves the transitions that are due. Killing the client in
 * the middle therefore changes nothing: the machine still appears a moment later, as it does with OrbStack.
 */

export interface TransitionStep {
  state: string;
  /** Epoch ms at which this step ends. */
  until: number;
}

export interface Transition {
  /** What is going on ("create", "start", …), for `__sim dump` readers. */
  op: string;
  steps: TransitionStep[];
  /** State once every step has passed; `deleted` removes the machine. */
  final: string;
}

export const DELETED = 'deleted';

export interface StoredImage {
  distro: string;
  version: string;
  arch: string;
  variant: string;
}

export interface StoredMachine {
  id: string;
  name: string;
  image: StoredImage;
  config: { isolated: boolean; default_username: string };
  /** Per-machine limits of OrbStack 2.2 (`--cpus/--memory/--disk`); not part of the JSON (unknown there). */
  limits?: { cpu?: number; memory_mib?: number; disk_bytes?: number };
  state: string;
  transition?: Transition;
  /** Bytes; null when unknown. */
  disk_size: number | null;
  ip4: string;
  ip6: string;
  created_at: number;
  /** Created with `-c`: its cloud-init run (cloud-init.ts). */
  cloud_init?: StoredCloudInit;
  /** Epoch ms it last became running (its uptime counts from here); absent: since it was made. */
  started_at?: number;
  /** What its inside looks like to `run` (inside/inside-knobs.ts). */
  inside?: StoredInside;
}

export interface VmState {
  /** `running`, `stopped`, `starting` or `stopping`: OrbStack itself. */
  state: string;
  transition?: Transition;
}

export interface SimState {
  format: 1;
  vm: VmState;
  /** Id of the default machine; null until one is created or picked. */
  default_id: string | null;
  machines: StoredMachine[];
  /** Global `orbctl config` keys. */
  settings: Record<string, string>;
  /** Images already "downloaded": the first create of an image takes longer. */
  images: string[];
  /** The ORBCTL_SIM_SEED this state was filled or topped up from, so it is done once. */
  seed?: string;
}

export function emptyState(): SimState {
  return { format: 1, vm: { state: 'running' }, default_id: null, machines: [], settings: {}, images: [] };
}

/** The state a transition shows at `now`, or null when it is over. */
export function transitionStateAt(t: Transition, now: number): string | null {
  for (const step of t.steps) if (now < step.until) return step.state;
  return null;
}

/** When the transition is over. */
export function transitionEnd(t: Transition): number {
  return t.steps.reduce((end, s) => Math.max(end, s.until), 0);
}

/** Builds a transition from consecutive (state, duration) pairs starting at `now`. */
export function makeTransition(
  op: string,
  now: number,
  steps: [string, number][],
  final: string,
): Transition {
  let at = now;
  return {
    op,
    steps: steps.map(([state, ms]) => {
      at += Math.max(0, ms);
      return { state, until: at };
    }),
    final,
  };
}

/**
 * Applies every transition that is due at `now`, in place. Returns the ids of machines that finished deleting,
 * so the caller can remove their files.
 */
export function resolveTransitions(state: SimState, now: number): string[] {
  const removed: string[] = [];
  for (const m of state.machines) {
    if (!m.transition) continue;
    const current = transitionStateAt(m.transition, now);
    if (current !== null) {
      m.state = current;
      continue;
    }
    m.state = m.transition.final;
    if (m.state === 'running') m.started_at = transitionEnd(m.transition);
    delete m.transition;
    if (m.state === DELETED) removed.push(m.id);
  }
  if (removed.length > 0) {
    state.machines = state.machines.filter((m) => !removed.includes(m.id));
    if (state.default_id !== null && removed.includes(state.default_id)) state.default_id = null;
  }
  if (state.vm.transition) {
    const current = transitionStateAt(state.vm.transition, now);
    if (current !== null) state.vm.state = current;
    else {
      state.vm.state = state.vm.transition.final;
      delete state.vm.transition;
    }
  }
  return removed;
}

/** Minimal shape check of a state file: it is ours, so a wrong shape means corruption, not a newer format. */
export function isSimState(value: unknown): value is SimState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SimState>;
  return v.format === 1 && Array.isArray(v.machines) && typeof v.vm === 'object' && v.vm !== null;
}
