/**
 * Carries out an orbdeck:// link the window has asked about (shared/deep-link.ts). The window asks
 * first for everything that changes something; here each link becomes the same request a click would send,
 * over the transport the window uses, so a link has the rights of that window and no more. An export goes to
 * the core's own suggestion (the export folder, else the last folder used): in the headless host as a typed
 * path would, and in the desktop app through the save dialog, started there, since the desktop writes only
 * where a dialog was answered (file-access.ts).
 */
import { homedir } from 'node:os';
import { AppError, ErrorCode } from '../../../shared/errors';
import { parseDeepLink } from '../../../shared/deep-link';
import type { Job } from '../../../shared/jobs';
import type { PresetStore } from '../presets/preset-store';
import type { SettingsStore } from '../platform/settings-store';
import type { FileGrants } from '../file-access/grants';
import type { Desktop } from '../platform/desktop';
import type { Router } from '../ipc/router';
import { suggestExport } from '../transfers/export-names';

export interface DeepLinkHandlerDeps {
  presets: PresetStore;
  settings: SettingsStore;
  /** The save dialog an export link opens in the desktop app. */
  desktop: Desktop;
  grants: FileGrants;
  home?: string;
}

export function registerDeepLinkHandlers(router: Router, deps: DeepLinkHandlerDeps): void {
  const handle = router.forOwner('links');
  handle('link:open', async ({ url }, context) => {
    const call = async (channel: string, request: unknown): Promise<Job> => {
      const result = await router.invoke(channel, request, context);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.data as Job;
    };
    const parsed = parseDeepLink(url);
    if ('problem' in parsed) throw new AppError(ErrorCode.INVALID_INPUT, parsed.problem, { field: 'url' });
    const { link } = parsed;
    switch (link.kind) {
      case 'show':
        return { job: null };
      case 'power':
        return { job: await call(`machine:${link.action}`, { name: link.machine }) };
      case 'export': {
        const { path } = suggestExport(link.machine, deps.settings, deps.home ?? homedir());
        if (context.transport === 'headless') {
          return { job: await call('machine:export', { name: link.machine, path }) };
        }
        // The person confirms the place (and any file it would replace) in the save dialog.
        const chosen = (await deps.desktop.pickExportPath?.(path)) ?? null;
        if (chosen === null) return { job: null };
        const { ref } = deps.grants.grant(chosen, 'write', 'dialog');
        return { job: await call('machine:export', { name: link.machine, path: ref, overwrite: true }) };
      }
      case 'create-from-preset': {
        const preset = deps.presets.list().find((p) => p.name === link.preset);
        if (!preset) throw new AppError(ErrorCode.NOT_FOUND, `There is no preset named “${link.preset}”.`);
        return { job: await call('machine:create-from-preset', { id: preset.id }) };
      }
    }
  });
}
