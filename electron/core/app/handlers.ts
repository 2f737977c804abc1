import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import { type AppInfo, type OrbctlStatus } from '../../../shared/ipc/contract';
import type { Machines } from '../machines/machines';
import type { Orbctl } from '../orbctl';
import type { SettingsStore } from '../platform/settings-store';
import type { ClientVisibility } from '../machines/client-visibility';
import type { Desktop } from '../platform/desktop';
import type { FileAccess } from '../file-access/file-access';
import { realLocation } from '../file-access/paths';
import { verifyOrbctl } from '../orbctl/choose';
import { ORBCTL_ENV_VAR } from '../orbctl/locate';
import type { Router } from '../ipc/router';
import type { Notices } from '../platform/notices';
import { registerNoticeHandlers } from './notice-handlers';

export interface AppHandlerDeps {
  info: Omit<AppInfo, 'transport'>;
  orbctl: Orbctl;
  settings: SettingsStore;
  machines: Machines;
  visibility: ClientVisibility;
  desktop: Desktop;
  /** The environment and home folder orbctl runs with (for checking a chosen orbctl). */
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  notices: Notices;
  /** Places no request may name, a chosen orbctl included (file-access/off-limits.ts). */
  files: FileAccess;
}

/** The app itself: what it is, where orbctl is, its settings, OrbStack's state, and the notices it keeps. */
export function registerAppHandlers(router: Router, deps: AppHandlerDeps): void {
  registerNoticeHandlers(router, deps.notices);
  const handle = router.forOwner('app');
  const { orbctl, settings, machines } = deps;
  handle('app:info', (_request, context) => ({ ...deps.info, transport: context.transport }));
  handle('orbctl:status', () => orbctlStatus(orbctl, deps.env));
  handle('app:visibility', ({ visible }, context) => ({
    visibleWindows: context.client ? deps.visibility.set(context.client, visible) : deps.visibility.count(),
  }));
  handle('orbstack:start', async () => {
    await orbctl.startOrbStack();
    await machines.refresh();
    return { started: true as const };
  });
  handle('orbctl:choose', async ({ path }, context) => {
    let chosen: string | null;
    if (path === null) {
      chosen = null;
    } else if (path === undefined) {
      if (!deps.desktop.pickOrbctl) {
        throw new AppError(ErrorCode.INVALID_INPUT, 'Type the path of orbctl.', { field: 'path' });
      }
      chosen = await deps.desktop.pickOrbctl();
      if (chosen === null) return { chosen: false, status: await orbctlStatus(orbctl, deps.env) };
    } else if (context.transport === 'electron') {
      // Only the person, in the native dialog, picks the program OrbDeck runs; never a page.
      throw new AppError(ErrorCode.FORBIDDEN, 'Choose orbctl in the dialog.', { field: 'path' });
    } else {
      chosen = path;
    }
    if (chosen !== null) {
      await deps.files.refuseOffLimits(chosen, await realLocation(chosen), 'read', 'path');
      await verifyOrbctl(chosen, deps.env, deps.home);
    }
    settings.set({ orbctlPath: chosen });
    await machines.refresh();
    return { chosen: true, status: await orbctlStatus(orbctl, deps.env) };
  });
  handle('settings:get', () => settings.get());
  handle('settings:set', (patch) => settings.set(patch));
}

export async function orbctlStatus(
  orbctl: Orbctl,
  env: Readonly<Record<string, string | undefined>>,
): Promise<OrbctlStatus> {
  const pinnedByEnv = env[ORBCTL_ENV_VAR] || null;
  let located;
  try {
    located = orbctl.binary();
  } catch (error) {
    return {
      path: null,
      source: null,
      pinnedByEnv,
      version: null,
      capabilities: null,
      error: toErrorData(error),
    };
  }
  try {
    const capabilities = await orbctl.capabilities();
    return {
      path: located.path,
      source: located.source,
      pinnedByEnv,
      version: capabilities.version,
      capabilities,
      error: null,
    };
  } catch (error) {
    return {
      path: located.path,
      source: located.source,
      pinnedByEnv,
      version: null,
      capabilities: null,
      error: toErrorData(error),
    };
  }
}
