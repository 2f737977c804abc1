import { vi } from 'vitest';
import type { EventOf, IpcChannel, IpcEvent, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import { testJob } from '../helpers/fixtures';
import { setApi, type Api } from '../../renderer/api/api';
import { useJobs } from '../../renderer/state/jobs';
import { useMachines } from '../../renderer/state/machines';
import { useOrbctl } from '../../renderer/state/orbctl';
import { useToasts } from '../../renderer/state/toasts';
import { useUi } from '../../renderer/state/ui';
import { EMPTY_SELECTION } from '../../renderer/model/selection';
import { NO_HISTORY_FILTER } from '../../renderer/model/history-groups';

type Handlers = { [C in IpcChannel]?: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

/** A stub bridge: answers from `handlers`, records every call, and lets the test send events. */
export function stubApi(handlers: Handlers = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (channel: IpcChannel, request: unknown) => {
    const handler = handlers[channel] as ((r: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`stub has no handler for ${channel}`);
    return handler(request);
  });
  const api: Api = {
    transport: 'headless',
    invoke: invoke as Api['invoke'],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnection: () => () => {},
    connection: () => 'open',
    resolveFile: vi.fn(async (file: File) => ({
      ref: `/uploads/${file.name}`,
      path: `/uploads/${file.name}`,
      uploaded: true,
    })),
  };
  setApi(api);
  return {
    api,
    invoke,
    emit<E extends IpcEvent>(event: E, payload: EventOf<E>) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

export { testMachine as machine } from '../helpers/fixtures';

export function job(machineName: string, state: Job['state'] = 'running', kind: Job['kind'] = 'export'): Job {
  return testJob(machineName, state, kind, { title: `${kind} ${machineName}` });
}

/** Resets every store to its start. */
export function resetStores(machines: Machine[] = []): void {
  useMachines.setState({
    snapshot: { machines, lastError: null, updatedAt: 1, version: 1 },
    machines,
    pending: [],
    unconfirmed: new Set(),
    fetchError: null,
    selection: EMPTY_SELECTION,
    selected: null,
  });
  useJobs.setState({ jobs: {}, heardAt: {} });
  useUi.setState({
    filter: '',
    historyFilter: NO_HISTORY_FILTER,
    stateFilter: 'all',
    sort: { key: 'name', direction: 'asc' },
    dialog: null,
    view: 'machines',
    contextMenu: null,
    dismissedFailures: new Set(),
    activityOpen: false,
    inspectorOpen: false,
    inspectorTab: 'info',
  });
  useToasts.setState({ toasts: [] });
  useOrbctl.setState({ status: null });
}
