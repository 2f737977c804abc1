import type { z } from 'zod';
import { IpcChannel, IpcEvent } from './channels';
import { requests } from './requests';
import type { Events, Responses } from './responses';

/**
 * The IPC contract in one place: channel names (channels.ts), request schemas validated in the main process
 * before any handler runs (requests.ts), response and event types (responses.ts).
 */
export { IpcChannel, IpcEvent, requests };
export type {
  AppCommand,
  AppInfo,
  Events,
  ExportSuggestion,
  ImportPreview,
  MachinesSnapshot,
  Notice,
  NoticeLevel,
  OrbctlStatus,
  Responses,
  SshAccess,
} from './responses';

export type RequestOf<C extends IpcChannel> = z.input<(typeof requests)[C]>;
/** What a handler receives: the request after validation. */
export type ParsedRequestOf<C extends IpcChannel> = z.output<(typeof requests)[C]>;
export type ResponseOf<C extends IpcChannel> = Responses[C];
export type EventOf<E extends IpcEvent> = Events[E];

export const ALL_CHANNELS: readonly IpcChannel[] = Object.values(IpcChannel);
export const ALL_EVENTS: readonly IpcEvent[] = Object.values(IpcEvent);

export function isChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (ALL_CHANNELS as readonly string[]).includes(value);
}
