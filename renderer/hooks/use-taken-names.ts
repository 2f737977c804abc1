import { useMemo } from 'react';
import { useJobs } from '../state/jobs';
import { selectMachines, useMachines } from '../state/machines';
import { namesBeingTaken } from '../model/row-marks';

/**
 * The names a new machine may not have: every machine's, and every name a queued or running job is about to
 * take (a create, clone, import or rename on its way), so a form never proposes one that will be refused.
 */
export function useTakenNames(): string[] {
  const machines = useMachines(selectMachines);
  const jobs = useJobs((s) => s.jobs);
  return useMemo(
    () => [...new Set([...machines.map((m) => m.name), ...namesBeingTaken(Object.values(jobs))])],
    [machines, jobs],
  );
}
