import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SetupRecord } from '../../../shared/ipc/types';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';

// After a create with cloud-init the machine is "Setting up" until cloud-init has finished in it.
disposeCoresAfterEach();

const GOOD = '#cloud-config\nruncmd:\n  - echo ready\n';
const BAD = '#cloud-config\nruncmd:\n  - [exit 3]\n';

describe('setting up with cloud-init', () => {
  it('is setting up from the create, then plainly running; a failed run stays marked with its errors and log', async () => {
    const { invoke, core, outDir, seen } = startCore({
      ORBCTL_SIM_SPEED: '40',
      ORBCTL_SIM_CLOUD_INIT_MS: '2500',
    });
    const good = join(outDir, 'good.yaml');
    const bad = join(outDir, 'bad.yaml');
    writeFileSync(good, GOOD);
    writeFileSync(bad, BAD);
    const events: SetupRecord[][] = [];
    core.events.on('setup:changed', (records) => events.push(records));

    await invoke<Job>('machine:create', { distro: 'ubuntu', name: 'good', cloudInitPath: good });
    await invoke<Job>('machine:create', { distro: 'ubuntu', name: 'bad', cloudInitPath: bad });
    await invoke<Job>('machine:create', { distro: 'ubuntu', name: 'plain' });
    await core.jobs.whenIdle();
    expect(
      seen
        .filter((j) => j.state === 'succeeded')
        .map((j) => j.machine)
        .sort(),
    ).toEqual(['bad', 'good', 'plain']);
    // Right after the create: both set up, the plain one not at all.
    const first = await invoke<SetupRecord[]>('setup:list', {});
    expect(first.map((r) => [r.name, r.state]).sort()).toEqual([
      ['bad', 'setting-up'],
      ['good', 'setting-up'],
    ]);

    await expect
      .poll(async () => (await invoke<SetupRecord[]>('setup:list', {})).map((r) => [r.name, r.state]), {
        timeout: 20_000,
      })
      .toEqual([['bad', 'failed']]);
    const [failed] = await invoke<SetupRecord[]>('setup:list', {});
    expect(failed!.errors?.[0]).toMatch(/runcmd/);
    // Every change reached the windows: the last event is the list as it stands.
    expect(events.at(-1)).toEqual([failed]);
    const log = await invoke<{ text: string }>('setup:log', { name: 'bad' });
    expect(log.text).toContain('Failed running /var/lib/cloud/instance/scripts/runcmd [3]');

    expect(await invoke('setup:dismiss', { name: 'bad' })).toEqual({ dismissed: true });
    expect(await invoke('setup:list', {})).toEqual([]);
  }, 60_000);

  it('follows a rename, forgets a deleted machine, and goes on after OrbDeck restarts', async () => {
    const slow = { ORBCTL_SIM_SPEED: '40', ORBCTL_SIM_CLOUD_INIT_MS: '60000' };
    const first = startCore(slow);
    const file = join(first.outDir, 'user-data.yaml');
    writeFileSync(file, GOOD);
    await first.invoke('machine:create', { distro: 'ubuntu', name: 'box', cloudInitPath: file });
    await first.invoke('machine:create', { distro: 'ubuntu', name: 'gone', cloudInitPath: file });
    await first.core.jobs.whenIdle();
    await first.invoke('machine:rename', { name: 'box', newName: 'renamed' });
    await first.invoke('machine:delete', { name: 'gone' });
    await first.core.jobs.whenIdle();
    await first.core.machines.refresh();
    await expect
      .poll(async () => (await first.invoke<SetupRecord[]>('setup:list', {})).map((r) => r.name))
      .toEqual(['renamed']);
    await first.core.dispose();

    const again = startCore(slow, first.dataDir);
    await again.core.machines.refresh();
    expect((await again.invoke<SetupRecord[]>('setup:list', {})).map((r) => [r.name, r.state])).toEqual([
      ['renamed', 'setting-up'],
    ]);
  }, 60_000);
});
