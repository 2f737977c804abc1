import type { Timing, TimingRecord } from '../../electron/core/platform/timing';

/** Every record the timing wrapper makes from now on, in order (the wrapper itself keeps none). */
export function recordTimings(timing: Timing): TimingRecord[] {
  const records: TimingRecord[] = [];
  timing.onRecord((record) => records.push(record));
  return records;
}
