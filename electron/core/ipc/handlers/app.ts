import { IpcChannel, type AppInfo } from '../../../../shared/ipc/contract';
import type { Router } from '../router';

export function registerAppHandlers(router: Router, info: Omit<AppInfo, 'transport'>): void {
  router.handle(IpcChannel.appInfo, (_request, context) => ({ ...info, transport: context.transport }));
}
