import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Machine, MachineInfo } from '../../../shared/machine';
import { EventHub } from '../platform/events';
import { MachinePoller, type MachineSource, type PollIntervals } from './machine-poller';
import { MachineStore } from './machine-store';
import { testMachine as machine } from '../../../test/helpers/fixtures';

/** A source whose answers the test sets, recording every call and overlaps. */
class FakeSource implements MachineSource {
  machines: Machine[] = [];
  error: Error | null = null;
  defaultMachine: string | null = null;
  calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  infoDelayMs = 0;
  async list(): Promise<Machine[]> {
    this.calls.push('list');
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight--;
    if (this.error) throw this.error;
    return this.machines.map((m) => ({ ...m }));
  }
  async defaultName(): Promise<string | null> {
    this.calls.push('default');
    return this.defaultMachine;
  }
  backgroundInFlight = 0;
  maxBackgroundInFlight = 0;
  /** Info calls that began while a list was under way. */
  infoDuringList = 0;
  background: string[] = [];
  /** Info calls stopped by their signal. */
  stopped: string[] = [];
  async info(name: string, signal?: AbortSignal, background = false): Promise<MachineInfo> {
    this.calls.push(`info ${name}`);
    if (this.inFlight > 0) this.infoDuringList++;
    if (background) {
      this.background.push(name);
      this.backgroundInFlight++;
      this.maxBackgroundInFlight = Math.max(this.maxBackgroundInFlight, this.backgroundInFlight);
    }
    const stopped = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.infoDelayMs);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (background) this.backgroundInFlight--;
    if (stopped) {
      this.stopped.push(name);
      throw new AppError(ErrorCode.CANCELLED, 'stopped');
    }
    const m = this.machines.find((x) => x.name === name);
    if (!m) throw new Error('gone');
    return {
      ...m,
      diskSize: 1000 + m.name.length,
      ...(m.state === 'running' ? { ip4: '198.19.249.2' } : {}),
    };
  }
  infoCalls(): string[] {
    return this.calls.filter((c) => c.startsWith('info ')).map((c) => c.slice(5));
  }
}

/** `count` stopped machines named vm-00, vm-01, … */
const stoppedMachines = (count: number) =>
  Array.from({ length: count }, (_, i) => machine(`vm-${String(i).padStart(2, '0')}`, 'stopped'));

let poller: MachinePoller | undefined;
afterEach(() => poller?.stop());

/** A poller over a fake source; no pause between calls about rows off screen unless the test sets one. */
function setup(options: { intervals?: Partial<PollIntervals>; visible?: boolean; now?: () => number } = {}) {
  const source = new FakeSource();
  const store = new MachineStore(new EventHub(), options.now);
  const intervals = { backgroundPauseMs: 0, ...options.intervals };
  poller = new MachinePoller({ source, store, ...options, intervals });
  return { source, store, poller };
}

