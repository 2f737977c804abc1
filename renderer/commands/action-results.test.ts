import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../api/api';
import type { MachinesReadAfter, MachinesSnapshot } from '../../shared/ipc/contract';
import type { Machine } from '../../shared/machine';
import { testJob, testMachine } from '../../test/helpers/fixtures';
import { showActionResult } from './action-results';
import { useMachines } from '../state/machines';
import { useToasts } from '../state/toasts';

let version = 0;
const list = (machines: Machine[], lastError: MachinesSnapshot['lastError'] = null): MachinesSnapshot => ({
  machines,
  lastError,
  updatedAt: 1,
  version: ++version,
});

/**
 * An api whose `machines:read-after` answers when the test says the core read a list: the list reaches the
 * store first, as the changes sent before the answer do (`missed`: they did not), and `machines:snapshot`
 * answers it when pulled.
 */
function fakeApi() {
  const answers: Array<(a: MachinesReadAfter) => void> = [];
  let core: MachinesSnapshot | null = null;
  const invoke = vi.fn((channel: string) =>
    channel === 'machines:snapshot'
      ? Promise.resolve(core)
      : new Promise<MachinesReadAfter>((resolve) => answers.push(resolve)),
  );
  const answer = (s: MachinesSnapshot, missed = false) => {
    core = s;
    if (!missed) useMachines.getState().setSnapshot(s);
    answers.shift()!({ version: s.version, lastError: s.lastError });
  };
  return { api: { invoke } as unknown as Api, invoke, answer };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const states = () => useMachines.getState().machines.map((m) => `${m.name} ${m.state}`);
const warnings = () => useToasts.getState().toasts.map((t) => `${t.kind}: ${t.text}`);

beforeEach(() => {
  useMachines.setState({ snapshot: null, machines: [], pending: [], unconfirmed: new Set() });
  useToasts.setState({ toasts: [] });
  useMachines.getState().setSnapshot(list([testMachine('web', 'stopped'), testMachine('db', 'stopped')]));
});

describe('showActionResult', () => {
  it('asks one list for the jobs that end together, and says nothing when it confirms them', async () => {
    const { api, invoke, answer } = fakeApi();
    showActionResult(api, testJob('web', 'succeeded', 'start'));
    showActionResult(api, testJob('db', 'succeeded', 'start'));
    expect(states()).toEqual(['web running', 'db running']);
    await flush();
    expect(invoke).toHaveBeenCalledTimes(1);
    const jobIds = [...useMachines.getState().pending].map((p) => p.jobId);
    expect(invoke).toHaveBeenCalledWith('machines:read-after', { jobIds });
    answer(list([testMachine('web', 'running'), testMachine('db', 'running')]));
    await flush();
    expect([...useMachines.getState().unconfirmed]).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  it('says once what the list shows instead when it corrects the row', async () => {
    const { api, answer } = fakeApi();
    showActionResult(api, testJob('web', 'succeeded', 'start'));
    await flush();
    answer(list([testMachine('web', 'stopped'), testMachine('db', 'stopped')]));
    await flush();
    expect(states()).toEqual(['web stopped', 'db stopped']);
    expect(warnings()).toEqual(['warning: After “Start web”, orbctl list shows that web is stopped.']);
  });

  it('waits past a list that could not be read for the next one that could', async () => {
    const { api, answer } = fakeApi();
    showActionResult(api, testJob('web', 'succeeded', 'start'));
    await flush();
    const stale = [testMachine('web', 'stopped'), testMachine('db', 'stopped')];
    answer(list(stale, { code: 'ORBCTL_FAILED', message: 'the list could not be read' }));
    await flush();
    expect(states()).toEqual(['web running', 'db stopped']);
    expect([...useMachines.getState().unconfirmed]).toEqual(['web']);
    useMachines.getState().setSnapshot(list(stale));
    expect(states()).toEqual(['web stopped', 'db stopped']);
    expect(warnings()).toEqual(['warning: After “Start web”, orbctl list shows that web is stopped.']);
  });

  it('pulls the whole list when the changes that carried it were missed', async () => {
    const { api, invoke, answer } = fakeApi();
    showActionResult(api, testJob('web', 'succeeded', 'start'));
    await flush();
    answer(list([testMachine('web', 'stopped'), testMachine('db', 'stopped')]), true);
    await flush();
    expect(invoke).toHaveBeenLastCalledWith('machines:snapshot', {});
    expect(states()).toEqual(['web stopped', 'db stopped']);
    expect(warnings()).toEqual(['warning: After “Start web”, orbctl list shows that web is stopped.']);
  });

  it('asks nothing for a job whose result the list shows already', async () => {
    const { api, invoke } = fakeApi();
    showActionResult(api, testJob('web', 'succeeded', 'stop'));
    await flush();
    expect(invoke).not.toHaveBeenCalled();
  });
});
