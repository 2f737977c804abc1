import { formatHistory, type JobHistory } from './history';
import type { JobManager } from './job-manager';
import type { Router } from '../ipc/router';
import { fileStamp } from '../../../shared/file-stamp';

export interface JobHandlerDeps {
  jobs: JobManager;
  history: JobHistory;
}

/** The jobs that run and the history of those that ended. */
export function registerJobHandlers(router: Router, { jobs, history }: JobHandlerDeps): void {
  const handle = router.forOwner('jobs');
  handle('jobs:list', () => jobs.list());
  handle('jobs:cancel', ({ id }) => jobs.cancel(id));
  handle('jobs:history', () => history.list());
  handle('jobs:history-clear', () => {
    const cleared = history.list().length;
    history.clear();
    return { cleared };
  });
  handle('jobs:history-export', ({ format }) => ({
    fileName: `orbdeck-history-${fileStamp(new Date())}.${format}`,
    text: formatHistory(history.list(), format),
  }));
}
