import type { Api } from '../api/api';
import type { Notice } from '../../shared/ipc/contract';
import { useToasts } from './toasts';
import { runAppCommand } from '../commands/app-commands';

/** Notices this window has shown: a reconnect pulls the list again, and none is shown twice. */
const shown = new Set<string>();

/**
 * Shows a notice from the core (history that cannot be saved, damaged settings set aside, jobs interrupted
 * when OrbDeck last quit) once, as a toast that stays until dismissed; dismissing it dismisses it in the core.
 */
export function showNotice(notice: Notice, api: Api): void {
  if (shown.has(notice.id)) return;
  shown.add(notice.id);
  useToasts.getState().push({
    kind: notice.level,
    text: notice.text,
    sticky: true,
    onDismiss: () => void api.invoke('notices:dismiss', { id: notice.id }).catch(() => undefined),
    ...(notice.action
      ? { action: { label: notice.action.label, run: () => runAppCommand(notice.action!.command) } }
      : {}),
  });
}

export async function pullNotices(api: Api): Promise<void> {
  try {
    for (const notice of await api.invoke('notices:list', {})) showNotice(notice, api);
  } catch {
    // Pulled again at the next reconnect; new ones arrive as events meanwhile.
  }
}

/** Tests start from a window that has shown nothing. */
export function forgetShownNotices(): void {
  shown.clear();
}
