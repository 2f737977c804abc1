import { isFinished, type Job } from '../../shared/jobs';

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
 * The failed job to mark on each machine's row: a machine's latest finished job, when it failed and the person
 * has not dismissed it. Any later job on that machine (a retry, another action) clears the mark.
 */
export function failureMarks(jobs: Iterable<Job>, dismissed: ReadonlySet<string>): Map<string, Job> {
  const latest = new Map<string, Job>();
  for (const job of jobs) {
    const at = job.endedAt ?? job.startedAt ?? job.createdAt;
    const known = latest.get(job.machine);
    if (!known || at >= (known.endedAt ?? known.startedAt ?? known.createdAt)) latest.set(job.machine, job);
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
