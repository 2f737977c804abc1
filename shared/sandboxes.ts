/**
 * Sandboxes: isolated machines with a known-good ("golden") checkpoint, taken once their cloud-init is done, that
 * go back to it in one click (Reset), and may have a time limit after which they are reset or deleted. One set of
 * rules for the window, the core and the agent endpoint (docs/sandboxes.md).
 */
import { z } from 'zod';

/** What happens when a sandbox's time runs out. */
export const TIME_LIMIT_ENDS = ['reset', 'delete'] as const;
export type TimeLimitEnd = (typeof TIME_LIMIT_ENDS)[number];

/** The shortest and longest time limit, in seconds. The window offers minutes and hours; the rest is for scripts. */
export const MIN_TIME_LIMIT_SECONDS = 10;
export const MAX_TIME_LIMIT_SECONDS = 7 * 24 * 3600;
/** How long before the end the person is warned (shorter limits are warned at their half). */
export const WARN_BEFORE_MS = 5 * 60 * 1000;
/** What "Extend" adds. */
export const EXTEND_SECONDS = 3600;

export const timeLimitSeconds = z
  .number()
  .int('A time limit is a whole number of seconds.')
  .min(MIN_TIME_LIMIT_SECONDS, `A time limit is at least ${MIN_TIME_LIMIT_SECONDS} seconds.`)
  .max(MAX_TIME_LIMIT_SECONDS, 'A time limit is at most 7 days.');

export const timeLimitRequest = z
  .object({ seconds: timeLimitSeconds, then: z.enum(TIME_LIMIT_ENDS) })
  .strict();
export type TimeLimitRequest = z.infer<typeof timeLimitRequest>;

/** The choices the New Sandbox sheet offers (seconds; 0 = none). */
export const TIME_LIMIT_CHOICES: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: 0, label: 'None' },
  { seconds: 15 * 60, label: '15 minutes' },
  { seconds: 30 * 60, label: '30 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 2 * 3600, label: '2 hours' },
  { seconds: 4 * 3600, label: '4 hours' },
  { seconds: 8 * 3600, label: '8 hours' },
  { seconds: 24 * 3600, label: '1 day' },
];

/**
 * Where a sandbox stands:
 * - `setting-up`: its cloud-init runs; the golden checkpoint is taken when it is done;
 * - `saving-golden`: the golden checkpoint is being saved;
 * - `ready`: it has its golden checkpoint, and can be reset to it;
 * - `no-golden`: it has none (cloud-init failed, or the checkpoint was deleted); Save Golden takes one.
 */
export type SandboxState = 'setting-up' | 'saving-golden' | 'ready' | 'no-golden';

export interface SandboxTimeLimit {
  /** Epoch ms when the time runs out. */
  endsAt: number;
  /** Epoch ms the limit was set or last extended (a short limit is warned about at its half). */
  since: number;
  then: TimeLimitEnd;
  /** The person was warned that it is about to run out (once per end time). */
  warned?: boolean;
}

/** What OrbDeck knows about one sandbox (kept in the data folder's sandboxes.json, by machine id). */
export interface SandboxRecord {
  /** The machine's id: a rename keeps it; a reset makes a new one, which the record follows. */
  id: string;
  name: string;
  state: SandboxState;
  /** Epoch ms the sandbox was created. */
  createdAt: number;
  /** The golden checkpoint (a checkpoint machine's name) and when it was saved. */
  golden: { name: string; savedAt: number } | null;
  timeLimit: SandboxTimeLimit | null;
  /** Why there is no golden checkpoint, in words for people. */
  problem?: string;
  /** The preset it was made from, by name. */
  preset?: string;
}

/** The largest file copied into or out of a sandbox by content (an agent's copy: no path on this computer). */
export const MAX_SANDBOX_FILE_BYTES = 4 * 1024 * 1024;

export const fileContent = z
  .string()
  .max(Math.ceil(MAX_SANDBOX_FILE_BYTES / 3) * 4, 'A file copied into a sandbox is at most 4 MiB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The content is not base64.');

/** A file copied out of a sandbox by content. */
export interface SandboxFileContent {
  path: string;
  bytes: number;
  base64: string;
}

/** The label of a sandbox's golden checkpoint in the Checkpoints tab. */
export const GOLDEN_LABEL = 'Golden (sandbox)';

/** When the person is warned before `limit` ends: five minutes before, or halfway for a shorter limit. */
export function warnAt(limit: Pick<SandboxTimeLimit, 'endsAt' | 'since'>): number {
  return limit.endsAt - Math.min(WARN_BEFORE_MS, Math.max(0, (limit.endsAt - limit.since) / 2));
}

/** The limit `seconds` from `now`. */
export function timeLimitFrom(now: number, request: TimeLimitRequest): SandboxTimeLimit {
  return { endsAt: now + request.seconds * 1000, since: now, then: request.then };
}

/** The limit an hour (or `seconds`) longer, counted from now when it has already run out. */
export function extended(limit: SandboxTimeLimit, now: number, seconds = EXTEND_SECONDS): SandboxTimeLimit {
  return { endsAt: Math.max(limit.endsAt, now) + seconds * 1000, since: now, then: limit.then };
}

/** "1:02:03", "4:05", "0:09": the time left, for the countdown; "0:00" once it has run out. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "in 5 minutes", "in 1 hour 10 minutes", "in 30 seconds": the time left, in words. */
export function timeLeftWords(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (h === 0) return `in ${unit(m, 'minute')}`;
  return `in ${unit(h, 'hour')}${m ? ` ${unit(m, 'minute')}` : ''}`;
}

/** A free name for a new sandbox: `sandbox`, `sandbox-2`, … unless the person gives one. */
export const SANDBOX_NAME_STEM = 'sandbox';

/** Whether a sandbox can be reset now, and why not: one rule for the inspector, the menus and the core. */
export function resetAvailability(
  sandbox: Pick<SandboxRecord, 'state' | 'name'>,
  machineState: string,
  busy: { title: string } | undefined,
): { enabled: boolean; reason: string } {
  if (busy) return { enabled: false, reason: `Busy: ${busy.title}. Wait for it to finish.` };
  if (sandbox.state === 'setting-up')
    return { enabled: false, reason: `${sandbox.name} is still being set up` };
  if (sandbox.state === 'saving-golden')
    return { enabled: false, reason: `The golden checkpoint of ${sandbox.name} is being saved` };
  if (sandbox.state === 'no-golden')
    return { enabled: false, reason: `${sandbox.name} has no golden checkpoint: save one first` };
  if (machineState !== 'running' && machineState !== 'stopped')
    return { enabled: false, reason: `${sandbox.name} is ${machineState}` };
  return { enabled: true, reason: `Put ${sandbox.name} back to its golden checkpoint` };
}
