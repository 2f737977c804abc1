import { AppError, ErrorCode } from '../../../shared/errors';
import type { Router } from '../ipc/router';
import type { Desktop } from '../platform/desktop';
import type { Machines } from '../machines/machines';
import type { MachineInsides } from './machine-insides';
import { DESKTOP_WINDOWS } from './usage-watchers';

export interface UsageHandlerDeps {
  insides: MachineInsides;
  desktop: Desktop;
  machines: Machines;
}

export function registerUsageHandlers(router: Router, deps: UsageHandlerDeps): void {
  const handle = router.forOwner('usage');
  const { insides } = deps;
  handle('usage:watch', ({ machine, view, rows }, context) => {
    insides.watchers.set(context.client ?? DESKTOP_WINDOWS, { machine, view, rows });
    insides.sampler.wake();
    return { accepted: rows.length + (machine === null ? 0 : 1) };
  });
  handle('machine:usage', ({ name }) => insides.view(name));
  handle('machine:largest-folders', ({ name, path }) => insides.largestFolders(name, path));
  handle('machine:show-files', async ({ name }) => {
    if (!deps.machines.snapshot().machines.some((m) => m.name === name))
      throw new AppError(ErrorCode.NOT_FOUND, `There is no machine “${name}”.`);
    const path = insides.filesPath(name);
    if (!deps.desktop.openMachineFiles) return { opened: false, path };
    await deps.desktop.openMachineFiles(name, path);
    return { opened: true, path };
  });
}
