import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { MachinesChange, MachinesSnapshot } from '../../../shared/ipc/contract';
import { applyMachinesChange } from '../../../shared/machines-change';
import { EventHub } from '../platform/events';
import { MachineStore } from './machine-store';
import { testMachine as machine } from '../../../test/helpers/fixtures';

/**
 * A store whose changes a window applies as it would (`sent`: the snapshots it has after each), and whose core
 * listeners hear the whole snapshot (`heard`).
 */
function setup() {
  const events = new EventHub();
  const changes: MachinesChange[] = [];
  const sent: MachinesSnapshot[] = [];
  let window: MachinesSnapshot = { machines: [], lastError: null, updatedAt: null, version: 0 };
  events.on('machines:changed', (change) => {
    changes.push(change);
    window = applyMachinesChange(window, JSON.parse(JSON.stringify(change)))!;
    sent.push(window);
  });
  let now = 1000;
  const store = new MachineStore(events, () => now);
  const heard: MachinesSnapshot[] = [];
  store.onChanged((snapshot) => heard.push(snapshot));
  return { store, sent, changes, heard, tick: (ms: number) => (now += ms) };
}

describe('MachineStore', () => {
  it('emits only when what a window shows really changes', () => {
    const { store, sent, tick } = setup();
    store.setList([machine('a')]);
    store.setList([machine('a')]);
    tick(5000);
    store.setList([machine('a')]);
    expect(sent).toHaveLength(1);
    expect(store.snapshot().updatedAt).toBe(6000);
    store.setList([machine('a', 'stopped')]);
    expect(sent).toHaveLength(2);
    expect(sent.at(-1)!.machines[0]!.state).toBe('stopped');
    expect(sent.at(-1)!.version).toBeGreaterThan(sent[0]!.version);
  });

  it('tells windows only what changed, and its own listeners the whole snapshot', () => {
    const { store, sent, changes, heard } = setup();
    const many = Array.from({ length: 50 }, (_, i) => machine(`m${i}`, 'stopped'));
    store.setList(many);
    store.setList(many.map((m) => (m.name === 'm7' ? { ...m, state: 'running' as const } : m)));
    expect(changes[1]).toMatchObject({ changed: [{ name: 'm7', state: 'running' }], removed: [] });
    expect(changes[1]!.order).toBeUndefined();
    store.setList(many.slice(1));
    expect(changes[2]).toMatchObject({ changed: [{ name: 'm7', state: 'stopped' }], removed: [many[0]!.id] });
    expect(sent.at(-1)).toEqual(store.snapshot());
    expect(heard.map((s) => s.machines.length)).toEqual([50, 50, 49]);
    expect(heard.at(-1)).toEqual(store.snapshot());
  });

  it('tells the first answer even when it is an empty list', () => {
    const { store, sent } = setup();
    store.setList([]);
    expect(sent).toHaveLength(1);
    store.setList([]);
    expect(sent).toHaveLength(1);
  });

  it('keeps the last list beside an error, and clears the error with the next list', () => {
    const { store, sent } = setup();
    store.setList([machine('a')]);
    store.setError(new AppError(ErrorCode.ORBSTACK_NOT_RUNNING, 'OrbStack is not running.'));
    expect(store.snapshot().lastError).toMatchObject({ code: 'ORBSTACK_NOT_RUNNING' });
    expect(store.snapshot().machines).toHaveLength(1);
    store.setList([machine('a')]);
    expect(store.snapshot().lastError).toBeNull();
    expect(sent.map((s) => s.lastError?.code ?? null)).toEqual([null, 'ORBSTACK_NOT_RUNNING', null]);
  });

  it('marks the default machine, given with the list or later', () => {
    const { store } = setup();
    store.setList([machine('a'), machine('b')], 'b');
    expect(store.snapshot().machines.map((m) => m.isDefault)).toEqual([false, true]);
    store.setDefault('a');
    expect(store.snapshot().machines.map((m) => m.isDefault)).toEqual([true, false]);
    // A list without a default keeps the one known.
    store.setList([machine('a'), machine('b')]);
    expect(store.snapshot().machines.map((m) => m.isDefault)).toEqual([true, false]);
  });

  it('adds what info told, addresses only while the machine runs, in one event per batch', () => {
    const { store, sent } = setup();
    const a = machine('a');
    const b = machine('b', 'stopped');
    store.setList([a, b]);
    store.setInfo(a, { ...a, diskSize: 10, ip4: '198.19.249.2' });
    store.setInfo(b, { ...b, diskSize: 20 });
    expect(sent).toHaveLength(1);
    store.infoDone();
    expect(sent).toHaveLength(2);
    expect(store.snapshot().machines.map((m) => [m.name, m.diskSize, m.ip4])).toEqual([
      ['a', 10, '198.19.249.2'],
      ['b', 20, undefined],
    ]);
    store.setList([machine('a', 'stopped'), b]);
    expect(store.snapshot().machines[0]).toMatchObject({ diskSize: 10 });
    expect(store.snapshot().machines[0]!.ip4).toBeUndefined();
  });

  it('forgets info about machines no longer listed', () => {
    const { store } = setup();
    const a = machine('a');
    store.setList([a]);
    store.setInfo(a, { ...a, diskSize: 10 });
    store.setList([]);
    store.setList([a]);
    expect(store.snapshot().machines[0]!.diskSize).toBeUndefined();
  });

  it('lets a window wait for the first answer, and no longer than asked', async () => {
    const { store } = setup();
    const waiting = store.settledSnapshot(5000);
    store.setList([machine('a')]);
    expect((await waiting).machines).toHaveLength(1);
    const fresh = setup().store;
    const started = Date.now();
    expect((await fresh.settledSnapshot(30)).machines).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
