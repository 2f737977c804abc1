import { describe, expectTypeOf, it } from 'vitest';
import type { Job } from '../jobs';
import {
  ALL_CHANNELS,
  IpcChannel,
  IpcEvent,
  type EventOf,
  type MachinesSnapshot,
  type ParsedRequestOf,
  type RequestOf,
  type ResponseOf,
  type AppInfo,
  type OrbctlStatus,
  type Notice,
} from './contract';
import type { MachineInfo } from '../machine';
import type { Settings } from './settings';

// Type-level tests: these fail `vitest --typecheck` (and `tsc -b`) when the contract drifts.
describe('IPC contract types', () => {
  it('pins channel names', () => {
    expectTypeOf(IpcChannel.machineStart).toEqualTypeOf<'machine:start'>();
    expectTypeOf(IpcChannel.machinesSnapshot).toEqualTypeOf<'machines:snapshot'>();
    expectTypeOf(IpcEvent.machinesChanged).toEqualTypeOf<'machines:changed'>();
    expectTypeOf(ALL_CHANNELS).toEqualTypeOf<readonly IpcChannel[]>();
  });

  it('pins requests', () => {
    expectTypeOf<RequestOf<'machine:start'>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<RequestOf<'machine:stop'>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<RequestOf<'machine:restart'>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<RequestOf<'jobs:cancel'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<RequestOf<'notices:dismiss'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<RequestOf<'machine:rename'>>().toEqualTypeOf<{ name: string; newName: string }>();
    expectTypeOf<RequestOf<'machine:open'>>().toEqualTypeOf<{
      name: string;
      target: 'terminal' | 'vscode';
    }>();
    expectTypeOf<RequestOf<'machine:create'>>().toEqualTypeOf<{
      distro: string;
      version?: string | undefined;
      name: string;
      arch?: string | undefined;
      user?: string | undefined;
      cloudInitPath?: string | undefined;
      isolated?: boolean | undefined;
      cpus?: number | undefined;
      memory?: string | undefined;
      disk?: string | undefined;
    }>();
    expectTypeOf<RequestOf<'settings:set'>>().toEqualTypeOf<
      Partial<Omit<Settings, 'orbctlPath' | 'lastExportFolder'>>
    >();
    expectTypeOf<ParsedRequestOf<'app:info'>>().toEqualTypeOf<Record<string, never>>();
  });

  it('pins responses', () => {
    expectTypeOf<ResponseOf<'app:info'>>().toEqualTypeOf<AppInfo>();
    expectTypeOf<ResponseOf<'machines:snapshot'>>().toEqualTypeOf<MachinesSnapshot>();
    expectTypeOf<ResponseOf<'machines:refresh'>>().toEqualTypeOf<MachinesSnapshot>();
    expectTypeOf<ResponseOf<'machine:start'>>().toEqualTypeOf<Job>();
    expectTypeOf<ResponseOf<'jobs:list'>>().toEqualTypeOf<Job[]>();
    expectTypeOf<ResponseOf<'jobs:cancel'>>().toEqualTypeOf<Job>();
    expectTypeOf<ResponseOf<'machine:create'>>().toEqualTypeOf<Job>();
    expectTypeOf<ResponseOf<'machine:info'>>().toEqualTypeOf<MachineInfo>();
    expectTypeOf<ResponseOf<'machine:open'>>().toEqualTypeOf<{ opened: boolean; url: string }>();
    expectTypeOf<ResponseOf<'orbctl:status'>>().toEqualTypeOf<OrbctlStatus>();
    expectTypeOf<ResponseOf<'settings:get'>>().toEqualTypeOf<Settings>();
    expectTypeOf<ResponseOf<'notices:list'>>().toEqualTypeOf<Notice[]>();
    expectTypeOf<ResponseOf<'notices:dismiss'>>().toEqualTypeOf<{ dismissed: boolean }>();
  });

  it('pins events', () => {
    expectTypeOf<EventOf<'machines:changed'>>().toEqualTypeOf<MachinesSnapshot>();
    expectTypeOf<EventOf<'jobs:changed'>>().toEqualTypeOf<Job>();
    expectTypeOf<EventOf<'settings:changed'>>().toEqualTypeOf<Settings>();
    expectTypeOf<EventOf<'notices:added'>>().toEqualTypeOf<Notice>();
  });
});
