import { z } from 'zod';
import type { AppErrorData } from '../errors';
import type { Job } from '../jobs';
import type { Machine } from '../machine';
import { empty, jobId, machineRef } from './schemas';

/**
 * The IPC contract: every channel the renderer can invoke, its request schema (validated in the main process
 * before any handler runs) and its response type; and every event the main process sends.
 * Adding a channel: a name here, a schema in `requests`, a type in `Responses`, a handler in
 * electron/core/ipc/handlers/, and a line in contract.test-d.ts.
 */
export const IpcChannel = {
  // #region electron/core/app-info
  /** Who am I talking to: version, transport, demo mode, where data lives. */
  appInfo: 'app:info',
  // #endregion

  // #region electron/core/machines (the machine store)
  /** The current machine list as last polled, with the last polling error. Pull this once, then listen. */
  machinesSnapshot: 'machines:snapshot',
  /** Poll `orbctl list` now and answer the fresh snapshot. */
  machinesRefresh: 'machines:refresh',
  // #endregion

  // #region electron/core/jobs (actions on machines run as jobs)
  /** Start a machine. Answers the queued job at once; follow it through `jobs:changed`. */
  machineStart: 'machine:start',
  /** Stop a machine (as a job). */
  machineStop: 'machine:stop',
  /** Restart a machine (as a job). */
  machineRestart: 'machine:restart',
  /** Every job still queued or running, and the finished ones of this session. */
  jobsList: 'jobs:list',
  /** Cancel a queued or running job; answers the job as it now stands. */
  jobsCancel: 'jobs:cancel',
  // #endregion
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Request schemas, by channel. `satisfies` makes a missing channel a compile error. */
export const requests = {
  [IpcChannel.appInfo]: empty,
  [IpcChannel.machinesSnapshot]: empty,
  [IpcChannel.machinesRefresh]: empty,
  [IpcChannel.machineStart]: z.object({ name: machineRef }).strict(),
  [IpcChannel.machineStop]: z.object({ name: machineRef }).strict(),
  [IpcChannel.machineRestart]: z.object({ name: machineRef }).strict(),
  [IpcChannel.jobsList]: empty,
  [IpcChannel.jobsCancel]: z.object({ id: jobId }).strict(),
} satisfies Record<IpcChannel, z.ZodType>;

export type RequestOf<C extends IpcChannel> = z.input<(typeof requests)[C]>;
/** What a handler receives: the request after validation. */
export type ParsedRequestOf<C extends IpcChannel> = z.output<(typeof requests)[C]>;

export interface AppInfo {
  name: 'OrbDeck';
  version: string;
  transport: 'electron' | 'headless';
  /** True when the built-in simulator stands in for orbctl. */
  demo: boolean;
  platform: string;
  dataDir: string;
}

export interface MachinesSnapshot {
  machines: Machine[];
  /** The last polling error, kept until a poll succeeds again. */
  lastError: AppErrorData | null;
  /** Epoch ms of the last successful poll; null before the first. */
  updatedAt: number | null;
}

/** Response types, by channel. */
export interface Responses {
  [IpcChannel.appInfo]: AppInfo;
  [IpcChannel.machinesSnapshot]: MachinesSnapshot;
  [IpcChannel.machinesRefresh]: MachinesSnapshot;
  [IpcChannel.machineStart]: Job;
  [IpcChannel.machineStop]: Job;
  [IpcChannel.machineRestart]: Job;
  [IpcChannel.jobsList]: Job[];
  [IpcChannel.jobsCancel]: Job;
}
export type ResponseOf<C extends IpcChannel> = Responses[C];

/** Events the main process pushes to every window. */
export const IpcEvent = {
  /** The machine snapshot changed (sent only when it differs from the last one sent). */
  machinesChanged: 'machines:changed',
  /** One job was created or changed. */
  jobChanged: 'jobs:changed',
} as const;
export type IpcEvent = (typeof IpcEvent)[keyof typeof IpcEvent];

export interface Events {
  [IpcEvent.machinesChanged]: MachinesSnapshot;
  [IpcEvent.jobChanged]: Job;
}
export type EventOf<E extends IpcEvent> = Events[E];

export const ALL_CHANNELS: readonly IpcChannel[] = Object.values(IpcChannel);
export const ALL_EVENTS: readonly IpcEvent[] = Object.values(IpcEvent);

export function isChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (ALL_CHANNELS as readonly string[]).includes(value);
}
