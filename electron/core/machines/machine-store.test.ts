import { afterEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Machine, MachineInfo } from '../../../shared/machine';
import { EventHub } from '../events';
import { MachineStore, type MachineSource } from './machine-store';
import { testMachine } from '../../../test/helpers/fixtures';

const machine = (name: string, state = 'running'): Machine => testMachine(name, state);

/** A source whose answers the test sets, counting calls and overlaps. */
class FakeSource implements MachineSource {
  machines: Machine[] = [];
  error: Error | null = null;
  defaultMachine: string | null = null;
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  async list(): Promise<Machine[]> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight--;
    if (this.error) throw this.error;
    return this.machines.map((m) => ({ ...m }));
  }
  async defaultName(): Promise<string | null> {
    return this.defaultMachine;
  }
  infoCalls: string[] = [];
  async info(name: string): Promise<MachineInfo> {
    this.infoCalls.push(name);
    const m = this.machines.find((x) => x.name === name);
    if (!m) throw new Error('gone');
    return {
      ...m,
      diskSize: 1000 + m.name.length,
      ...(m.state === 'running' ? { ip4: '198.19.249.2' } : {}),
    };
  }
}

let store: MachineStore | undefined;
afterEach(() => store?.stop());

function setup(intervals = {}) {
  const source = new FakeSource();
  const events = new EventHub();
  const sent: MachinesSnapshot[] = [];
  events.on('machines:changed', (s) => sent.push(s));
  store = new MachineStore({ source, events, intervals });
  return { source, sent, store };
}

describe('MachineStore', () => {
  it('emits only when the list really changes', async () => {
    const { source, sent, store } = setup();
    source.machines = [machine('a')];
    await store.refresh();
    const afterFirst = sent.length; // the list, then the list with what `info` added
    await store.refresh();
    await store.refresh();
    expect(sent).toHaveLength(afterFirst);
    source.machines = [machine('a', 'stopped')];
    await store.refresh();
    expect(sent.length).toBeGreaterThan(afterFirst);
    expect(sent.at(-1)!.machines[0]!.state).toBe('stopped');
  });

  it('keeps the last polling error and clears it on success', async () => {
    const { source, sent, store } = setup();
    source.machines = [machine('a')];
    await store.refresh();
    source.error = new AppError(ErrorCode.ORBSTACK_NOT_RUNNING, 'OrbStack is not running.');
    const failed = await store.refresh();
    expect(failed.lastError).toMatchObject({ code: 'ORBSTACK_NOT_RUNNING' });
    expect(failed.machines).toHaveLength(1); // the last known list stays visible
    source.error = null;
    expect((await store.refresh()).lastError).toBeNull();
    const errors = sent
      .map((s) => s.lastError?.code ?? null)
      .filter((code, i, all) => i === 0 || all[i - 1] !== code);
    expect(errors).toEqual([null, 'ORBSTACK_NOT_RUNNING', null]);
  });

  it('never runs two polls at once and coalesces waiting refreshes', async () => {
    const { source, store } = setup();
    source.delayMs = 20;
    await Promise.all([store.refresh(), store.refresh(), store.refresh(), store.refresh()]);
    expect(source.maxInFlight).toBe(1);
    expect(source.calls).toBeLessThanOrEqual(2);
  });

  it('marks the default machine', async () => {
    const { source, store } = setup();
    source.machines = [machine('a'), machine('b')];
    source.defaultMachine = 'b';
    const snap = await store.refresh();
    expect(snap.machines.map((m) => [m.name, m.isDefault])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('adds disk size and address from info, asking only about what changed', async () => {
    const { source, store } = setup();
    source.machines = [machine('a'), machine('bb', 'stopped')];
    let snap = await store.refresh();
    expect(snap.machines.map((m) => [m.name, m.diskSize, m.ip4])).toEqual([
      ['a', 1001, '198.19.249.2'],
      ['bb', 1002, undefined],
    ]);
    expect(source.infoCalls.sort()).toEqual(['a', 'bb']);
    await store.refresh();
    expect(source.infoCalls).toHaveLength(2);
    source.machines = [machine('a', 'stopped'), machine('bb', 'stopped')];
    snap = await store.refresh();
    expect(source.infoCalls.slice(2)).toEqual(['a']);
    expect(snap.machines[0]!.ip4).toBeUndefined();
  });

  it('polls faster after an action and slower when hidden', () => {
    let now = 0;
    const source = new FakeSource();
    store = new MachineStore({
      source,
      events: new EventHub(),
      now: () => now,
      intervals: { visibleMs: 3000, hiddenMs: 15000, fastMs: 500, fastForMs: 5000 },
    });
    expect(store.currentInterval()).toBe(3000);
    store.nudge();
    expect(store.currentInterval()).toBe(500);
    now = 6000;
    expect(store.currentInterval()).toBe(3000);
    store.setVisible(false);
    expect(store.currentInterval()).toBe(15000);
  });

  it('keeps polling on its own once started', async () => {
    const { source, store } = setup({ visibleMs: 10, fastMs: 10 });
    store.start();
    await new Promise((r) => setTimeout(r, 120));
    store.stop();
    expect(source.calls).toBeGreaterThanOrEqual(3);
    expect(source.maxInFlight).toBe(1);
  });
});
