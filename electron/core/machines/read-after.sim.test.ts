import { describe, expect, it, vi } from 'vitest';
import type { MachinesReadAfter, MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';

// How a window confirms an action's result: the list read after the job ended, through the whole core and the
// real simulator.
disposeCoresAfterEach();

describe('machines:read-after', () => {
  it('answers the poll the core began as the action ended, without a poll of its own', async () => {
    const { invoke, finished, timings } = startCore();
    await invoke('machines:snapshot', {});
    const job = await finished((await invoke<Job>('machine:start', { name: 'debian' })).id);
    expect(job.state).toBe('succeeded');
    const listsAfter = () => timings.filter((t) => t.op === 'orbctl list' && t.startedAt >= job.endedAt!);
    // Asked once the core's own poll after the action has ended: that poll is the answer.
    await vi.waitFor(() => expect(listsAfter()).toHaveLength(1), { timeout: 10_000 });
    const answer = await invoke<MachinesReadAfter>('machines:read-after', { jobIds: [job.id] });
    const snapshot = await invoke<MachinesSnapshot>('machines:snapshot', {});
    expect(answer).toEqual({ version: snapshot.version, lastError: null });
    expect(snapshot.machines.find((m) => m.name === 'debian')?.state).toBe('running');
    expect(listsAfter()).toHaveLength(1);
  }, 30_000);

  it('reads the list again for a job it does not know, and refuses what is not a job id', async () => {
    const { invoke, timings } = startCore();
    await invoke('machines:snapshot', {});
    const lists = () => timings.filter((t) => t.op === 'orbctl list').length;
    const before = lists();
    await invoke('machines:read-after', { jobIds: ['job-gone-1'] });
    expect(lists()).toBe(before + 1);
    await expect(invoke('machines:read-after', { jobIds: ['rm -rf'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(invoke('machines:read-after', { jobIds: [] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  }, 30_000);
});
