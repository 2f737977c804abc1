import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import type { Machine } from '../../shared/machine';
import { testJob, testMachine } from '../../test/helpers/fixtures';
import type { MachinesSnapshot } from '../../shared/ipc/contract';
import { machinesChange } from '../../shared/machines-change';
import { firstSnapshot, selectMachines, useMachines } from './machines';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

beforeEach(() => {
  vi.useFakeTimers();
  useMachines.setState({
    snapshot: null,
    fetchError: null,
    machines: [],
    pending: [],
    unconfirmed: new Set(),
    early: [],
  });
  useMachines.getState().select(null);
});
afterEach(() => vi.useRealTimers());

describe('firstSnapshot', () => {
  it('waits for the first snapshot, and no longer', async () => {
    const waiting = firstSnapshot(400);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(waiting)).toBe(false);
    useMachines.getState().setSnapshot({ machines: [], lastError: null, updatedAt: 1, version: 1 });
    expect(await settled(waiting)).toBe(true);
  });

  it('stops waiting when the snapshot could not be fetched', async () => {
    const waiting = firstSnapshot(400);
    useMachines.getState().setFetchError({ code: ErrorCode.DISCONNECTED, message: 'gone' });
    expect(await settled(waiting)).toBe(true);
  });

  it('gives up after the time given', async () => {
    const waiting = firstSnapshot(400);
    await vi.advanceTimersByTimeAsync(399);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
  });

  it('answers at once when the snapshot is already there', async () => {
    useMachines.getState().setSnapshot({ machines: [], lastError: null, updatedAt: 1, version: 1 });
    expect(await settled(firstSnapshot(400))).toBe(true);
  });
});

describe('the result of a finished action', () => {
  let version = 0;
  const list = (...machines: Machine[]) => ({ machines, lastError: null, updatedAt: 1, version: ++version });
  const shown = () => selectMachines(useMachines.getState()).map((m) => `${m.name} ${m.state}`);
  const unconfirmed = () => [...useMachines.getState().unconfirmed];

  beforeEach(() => {
    useMachines.getState().setSnapshot(list(testMachine('web', 'stopped'), testMachine('db', 'running')));
  });

  it('shows a start at once, marked as not yet confirmed, and the next list confirms it', () => {
    const start = testJob('web', 'succeeded', 'start');
    expect(useMachines.getState().expect(start)).toBe(true);
    expect(shown()).toEqual(['web running', 'db running']);
    expect(unconfirmed()).toEqual(['web']);
    const corrections = useMachines
      .getState()
      .settle([start.id], list(testMachine('web', 'running'), testMachine('db', 'running')));
    expect(corrections).toEqual([]);
    expect(shown()).toEqual(['web running', 'db running']);
    expect(unconfirmed()).toEqual([]);
  });

  it('is corrected by a list that does not show it, and says so once', () => {
    const start = testJob('web', 'succeeded', 'start');
    useMachines.getState().expect(start);
    const stale = list(testMachine('web', 'stopped'), testMachine('db', 'running'));
    expect(useMachines.getState().settle([start.id], stale)).toEqual([
      'After “Start web”, orbctl list shows that web is stopped.',
    ]);
    expect(shown()).toEqual(['web stopped', 'db running']);
    expect(unconfirmed()).toEqual([]);
    expect(useMachines.getState().settle([start.id], stale)).toEqual([]);
  });

  it('keeps showing the result over a list read before orbctl returned, until its own list comes', () => {
    const stop = testJob('db', 'succeeded', 'stop');
    useMachines.getState().expect(stop);
    useMachines.getState().setSnapshot(list(testMachine('web', 'stopped'), testMachine('db', 'stopping')));
    expect(shown()).toEqual(['web stopped', 'db stopped']);
    expect(unconfirmed()).toEqual(['db']);
    // Any list that shows it confirms it.
    useMachines.getState().setSnapshot(list(testMachine('web', 'stopped'), testMachine('db', 'stopped')));
    expect(unconfirmed()).toEqual([]);
  });

  it('renames the row and keeps it selected under its new name', () => {
    useMachines.getState().select('web');
    const rename = testJob('web', 'succeeded', 'rename', { touches: ['api'], title: 'Rename web to api' });
    useMachines.getState().expect(rename);
    expect(shown()).toEqual(['api stopped', 'db running']);
    expect(useMachines.getState().selected).toBe('api');
    expect(unconfirmed()).toEqual(['api']);
  });

  it('takes a deleted machine away at once', () => {
    useMachines.getState().select('db');
    useMachines.getState().expect(testJob('db', 'succeeded', 'delete'));
    expect(shown()).toEqual(['web stopped']);
    expect(useMachines.getState().selected).toBeNull();
  });

  it('waits for nothing when the list already shows the result, or the job did not succeed', () => {
    expect(useMachines.getState().expect(testJob('db', 'succeeded', 'start'))).toBe(false);
    expect(useMachines.getState().expect(testJob('web', 'failed', 'start'))).toBe(false);
    expect(useMachines.getState().expect(testJob('web', 'succeeded', 'export'))).toBe(false);
    expect(unconfirmed()).toEqual([]);
    expect(useMachines.getState().pending).toEqual([]);
  });
});

describe('changes the core sends', () => {
  const snap = (machines: Machine[], version: number): MachinesSnapshot => ({
    machines,
    lastError: null,
    updatedAt: version,
    version,
  });
  const web = testMachine('web', 'stopped');
  const db = testMachine('db', 'stopped');
  const one = snap([web, db], 1);
  const two = snap([{ ...web, state: 'running' }, db], 2);
  const three = snap([{ ...web, state: 'running' }], 3);
  const states = () => useMachines.getState().machines.map((m) => `${m.name} ${m.state}`);

  it('are applied to the snapshot they were made from, keeping the records that did not change', () => {
    useMachines.getState().setSnapshot(one);
    const dbRecord = useMachines.getState().machines[1];
    expect(useMachines.getState().applyChange(machinesChange(one, two))).toBe(true);
    expect(states()).toEqual(['web running', 'db stopped']);
    expect(useMachines.getState().machines[1]).toBe(dbRecord);
    // One already in a snapshot pulled since is old news.
    expect(useMachines.getState().applyChange(machinesChange(one, two))).toBe(true);
    expect(useMachines.getState().snapshot?.version).toBe(2);
  });

  it('say when one was missed, so that the window pulls the whole list', () => {
    useMachines.getState().setSnapshot(one);
    expect(useMachines.getState().applyChange(machinesChange(two, three))).toBe(false);
    expect(states()).toEqual(['web stopped', 'db stopped']);
  });

  it('that come before the first snapshot wait for it, and say when they do not fit it', () => {
    expect(useMachines.getState().applyChange(machinesChange(one, two))).toBe(true);
    expect(useMachines.getState().applyChange(machinesChange(two, three))).toBe(true);
    expect(useMachines.getState().snapshot).toBeNull();
    expect(useMachines.getState().setSnapshot(one)).toBe(true);
    expect(states()).toEqual(['web running']);
    useMachines.setState({ snapshot: null, early: [] });
    useMachines.getState().applyChange(machinesChange(two, three));
    expect(useMachines.getState().setSnapshot(one)).toBe(false);
  });
});
