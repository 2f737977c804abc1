import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import type { StartPolicyRecord } from '../../../shared/start-policy';
import { disposeCoresAfterEach, forgetCore, sim, startCore } from '../../../test/helpers/core';

// Start policies through the whole core, against the simulator.
disposeCoresAfterEach();
const stateOf = async (simHome: string, name: string) =>
  (JSON.parse((await sim(simHome, 'list', '-f', 'json')).stdout) as Machine[]).find((m) => m.name === name)
    ?.state;

describe('start policy', () => {
  it('starts its machines when OrbDeck starts and stops them when it quits, keeping the policy across a rename', async () => {
    const first = startCore();
    // The demo: ubuntu and fedora run; debian and alpine are stopped.
    await first.invoke('policy:set', { name: 'debian', startWithApp: true });
    await first.invoke('policy:set', { name: 'fedora', stopOnQuit: true });
    const set = await first.invoke<StartPolicyRecord>('policy:set', {
      name: 'alpine',
      startWithApp: true,
    });
    expect(set).toMatchObject({ name: 'alpine', startWithApp: true, stopOnQuit: false });
    // Neither half set: no record.
    await first.invoke('policy:set', { name: 'alpine', startWithApp: false });
    await first.finished((await first.invoke<Job>('machine:rename', { name: 'debian', newName: 'deb' })).id);
    await first.core.machines.refresh();
    expect((await first.invoke<StartPolicyRecord[]>('policy:list', {})).map((r) => r.name).sort()).toEqual([
      'deb',
      'fedora',
    ]);
    await first.core.dispose();
    forgetCore(first.core);
    expect(await stateOf(first.simHome, 'fedora')).toBe('stopped');
    expect(await stateOf(first.simHome, 'ubuntu')).toBe('running');

    const again = startCore({}, first.dataDir);
    await expect.poll(() => stateOf(again.simHome, 'deb'), { timeout: 20_000 }).toBe('running');
    expect(await stateOf(again.simHome, 'alpine')).toBe('stopped');
    expect(await stateOf(again.simHome, 'fedora')).toBe('stopped');
    await again.core.jobs.whenIdle();
    const starts = again.core.jobs.list().filter((j) => j.kind === 'start');
    expect(starts.map((j) => j.title)).toEqual(['Start deb']);
    // Start and Stop of the policy's machines, by hand (the tray's).
    expect(await again.invoke<Job[]>('policy:start-all', {})).toEqual([]);
    await again.finished((await again.invoke<Job>('machine:start', { name: 'fedora' })).id);
    const stops = await again.invoke<Job[]>('policy:stop-all', {});
    expect(stops.map((j) => j.title)).toEqual(['Stop fedora']);
    await expect(again.invoke('policy:set', { name: 'nosuch', stopOnQuit: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 90_000);
});
