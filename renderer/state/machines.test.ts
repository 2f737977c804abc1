import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { firstSnapshot, useMachines } from './machines';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

beforeEach(() => {
  vi.useFakeTimers();
  useMachines.setState({ snapshot: null, fetchError: null });
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