describe('MachinePoller', () => {
  it('takes the same list again (the same array from the adapter) as unchanged, rebuilding nothing', async () => {
    const hub = new EventHub();
    const events = vi.fn();
    hub.on('machines:changed', events);
    const source = new FakeSource();
    const store = new MachineStore(hub);
    poller = new MachinePoller({ source, store });
    const same = [machine('ubuntu'), machine('debian', 'stopped')];
    source.list = async () => same;
    await poller.refresh();
    const first = store.snapshot();
    const setList = vi.spyOn(store, 'setList');
    const unchanged = vi.spyOn(store, 'unchanged');
    await poller.refresh();
    await poller.refresh();
    expect(setList).not.toHaveBeenCalled();
    expect(unchanged).toHaveBeenCalledTimes(2);
    expect(events).toHaveBeenCalledTimes(1);
    expect(store.snapshot().machines).toEqual(first.machines);
    // A different answer is read again.
    source.list = async () => [machine('ubuntu', 'stopped')];
    await poller.refresh();
    expect(setList).toHaveBeenCalledTimes(1);
    expect(store.snapshot().machines.map((m) => m.state)).toEqual(['stopped']);
  });

  it('fresh() joins the poll under way (it reads the list now) where refresh() would queue another', async () => {
    const { source, poller } = setup();
    source.machines = [machine('a')];
    await poller.refresh();
    source.delayMs = 30;
    source.calls = [];
    const under = poller.refresh();
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([under, poller.fresh()]);
    expect(source.calls.filter((c) => c === 'list')).toHaveLength(1);
    await Promise.all([poller.refresh(), new Promise((r) => setTimeout(r, 5)).then(() => poller.refresh())]);
    expect(source.calls.filter((c) => c === 'list')).toHaveLength(3);
  });

  it('readSince() joins the poll under way only when it began late enough, else reads again', async () => {
    let now = 100;
    const { source, poller } = setup({ now: () => now });
    source.machines = [machine('a')];
    await poller.refresh();
    source.delayMs = 30;
    source.calls = [];
    const lists = () => source.calls.filter((c) => c === 'list').length;
    // A poll that began at 100 is a list read after something that ended at 100 …
    const under = poller.refresh();
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([under, poller.readSince(100)]);
    expect(lists()).toBe(1);
    // … not after something that ended at 101: that waits for a poll of its own.
    const again = poller.refresh();
    await new Promise((r) => setTimeout(r, 5));
    now = 101;
    await Promise.all([again, poller.readSince(101)]);
    expect(lists()).toBe(3);
  });

  it('asks the default beside the first list, so the first answer waits for one process, not two', async () => {
    const { source, store, poller } = setup();
    source.machines = [machine('a'), machine('b')];
    source.defaultMachine = 'b';
    source.delayMs = 30;
    await poller.refresh();
    expect(source.calls.slice(0, 2).sort()).toEqual(['default', 'list']);
    expect(store.snapshot().machines.map((m) => m.isDefault)).toEqual([false, true]);
  });

  it('asks the default again only when the machines change, after an action, or when old', async () => {
    let now = 0;
    const { source, poller } = setup({ now: () => now, intervals: { defaultEveryMs: 60_000 } });
    source.machines = [machine('a')];
    await poller.refresh();
    await poller.refresh();
    await poller.refresh();
    const defaults = () => source.calls.filter((c) => c === 'default').length;
    expect(defaults()).toBe(1);
    source.machines = [machine('a'), machine('b')];
    await poller.refresh();
    expect(defaults()).toBe(2);
    poller.nudge();
    await poller.refresh();
    expect(defaults()).toBe(3);
    now = 61_000;
    await poller.refresh();
    expect(defaults()).toBe(4);
  });

  it('with no visible window asks only `orbctl list`, and catches up on info once a window shows', async () => {
    let now = 0;
    const { source, store, poller } = setup({ visible: false, now: () => now });
    source.machines = [machine('a'), machine('b', 'stopped')];
    await poller.refresh(); // the first poll also learns the default
    source.calls = [];
    for (let i = 0; i < 5; i++) {
      now += 100_000;
      await poller.refresh();
    }
    await poller.infoIdle();
    expect(source.calls).toEqual(['list', 'list', 'list', 'list', 'list']);
    poller.setVisible(true);
    await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls().sort()).toEqual(['a', 'b']);
    expect(store.snapshot().machines.map((m) => m.diskSize)).toEqual([1001, 1001]);
  });

  it('asks info about what a window shows first, and only about what changed afterwards', async () => {
    const { source, poller } = setup();
    source.machines = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => machine(n, 'stopped'));
    poller.showing(['e', 'c']);
    await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls().slice(0, 2)).toEqual(['e', 'c']);
    expect(source.infoCalls().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls()).toHaveLength(6);
    source.machines[0] = machine('a', 'running');
    await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls().slice(6)).toEqual(['a']);
  });

  it('asks next about rows that came into view while a round was under way', async () => {
    const { source, poller } = setup();
    source.machines = stoppedMachines(40);
    source.infoDelayMs = 15;
    await poller.refresh();
    await new Promise((r) => setTimeout(r, 25));
    poller.showing(['vm-39', 'vm-38']);
    await poller.infoIdle();
    const order = source.infoCalls();
    expect(order.indexOf('vm-39')).toBeLessThan(16);
    expect(order.indexOf('vm-38')).toBeLessThan(16);
  });

  it('asks about rows off screen one at a time, in the background, and about shown rows four at a time', async () => {
    const { source, poller } = setup();
    source.machines = stoppedMachines(30);
    source.infoDelayMs = 5;
    const shown = ['vm-29', 'vm-28', 'vm-27', 'vm-26', 'vm-25', 'vm-24'];
    poller.showing(shown);
    await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls().slice(0, 6).sort()).toEqual([...shown].sort());
    expect(source.background.sort()).toEqual(
      source
        .infoCalls()
        .filter((n) => !shown.includes(n))
        .sort(),
    );
    expect(source.background).toHaveLength(24);
    expect(source.maxBackgroundInFlight).toBe(1);
  });

  it('asks nothing about rows off screen while an action runs, and goes on once it ends', async () => {
    const { source, poller } = setup({ intervals: { fastMs: 60_000, visibleMs: 60_000 } });
    source.machines = stoppedMachines(10);
    const ended = poller.actionBegins();
    poller.showing(['vm-09']);
    poller.start();
    await vi.waitFor(() => expect(source.calls).toContain('list'), { timeout: 5_000 });
    await poller.infoIdle();
    expect(source.infoCalls()).toEqual(['vm-09']);
    ended();
    await vi.waitFor(() => expect(source.background).toHaveLength(9), { timeout: 5_000 });
    // Ending twice is ending once.
    ended();
    await poller.infoIdle();
    expect(source.background).toHaveLength(9);
  });

  it('stops the call about a row off screen under way when an action begins', async () => {
    const { source, poller } = setup({ intervals: { fastMs: 60_000, visibleMs: 60_000 } });
    source.machines = stoppedMachines(5);
    source.infoDelayMs = 200;
    poller.start();
    await vi.waitFor(() => expect(source.background).toHaveLength(1), { timeout: 5_000 });
    const ended = poller.actionBegins();
    await vi.waitFor(() => expect(source.stopped).toEqual(source.background), { timeout: 5_000 });
    await poller.infoIdle();
    expect(source.background).toHaveLength(1);
    source.infoDelayMs = 0;
    ended();
    // Asked again by a later round, with the others.
    await vi.waitFor(() => expect(new Set(source.background).size).toBe(5), { timeout: 5_000 });
  });

  it('pauses after each call about a row off screen, not after those on screen', async () => {
    const { source, poller } = setup({ intervals: { backgroundPauseMs: 1000 } });
    source.machines = stoppedMachines(6);
    poller.showing(['vm-05', 'vm-04']);
    await poller.refresh();
    await new Promise((r) => setTimeout(r, 150));
    // Both rows on screen, and one off screen: the next one waits for the pause.
    expect(source.infoCalls().sort()).toEqual(['vm-00', 'vm-04', 'vm-05']);
    await vi.waitFor(() => expect(source.background).toHaveLength(2), { timeout: 5_000 });
    poller.stop();
  });

  it('wakes waiting workers when rows come into view, so they are asked beside the background one', async () => {
    const { source, poller } = setup();
    source.machines = stoppedMachines(40);
    source.infoDelayMs = 30;
    await poller.refresh();
    await new Promise((r) => setTimeout(r, 45));
    const began = source.infoCalls().length;
    poller.showing(['vm-39', 'vm-38', 'vm-37', 'vm-36']);
    await new Promise((r) => setTimeout(r, 10));
    // Three idle workers took three of the new rows at once; the fourth follows the background call.
    expect(
      source
        .infoCalls()
        .slice(began, began + 3)
        .sort(),
    ).toEqual(['vm-37', 'vm-38', 'vm-39']);
    await poller.infoIdle();
  });

  it('starts no info while a list poll is under way', async () => {
    const { source, poller } = setup();
    source.machines = stoppedMachines(12);
    source.infoDelayMs = 4;
    source.delayMs = 15;
    poller.showing(source.machines.map((m) => m.name).slice(0, 8));
    await poller.refresh();
    for (let i = 0; i < 4; i++) await poller.refresh();
    await poller.infoIdle();
    expect(source.infoCalls()).toHaveLength(12);
    expect(source.infoDuringList).toBe(0);
  });

  it('shows the list without waiting for info, and info never holds up the next poll', async () => {
    const { source, store, poller } = setup();
    source.machines = [machine('a'), machine('b')];
    source.infoDelayMs = 200;
    const started = Date.now();
    await poller.refresh();
    expect(store.snapshot().machines).toHaveLength(2);
    source.machines.push(machine('c'));
    await poller.refresh();
    expect(store.snapshot().machines).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(200);
    await poller.infoIdle();
    expect(store.snapshot().machines.every((m) => m.diskSize === 1001)).toBe(true);
  });

  it('answers a window’s info about one machine from a recent reading, else asks and keeps the answer', async () => {
    let now = 0;
    const { source, store, poller } = setup({ now: () => now });
    source.machines = [machine('web'), machine('db', 'stopped')];
    poller.showing(['web']);
    await poller.refresh();
    await poller.infoIdle();
    const asked = () => source.infoCalls().length;
    const before = asked();
    // web was read for its row a moment ago: no process.
    expect(await poller.info('web')).toMatchObject({ name: 'web', diskSize: 1003, ip4: '198.19.249.2' });
    expect(asked()).toBe(before);
    // After an action ended it is asked again (the action may have changed it) …
    now = 1000;
    poller.actionBegins()();
    await poller.info('web');
    expect(asked()).toBe(before + 1);
    await poller.info('web');
    expect(asked()).toBe(before + 1);
    // … and a minute later.
    now = 62_000;
    await poller.info('web');
    expect(asked()).toBe(before + 2);
    // One whose state changed since its reading is asked again, and its row shows the answer.
    await poller.info('db');
    const db = asked();
    source.machines[1] = machine('db', 'running');
    store.setList(source.machines);
    await poller.info('db');
    expect(asked()).toBe(db + 1);
    expect(store.snapshot().machines.find((m) => m.name === 'db')?.ip4).toBe('198.19.249.2');
  });

  it('keeps the last polling error', async () => {
    const { source, store, poller } = setup();
    source.machines = [machine('a')];
    await poller.refresh();
    source.error = new AppError(ErrorCode.ORBSTACK_NOT_RUNNING, 'OrbStack is not running.');
    await poller.refresh();
    expect(store.snapshot().lastError).toMatchObject({ code: 'ORBSTACK_NOT_RUNNING' });
    expect(store.snapshot().machines).toHaveLength(1);
  });

  it('never runs two polls at once and coalesces waiting refreshes', async () => {
    const { source, poller } = setup();
    source.delayMs = 20;
    await Promise.all([poller.refresh(), poller.refresh(), poller.refresh(), poller.refresh()]);
    expect(source.maxInFlight).toBe(1);
    expect(source.calls.filter((c) => c === 'list').length).toBeLessThanOrEqual(2);
  });

  it('polls faster after an action and slower when hidden', () => {
    let now = 0;
    const { poller } = setup({
      now: () => now,
      intervals: { visibleMs: 3000, hiddenMs: 15000, fastMs: 500, fastForMs: 5000 },
    });
    expect(poller.currentInterval()).toBe(3000);
    poller.nudge();
    expect(poller.currentInterval()).toBe(500);
    now = 6000;
    expect(poller.currentInterval()).toBe(3000);
    poller.setVisible(false);
    expect(poller.currentInterval()).toBe(15000);
  });

  it('polls at once when an action ends, not at the next tick', async () => {
    const { source, poller } = setup({ intervals: { visibleMs: 60_000, fastMs: 60_000 } });
    poller.start();
    const lists = () => source.calls.filter((c) => c === 'list').length;
    // Waited for, not slept on: a loaded CI machine may take longer than a fixed sleep, never a minute.
    await vi.waitFor(() => expect(lists()).toBe(1), { timeout: 5_000 });
    poller.nudge();
    await vi.waitFor(() => expect(lists()).toBe(2), { timeout: 5_000 });
  });

  it('keeps the ordinary interval while an action runs, leaving the processor to its orbctl', async () => {
    vi.useFakeTimers();
    try {
      const { source, poller } = setup({ intervals: { visibleMs: 3000, fastMs: 700, fastForMs: 10_000 } });
      poller.start();
      await vi.advanceTimersByTimeAsync(0);
      const lists = () => source.calls.filter((c) => c === 'list').length;
      expect(lists()).toBe(1);
      poller.nudge();
      await vi.advanceTimersByTimeAsync(0);
      expect(lists()).toBe(2);
      // Quick polls after that change stop while an action runs …
      const ended = poller.actionBegins();
      await vi.advanceTimersByTimeAsync(2900);
      expect(lists()).toBe(2);
      await vi.advanceTimersByTimeAsync(200);
      expect(lists()).toBe(3);
      // … and it ending polls at once, then quickly again.
      ended();
      await vi.advanceTimersByTimeAsync(0);
      expect(lists()).toBe(4);
      await vi.advanceTimersByTimeAsync(750);
      expect(lists()).toBe(5);
      poller.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps polling on its own once started, and stops', async () => {
    // The clock is the test's: a busy machine cannot starve the polls of their time.
    vi.useFakeTimers();
    try {
      const { source, poller } = setup({ intervals: { visibleMs: 10, fastMs: 10 } });
      poller.start();
      await vi.advanceTimersByTimeAsync(120);
      poller.stop();
      const lists = source.calls.filter((c) => c === 'list').length;
      expect(lists).toBeGreaterThanOrEqual(3);
      expect(source.maxInFlight).toBe(1);
      await vi.advanceTimersByTimeAsync(50);
      expect(source.calls.filter((c) => c === 'list').length).toBe(lists);
    } finally {
      vi.useRealTimers();
    }
  });
});
