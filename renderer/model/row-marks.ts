import { isFinished, isLifecycleJob, type Job } from '../../shared/jobs';

/** The kinds that bring a new machine into the list: they show as a placeholder row until it exists. */
const NEW_MACHINE_KINDS: ReadonlySet<Job['kind']> = new Set(['create', 'clone', 'import']);

/** The name of the machine a job is bringing into being, or null when it brings none. */
export function newMachineName(job: Job): string | null {
  if (!NEW_MACHINE_KINDS.has(job.kind)) return null;
  // A clone acts on its source; the new name is the other machine it takes (shared/jobs.ts: touches).
  return job.kind === 'clone' ? (job.touches?.[0] ?? null) : job.machine;
}

export interface Placeholder {
  name: string;
  job: Job;
}

/**
 * Rows for machines being created, cloned or imported that do not exist yet, oldest job first: the person sees
 * the new machine at once, with its progress, and the row becomes the real one when a poll finds it.
 */
export function placeholders(jobs: Iterable<Job>, exists: (name: string) => boolean): Placeholder[] {
  const rows = new Map<string, Placeholder>();
  for (const job of [...jobs].sort((a, b) => a.createdAt - b.createdAt)) {
    const name = newMachineName(job);
    if (name && !isFinished(job) && !exists(name) && !rows.has(name)) rows.set(name, { name, job });
  }
  return [...rows.values()];
}

/**
 * The failed job to mark on each machine's row and in its inspector: the machine's latest lifecycle job that
 * ended (shared/jobs.ts: LIFECYCLE_JOB_KINDS), when it failed and the person has not dismissed it. The mark
 * goes by itself when a later lifecycle action on the machine succeeds; a command that exits non-zero, a copy
 * or an export never marks the machine, and a cancelled or still running retry leaves the mark as it is.
 */
export function failureMarks(jobs: Iterable<Job>, dismissed: ReadonlySet<string>): Map<string, Job> {
  const latest = new Map<string, Job>();
  const endedAt = (job: Job) => job.endedAt ?? job.startedAt ?? job.createdAt;
  for (const job of jobs) {
    if (!isLifecycleJob(job) || (job.state !== 'failed' && job.state !== 'succeeded')) continue;
    const known = latest.get(job.machine);
    if (!known || endedAt(job) >= endedAt(known)) latest.set(job.machine, job);
  }
  const marks = new Map<string, Job>();
  for (const [machine, job] of latest) {
    if (job.state === 'failed' && !dismissed.has(job.id)) marks.set(machine, job);
  }
  return marks;
}

/** Names that queued or running jobs are about to take: New Machine must not propose them. */
export function namesBeingTaken(jobs: Iterable<Job>): Set<string> {
  const names = new Set<string>();
  for (const job of jobs) {
    if (isFinished(job)) continue;
    const name = newMachineName(job);
    if (name) names.add(name);
    if (job.kind === 'rename') for (const n of job.touches ?? []) names.add(n);
  }
  return names;
}
