// A machine's CPU, memory and disk limits (`machine:limits`), asked again when an action that can change them ends.
import { useEffect, useMemo, useState } from 'react';
import { changesLimits, isFinished } from '../../shared/jobs';
import type { MachineLimitsAnswer } from '../../shared/machine';
import { ask } from '../commands/core';
import { useJobs } from '../state/jobs';

/**
 * The answer for `name`, or null while it is asked. The core reads orbctl once per change; this asks the core
 * when the machine is shown and after each job on it that can change them has ended (`changesLimits`).
 */
export function useMachineLimits(name: string): MachineLimitsAnswer | null {
  const jobs = useJobs((s) => s.jobs);
  const ended = useMemo(
    () =>
      Object.values(jobs)
        .filter((j) => j.machine === name && isFinished(j) && changesLimits(j))
        .map((j) => j.id)
        .sort()
        .join(','),
    [jobs, name],
  );
  const [answer, setAnswer] = useState<{ key: string; value: MachineLimitsAnswer } | null>(null);
  const key = `${name}|${ended}`;
  useEffect(() => {
    let current = true;
    ask('machine:limits', { name })
      .then((value) => current && setAnswer({ key, value }))
      .catch(() => current && setAnswer(null));
    return () => {
      current = false;
    };
  }, [key, name]);
  // While the same machine's limits are asked again, what was known stays in view; another machine's never.
  return answer && answer.key.startsWith(`${name}|`) ? answer.value : null;
}
