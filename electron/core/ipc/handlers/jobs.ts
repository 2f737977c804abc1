import { IpcChannel } from '../../../../shared/ipc/contract';
import { formatHistory, type JobHistory } from '../../jobs/history';
import type { JobManager } from '../../jobs/job-manager';
import type { Router } from '../router';
import { timestamp } from './transfers';

export function registerJobHandlers(router: Router, jobs: JobManager, history: JobHistory): void {
  router.handle(IpcChannel.jobsList, () => jobs.list());
  router.handle(IpcChannel.jobsCancel, ({ id }) => jobs.cancel(id));
  router.handle(IpcChannel.jobsHistory, () => history.list());
  router.handle(IpcChannel.jobsHistoryClear, () => {
    const cleared = history.list().length;
    history.clear();
    return { cleared };
  });
  router.handle(IpcChannel.jobsHistoryExport, ({ format }) => ({
    fileName: `orbdeck-history-${timestamp(new Date())}.${format}`,
    text: formatHistory(history.list(), format),
  }));
}
