/**
 * The effects of finished actions that the window shows before a list has confirmed them
 * (shared/job-effects.ts says what each job's effect is). A list that shows an effect confirms it; the list
 * read after the action ended settles the rest, each of which it corrects (and the window says so).
 */
import { applyEffects, correction, effectName, effectSeen, type JobEffect } from '../../shared/job-effects';
import type { Machine } from '../../shared/machine';

export interface PendingEffect {
  jobId: string;
  /** The job's title, for the message that corrects it. */
  title: string;
  effect: JobEffect;
}

export interface ShownList {
  /** The machines as the window shows them: the list with the pending effects applied. */
  machines: Machine[];
  /** The rows whose state or name is not yet confirmed by a list. */
  unconfirmed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The list as shown; with nothing pending, the list itself (the same array). */
export function shownList(machines: Machine[], pending: readonly PendingEffect[]): ShownList {
  if (pending.length === 0) return { machines, unconfirmed: NONE };
  return {
    machines: applyEffects(
      machines,
      pending.map((p) => p.effect),
    ),
    unconfirmed: new Set(pending.map((p) => effectName(p.effect))),
  };
}

/** The effects this list does not show yet (those it shows are confirmed); the same array when none is. */
export function unseenEffects(
  pending: readonly PendingEffect[],
  machines: readonly Machine[],
): PendingEffect[] {
  const left = pending.filter((p) => !effectSeen(machines, p.effect));
  return left.length === pending.length ? (pending as PendingEffect[]) : left;
}

/**
 * Settles the effects of the jobs `jobIds` against a list read after those jobs ended: each is confirmed or
 * corrected; the corrections come back as messages for the person, one per effect.
 */
export function settleEffects(
  pending: readonly PendingEffect[],
  jobIds: ReadonlySet<string>,
  machines: readonly Machine[],
): { pending: PendingEffect[]; corrections: string[] } {
  const corrections: string[] = [];
  const left: PendingEffect[] = [];
  for (const p of pending) {
    if (!jobIds.has(p.jobId)) left.push(p);
    else if (!effectSeen(machines, p.effect))
      corrections.push(`After “${p.title}”, orbctl list shows that ${correction(machines, p.effect)}.`);
  }
  return { pending: left, corrections };
}
