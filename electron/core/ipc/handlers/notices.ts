import { IpcChannel } from '../../../../shared/ipc/contract';
import type { Notices } from '../../notices';
import type { Router } from '../router';

export function registerNoticeHandlers(router: Router, notices: Notices): void {
  router.handle(IpcChannel.noticesList, () => notices.list());
  router.handle(IpcChannel.noticesDismiss, ({ id }) => ({ dismissed: notices.dismiss(id) }));
}
