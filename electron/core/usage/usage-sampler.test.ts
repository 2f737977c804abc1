import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MachinesSnapshot } from '../../../shared/ipc/types';
import { testMachine } from '../../../test/helpers/fixtures';
import { DETAIL_MS, MAX_PARALLEL, ROWS_MS, UsageSampler, type ReadingKind } from './usage-sampler';
import { UsageWatchers } from './usage-watchers';

/** A sampler over fake machines and a fake clock; every read is recorded and ends at once. */
function setup(states: Record<string, string> = { web: 'running', db: 'running', old: 'stopped' }) {
  const world = {
    visible: true,
    clientVisible: new Map<string, boolean>([['tab', true]]),
    polledAt: Date.now() as number | null,
    busy: new Map<string, string>(),
    reads: [] as Array<[string, ReadingKind, boolean]>,
    unavailable: [] as Array<[string, string]>,
    refreshes: 0,
    hold: null as Promise<void> | null,
    ports: new Map<string, number>(),
  };
  const watchers = new UsageWatchers((client) => world.clientVisible.get(client) ?? false);
  const snapshot = (): MachinesSnapshot => ({
    machines: Object.entries(states).map(([name, state]) => testMachine(name, state)),
    lastError: null,
    updatedAt: world.polledAt,
    version: 1,
  });
  const sampler = new UsageSampler({
    watchers,
    anyVisible: () => world.visible,
    snapshot,
    refresh: async () => {
      world.refreshes++;
      world.polledAt = Date.now();
    },
    busy: (name) => world.busy.get(name) ?? null,
    read: async (name, kind, background) => {
      world.reads.push([name, kind, background]);
      if (world.hold) await world.hold;
    },
    unavailable: (name, reason) => world.unavailable.push([name, reason]),
    portsSeenAt: (name) => world.ports.get(name) ?? null,
  });
  /** Lets the clock run `ms`, the list being polled as the poller would (every second here). */
  const pass = async (ms: number) => {
    for (let t = 0; t < ms; t += 250) {
      await vi.advanceTimersByTimeAsync(250);
      world.polledAt = Date.now();
    }
  };
  const count = (name: string, kind: ReadingKind = 'sample') =>
    world.reads.filter(([n, k]) => n === name && k === kind).length;
  return { world, watchers, sampler, pass, count };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the usage sampler', () => {
  it('reads the inspector’s machine every 2 s and the rows every 10 s, in the background', async () => {
    const { watchers, sampler, pass, count, world } = setup();
    watchers.set('tab', { machine: 'web', view: 'usage', rows: ['web', 'db'] });
    sampler.wake();
    // Readings at 0, 2, … 18 s, and at 0 and 10 s.
    await pass(19_000);
    expect(count('web')).toBe(20_000 / DETAIL_MS);
    expect(count('db')).toBe(20_000 / ROWS_MS);
    expect(world.reads.find(([n]) => n === 'db')?.[2]).toBe(true);
    expect(world.reads.find(([n]) => n === 'web')?.[2]).toBe(false);
    sampler.stop();
  });

  it('reads nothing while no window is visible, and starts again when one is', async () => {
    const { watchers, sampler, pass, world } = setup();
    world.visible = false;
    watchers.set('tab', { machine: 'web', view: 'usage', rows: ['db'] });
    sampler.wake();
    await pass(30_000);
    expect(world.reads).toEqual([]);
    expect(world.refreshes).toBe(0);
    world.visible = true;
    sampler.wake();
    await pass(1000);
    expect(world.reads.map(([n]) => n).sort()).toEqual(['db', 'web']);
    sampler.stop();
  });

  it('reads nothing for a hidden window while another visible window shows nothing', async () => {
    const { watchers, sampler, pass, world } = setup();
    world.clientVisible.set('tab', false);
    world.clientVisible.set('other', true);
    watchers.set('tab', { machine: 'web', view: 'usage', rows: [] });
    sampler.wake();
    await pass(10_000);
    expect(world.reads).toEqual([]);
    sampler.stop();
  });

  it('never reads a machine that is not running or that a job works on, and says why', async () => {
    const { watchers, sampler, pass, world } = setup();
    world.busy.set('db', 'Export db');
    watchers.set('tab', { machine: 'old', view: 'usage', rows: ['db'] });
    sampler.wake();
    await pass(5000);
    expect(world.reads).toEqual([]);
    expect(world.unavailable).toContainEqual(['old', 'old is stopped.']);
    expect(world.unavailable).toContainEqual(['db', 'Not read while “Export db” runs.']);
    sampler.stop();
  });

  it('polls the machine list first when it is older than a second (orbctl run would start a stopped machine)', async () => {
    const { watchers, sampler, world } = setup();
    world.polledAt = Date.now() - 5000;
    watchers.set('tab', { machine: 'web', view: 'usage', rows: [] });
    sampler.wake();
    await vi.advanceTimersByTimeAsync(10);
    expect(world.refreshes).toBe(1);
    expect(world.reads).toEqual([['web', 'sample', false]]);
    sampler.stop();
  });

  it('reads at most a few machines at once; the others wait for one to end', async () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, 'running']));
    const { watchers, sampler, world } = setup(many);
    let release!: () => void;
    world.hold = new Promise((r) => (release = r));
    watchers.set('tab', { machine: null, view: null, rows: Object.keys(many) });
    sampler.wake();
    await vi.advanceTimersByTimeAsync(500);
    expect(world.reads).toHaveLength(MAX_PARALLEL);
    world.hold = null;
    release();
    await vi.advanceTimersByTimeAsync(500);
    expect(new Set(world.reads.map(([n]) => n)).size).toBe(10);
    sampler.stop();
  });

  it('with a Ports tab, reads its ports and, a few a round, the other running machines not seen lately', async () => {
    const { watchers, sampler, pass, count, world } = setup({ web: 'running', a: 'running', b: 'stopped' });
    world.ports.set('a', Date.now());
    watchers.set('tab', { machine: 'web', view: 'ports', rows: [] });
    sampler.wake();
    await pass(1000);
    expect(count('web', 'ports')).toBe(1);
    // `a`'s ports were seen just now, `b` is stopped: neither is read.
    expect(world.reads.filter(([n]) => n !== 'web')).toEqual([]);
    world.ports.set('a', Date.now() - 6 * 60_000);
    await pass(ROWS_MS);
    expect(count('a')).toBe(1);
    expect(count('b')).toBe(0);
    sampler.stop();
  });

  it('stops reading a machine once no window shows it', async () => {
    const { watchers, sampler, pass, world } = setup();
    watchers.set('tab', { machine: 'web', view: 'usage', rows: [] });
    sampler.wake();
    await pass(3000);
    const before = world.reads.length;
    watchers.set('tab', { machine: null, view: null, rows: [] });
    sampler.wake();
    await pass(20_000);
    expect(world.reads.length).toBe(before);
    sampler.stop();
  });
});
