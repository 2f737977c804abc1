import { beforeEach, describe, expect, it } from 'vitest';
import { job, machine, resetStores, stubApi } from '../../test/renderer/support';
import { runOnMachines } from './machine-commands';

beforeEach(() => resetStores([machine('a', 'stopped'), machine('b', 'stopped'), machine('c', 'stopped')]));

describe('an action on several machines', () => {
  it('asks for one job per machine, all tied to one bulk action', async () => {
    const { invoke } = stubApi({ 'machine:start': ({ name }) => job(name, 'queued', 'start') });
    runOnMachines('start', ['a', 'b', 'c']);
    await Promise.resolve();
    const requests = invoke.mock.calls.map(([, request]) => request as { name: string; batch?: string });
    expect(requests.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(requests[0]!.batch).toMatch(/^batch-/);
    expect(new Set(requests.map((r) => r.batch)).size).toBe(1);

    // The next bulk action is another one.
    runOnMachines('start', ['a', 'b']);
    expect((invoke.mock.calls[3]![1] as { batch?: string }).batch).not.toBe(requests[0]!.batch);
  });

  it('leaves a single machine’s action out of any bulk action', () => {
    const { invoke } = stubApi({ 'machine:start': ({ name }) => job(name, 'queued', 'start') });
    runOnMachines('start', ['a']);
    expect(invoke).toHaveBeenCalledWith('machine:start', { name: 'a' });
  });
});
