import { getApi, type Api } from '../api/api';
import { toErrorData } from '../../shared/errors';
import { useConnection } from '../state/connection';
import { isFinished } from '../../shared/jobs';
import { runAppCommand } from './app-commands';
import { useSettings } from '../state/settings';
import { useHistory } from '../state/history';
import { showActionResult } from './action-results';
import { noticeJobChange } from './job-notices';
import { useJobs } from '../state/jobs';
import { useMachines } from '../state/machines';
import { pullNotices, showNotice } from './notices';
import { useOrbctl } from '../state/orbctl';
import { useUsage } from '../state/usage';
import { resendUsageWatch } from './usage-watch';
import { followLists } from './followed-lists';

/**
 * Wires the stores to the core: pull the current state, then follow events. On every reconnect the state is
 * pulled again, so nothing sent while the window was away is missed. Returns the disposer.
 */
export function syncStores(api: Api): () => void {
  /** The first pull waits in the bridge for the first open (a WebSocket still connecting). */
  let queued = api.connection() !== 'open';
  const lists = followLists(api);
  const pullMachines = machinePuller(api);
  const pull = async () => {
    const since = Date.now();
    void pullNotices(api);
    try {
      // The list is shown the moment it arrives: `orbctl:status` may start orbctl, and nothing waits for it.
      const listed = pullMachines();
      // The checkpoints, sandboxes, setups and policies come after it, not in the way of the first paint.
      const pullLists = () => lists.forEach((list) => void list.pull());
      void listed.then(pullLists, pullLists);
      const [info, , jobs, orbctl, history, settings] = await Promise.all([
        api.invoke('app:info', {}),
        listed,
        api.invoke('jobs:list', {}),
        api.invoke('orbctl:status', {}),
        api.invoke('jobs:history', {}),
        api.invoke('settings:get', {}),
      ]);
      useSettings.getState().set(settings);
      useHistory.getState().merge(history);
      useConnection.getState().set({ info });
      useOrbctl.getState().set(orbctl);
      useJobs.getState().merge(jobs, since);
    } catch (error) {
      useMachines.getState().setFetchError(toErrorData(error));
    }
  };
  const disposers = [
    ...lists.map((list) => () => list.dispose()),
    api.on('machines:changed', (change) => {
      const before = useMachines.getState().snapshot?.lastError?.code;
      // A change made from a snapshot this window does not have (one was missed): pull the whole list.
      if (!useMachines.getState().applyChange(change)) pullMachines().catch(() => {});
      // orbctl found again, or lost: ask which one and what it can do.
      if (before !== change.lastError?.code) void refreshOrbctlStatus(api);
    }),
    api.on('jobs:changed', (job) => {
      const before = useJobs.getState().jobs[job.id];
      noticeJobChange(before, job, api.transport);
      // The result first, so the row never shows the state from before the action in between.
      if (job.state === 'succeeded' && before?.state !== 'succeeded') showActionResult(api, job);
      useJobs.getState().upsert(job);
      if (isFinished(job)) useHistory.getState().add(job);
    }),
    api.on('app:command', (command) => runAppCommand(command)),
    api.on('settings:changed', (settings) => useSettings.getState().set(settings)),
    api.on('notices:added', (notice) => showNotice(notice, api)),
    api.on('usage:changed', (change) => useUsage.getState().apply(change)),
    api.onConnection((state) => {
      useConnection.getState().set({ state });
      // The first open sends what the first pull queued while connecting (asking twice cost the first paint a
      // second round of answers); a close, or that pull ending without it, means every open pulls afresh.
      if (state === 'closed') queued = false;
      if (state !== 'open') return;
      if (queued) queued = false;
      else {
        void pull();
        reportVisibility();
        resendUsageWatch();
      }
    }),
  ];
  // A hidden tab lets the core poll less often (Electron's main process follows its windows itself).
  const reportVisibility = () => {
    if (api.transport === 'headless') {
      void api.invoke('app:visibility', { visible: document.visibilityState === 'visible' }).catch(() => {});
    }
  };
  document.addEventListener('visibilitychange', reportVisibility);
  disposers.push(() => document.removeEventListener('visibilitychange', reportVisibility));
  reportVisibility();
  useConnection.getState().set({ state: api.connection() });
  void pull().then(() => (queued = false));
  return () => disposers.forEach((dispose) => dispose());
}

/**
 * Pulls the whole machine list into the store: one pull at a time, and one more after it when asked meanwhile
 * or when changes that came first do not fit it.
 */
function machinePuller(api: Api): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const pull = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = api
      .invoke('machines:snapshot', {})
      .then((snapshot) => {
        if (!useMachines.getState().setSnapshot(snapshot)) again = true;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          pull().catch(() => {});
        }
      });
    return running;
  };
  return pull;
}

export async function refreshOrbctlStatus(api: Api = getApi()): Promise<void> {
  try {
    useOrbctl.getState().set(await api.invoke('orbctl:status', {}));
  } catch {
    // The next change will try again; the machine list shows the error meanwhile.
  }
}
