/**
 * Carries out an orbdeck:// link the window has asked about (shared/deep-link.ts). The window asks
 * first for everything that changes something; here each link becomes the same request a click would send. An
 * export goes to the core's own suggestion (the export folder, else the last folder used): that path never
 * comes from the page, so it is sent as a typed path would be.
 */
import { homedir } from 'node:os';
import { AppError, ErrorCode } from '../../../shared/errors';
import { parseDeepLink } from '../../../shared/deep-link';
import type { Job } from '../../../shared/jobs';
import type { PresetStore } from '../presets/preset-store';
import type { SettingsStore } from '../platform/settings-store';
import type { Router } from '../ipc/router';
import { suggestExport } from '../transfers/export-names';

export interface DeepLinkHandlerDeps {
  presets: PresetStore;
  settings: SettingsStore;
  home?: string;
}

export function registerDeepLinkHandlers(router: Router, deps: DeepLinkHandlerDeps): void {
  const handle = router.forOwner('links');
  const call = async (channel: string, request: unknown): Promise<Job> => {
    const result = await router.invoke(channel, request, { transport: 'headless' });
    if (!result.ok) throw AppError.fromData(result.error);
    return result.data as Job;
  };

  handle('link:open', async ({ url }) => {
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
        return { job: await call('machine:export', { name: link.machine, path }) };
      }
      case 'create-from-preset': {
        const preset = deps.presets.list().find((p) => p.name === link.preset);
        if (!preset) throw new AppError(ErrorCode.NOT_FOUND, `There is no preset named “${link.preset}”.`);
        return { job: await call('machine:create-from-preset', { id: preset.id }) };
      }
    }
  });
}
