import { AppError } from '../../../../shared/errors';
import { IpcChannel, type AppInfo, type OrbctlStatus } from '../../../../shared/ipc/contract';
import type { MachineStore } from '../../machines/machine-store';
import type { Orbctl } from '../../orbctl';
import type { SettingsStore } from '../../settings/settings-store';
import type { ClientVisibility } from '../../machines/client-visibility';
import type { Router } from '../router';

export interface AppHandlerDeps {
  info: Omit<AppInfo, 'transport'>;
  orbctl: Orbctl;
  settings: SettingsStore;
  machines: MachineStore;
  visibility: ClientVisibility;
}

export function registerAppHandlers(router: Router, deps: AppHandlerDeps): void {
  const { orbctl, settings, machines } = deps;
  router.handle(IpcChannel.appInfo, (_request, context) => ({ ...deps.info, transport: context.transport }));
  router.handle(IpcChannel.orbctlStatus, () => orbctlStatus(orbctl));
  router.handle(IpcChannel.appVisibility, ({ visible }, context) => ({
    visibleWindows: context.client ? deps.visibility.set(context.client, visible) : deps.visibility.count(),
  }));
  router.handle(IpcChannel.orbstackStart, async () => {
    await orbctl.startOrbStack();
    await machines.refresh();
    return { started: true as const };
  });
  router.handle(IpcChannel.settingsGet, () => settings.get());
  router.handle(IpcChannel.settingsSet, (patch) => settings.set(patch));
}

export async function orbctlStatus(orbctl: Orbctl): Promise<OrbctlStatus> {
  let located;
  try {
    located = orbctl.binary();
  } catch (error) {
    return { path: null, source: null, version: null, capabilities: null, error: toData(error) };
  }
  try {
    const capabilities = await orbctl.capabilities();
    return {
      path: located.path,
      source: located.source,
      version: capabilities.version,
      capabilities,
      error: null,
    };
  } catch (error) {
    return {
      path: located.path,
      source: located.source,
      version: null,
      capabilities: null,
      error: toData(error),
    };
  }
}

function toData(error: unknown) {
  return error instanceof AppError ? error.toData() : { code: 'INTERNAL' as const, message: String(error) };
}
