import { formatHistory, type JobHistory } from '../../jobs/history';
import type { JobManager } from '../../jobs/job-manager';
import type { Router } from '../router';
import { timestamp } from './transfers';

export function registerJobHandlers(router: Router, jobs: JobManager, history: JobHistory): void {
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
    fileName: `orbdeck-history-${timestamp(new Date())}.${format}`,
    text: formatHistory(history.list(), format),
  }));
}
