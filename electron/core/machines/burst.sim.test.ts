import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';

// 1,000 start/stop requests on one machine through the router, as a window or a script would send them.
disposeCoresAfterEach();

describe('a burst of requests on one machine', () => {
  it('makes a bounded number of jobs and answers every other request clearly', async () => {
    const { core } = startCore({ ORBCTL_SIM_SPEED: '40' });
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        core.router.invoke(
          i % 2 === 0 ? 'machine:stop' : 'machine:start',
          { name: 'ubuntu' },
          { transport: 'headless' },
        ),
      ),
    );
    const jobs = new Set(replies.flatMap((r) => (r.ok ? [(r.data as Job).id] : [])));
    const answered = replies.filter((r) => r.ok).length;
    const refused = replies.flatMap((r) => (r.ok ? [] : [r.error]));
    const t0 = performance.now();
    await core.jobs.whenIdle();
    const drainMs = performance.now() - t0;
    console.log(
      `[burst] 1000 requests -> ${jobs.size} jobs, ${answered - jobs.size} coalesced, ${refused.length} refused ` +
        `(BUSY); the queue drained in ${(drainMs / 1000).toFixed(1)} s`,
    );
    expect(jobs.size).toBeLessThanOrEqual(9); // the running job and at most 8 waiting
    expect(answered + refused.length).toBe(1000);
    expect(new Set(refused.map((e) => `${e.code}: ${e.message}`))).toEqual(
      new Set([
        'BUSY: ubuntu already has 8 actions waiting; OrbDeck takes more for it once some have run or been cancelled.',
      ]),
    );
    expect(core.jobs.list().every((j) => j.state === 'succeeded')).toBe(true);
    expect(core.history.list()).toHaveLength(jobs.size);
  }, 60_000);
});
