import { SimFailure } from './failure';
import type { FaultSet } from './faults';
import type { Output } from './output';
import type { SimEnv } from './env';
import type { SimProcess } from './sim-process';
import { withSpinner } from './spinner';
import type { StateStore } from './store/store';

/** Everything a command handler needs for one call. */
export interface Ctx {
  env: SimEnv;
  /** The process the call runs in: its folder, timers, clean-ups on Ctrl-C, and how it dies. */
  proc: SimProcess;
  output: Output;
  store: StateStore;
  faults: FaultSet;
  /** Canonical command word (`create` for `add`). */
  command: string;
  /** Machine names mentioned by the call, for `@NAME` fault rules. */
  names: string[];
  now(): number;
  /**
   * Wall-clock ms of an operation that takes `realisticMs` at speed 1. The first call of a command also gets the
   * extra time of its `slow` faults.
   */
  opMs(realisticMs: number): number;
  sleep(ms: number): Promise<void>;
  /** Sleeps until `until` (epoch ms); dies midway when a `crash` fault says so. */
  waitUntil(until: number): Promise<void>;
  spin<T>(text: string, work: () => Promise<T>): Promise<T>;
  /**
   * The failure a `fail` fault holds for this call, if there is one. `machineName` fills `{name}`; with
   * `perMachine`, a rule for another machine (`fail:start@a` while doing b) does not apply.
   */
  faultFailure(machineName: string, perMachine?: boolean): SimFailure | null;
  /** Throws the `fail` fault of this call, if there is one (any machine of the call). */
  checkFail(machineName: string): void;
  /** The fraction at which a `crash` fault kills this call, or null. */
  crashAt(): number | null;
}

/** What a failure looks like when the fault gives no text: the message OrbStack prints in that situation. */
export function defaultFailText(command: string, name: string): string {
  switch (command) {
    case 'create':
      return `[-32098] create '${name}': setup: machine crashed on startup`;
    case 'start':
    case 'restart':
      return `[-32098] machine did not start: ${name} - STOPPED`;
    case 'stop':
      return `[-32098] stop '${name}': timeout`;
    case 'export':
      return '[-32098] tar: create archive: exit status 1';
    case 'import':
      return (
        '[-32098] import container from host path: make rootfs: extract archive: exit status 1; ' +
        'output: bsdtar: Damaged tar archive'
      );
    default:
      return '[-32098] simulated failure';
  }
}

export function createCtx(parts: {
  env: SimEnv;
  proc: SimProcess;
  output: Output;
  store: StateStore;
  faults: FaultSet;
  command: string;
  names: string[];
}): Ctx {
  const { env, proc, faults, command, names } = parts;
  let extra = faults.extraMs(command, names);
  const crash = faults.find('crash', command, names);
  return {
    ...parts,
    now: () => Date.now(),
    opMs(realisticMs) {
      const ms = realisticMs / env.speed + extra;
      extra = 0;
      return ms;
    },
    sleep: (ms) => proc.sleep(ms),
    async waitUntil(until) {
      const start = Date.now();
      if (crash) {
        const crashTime = start + (until - start) * crash.at;
        await proc.sleep(crashTime - Date.now());
        proc.crash();
      }
      await proc.sleep(until - Date.now());
    },
    spin: (text, work) => withSpinner(parts.output, text, work),
    faultFailure(machineName, perMachine = true) {
      const rule = faults.find('fail', command, names);
      if (!rule) return null;
      if (perMachine && rule.target.machine !== null && rule.target.machine !== machineName) return null;
      const text = (rule.message ?? defaultFailText(command, machineName)).replaceAll('{name}', machineName);
      return new SimFailure(text, rule.exitCode);
    },
    checkFail(machineName) {
      const failure = this.faultFailure(machineName, false);
      if (failure) throw failure;
    },
    crashAt: () => crash?.at ?? null,
  };
}
