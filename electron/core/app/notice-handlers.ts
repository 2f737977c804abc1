import type { Notices } from '../platform/notices';
import type { Router } from '../ipc/router';

export function registerNoticeHandlers(router: Router, notices: Notices): void {
  const handle = router.forOwner('app');
  handle('notices:list', () => notices.list());
  handle('notices:dismiss', ({ id }) => ({ dismissed: notices.dismiss(id) }));
}
