import type { Api } from '../api/api';
import { toErrorData } from '../../shared/errors';
import { useConnection } from './connection';
import { isFinished } from '../../shared/jobs';
import { runAppCommand } from '../commands/app-commands';
import { useSettings } from './settings';
import { useHistory } from './history';
import { noticeJobChange } from './job-notices';
import { useJobs } from './jobs';
import { useMachines } from './machines';
import { pullNotices, showNotice } from './notices';
import { useOrbctl } from './orbctl';
import { useUsage } from './usage';
import { resendUsageWatch } from '../commands/usage-watch';

/**
 * Wires the stores to the core: pull the current state, then follow events. On every reconnect the state is
 * pulled again, so nothing sent while the window was away is missed. Returns the disposer.
 */
export function syncStores(api: Api): () => void {
  /** The first pull waits in the bridge for the first open (a WebSocket still connecting). */
  let queued = api.connection() !== 'open';
  const pull = async () => {
    const since = Date.now();
    void pullNotices(api);
    try {
      // The list is shown the moment it arrives: `orbctl:status` may start orbctl, and nothing waits for it.
      const listed = api
        .invoke('machines:snapshot', {})
        .then((snapshot) => useMachines.getState().setSnapshot(snapshot));
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
    api.on('machines:changed', (snapshot) => {
      const before = useMachines.getState().snapshot?.lastError?.code;
      useMachines.getState().setSnapshot(snapshot);
      // orbctl found again, or lost: ask which one and what it can do.
      if (before !== snapshot.lastError?.code) void refreshOrbctlStatus(api);
    }),
    api.on('jobs:changed', (job) => {
      noticeJobChange(useJobs.getState().jobs[job.id], job, api.transport);
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

export async function refreshOrbctlStatus(api: Api): Promise<void> {
  try {
    useOrbctl.getState().set(await api.invoke('orbctl:status', {}));
  } catch {
    // The next change will try again; the machine list shows the error meanwhile.
  }
}
