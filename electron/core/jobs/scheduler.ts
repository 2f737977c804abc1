import { HEAVY_JOB_KINDS, type Job } from '../../../shared/jobs';

export interface SchedulerLimits {
  /** At most this many clone/export/import jobs run at once. */
  maxHeavy: number;
}

/**
 * Which queued jobs may start now, in queue order: one job at a time per machine, and at most
 * `maxHeavy` heavy jobs at once. Pure, so the rules are tested without processes or timers.
 * `machinesOf` names every machine a job touches (a clone touches its source and its new name).
 */
export function startableJobs(
  jobs: readonly Job[],
  limits: SchedulerLimits,
  machinesOf: (job: Job) => readonly string[] = (job) => [job.machine],
): Job[] {
  const busy = new Set<string>();
  let heavy = 0;
  for (const job of jobs) {
    if (job.state !== 'running') continue;
    for (const m of machinesOf(job)) busy.add(m);
    if (HEAVY_JOB_KINDS.includes(job.kind)) heavy++;
  }
  const startable: Job[] = [];
  for (const job of jobs) {
    if (job.state !== 'queued') continue;
    const machines = machinesOf(job);
    const isHeavy = HEAVY_JOB_KINDS.includes(job.kind);
    const blocked = machines.some((m) => busy.has(m)) || (isHeavy && heavy >= limits.maxHeavy);
    // An earlier queued job keeps its machines reserved, so later jobs on them cannot overtake it.
    for (const m of machines) busy.add(m);
    if (blocked) continue;
    if (isHeavy) heavy++;
    startable.push(job);
  }
  return startable;
}

/** Why a queued job is still waiting, in words for the UI; undefined when it could start. */
export function waitingReason(
  job: Job,
  jobs: readonly Job[],
  limits: SchedulerLimits,
  machinesOf: (job: Job) => readonly string[] = (j) => [j.machine],
): string | undefined {
  if (job.state !== 'queued') return undefined;
  const mine = machinesOf(job);
  for (const other of jobs) {
    if (other.id === job.id) break;
    if (other.state !== 'queued' && other.state !== 'running') continue;
    if (machinesOf(other).some((m) => mine.includes(m))) return `Waiting for “${other.title}”`;
  }
  if (HEAVY_JOB_KINDS.includes(job.kind)) {
    const running = jobs.filter((j) => j.state === 'running' && HEAVY_JOB_KINDS.includes(j.kind)).length;
    if (running >= limits.maxHeavy) return `Waiting: ${running} clone/export/import jobs are already running`;
  }
  return undefined;
}
