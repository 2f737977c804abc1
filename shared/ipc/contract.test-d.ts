import { describe, expectTypeOf, it } from 'vitest';
import type { ChosenFile } from '../files';
import type { HistoryEntry, Job } from '../jobs';
import type { RunAs, RunOutput, RunOutputEvent, RunRecord } from '../inside';
import type { Preset, PresetPreview } from '../presets';
import type { SandboxFileContent, SandboxRecord, TimeLimitEnd } from '../sandboxes';
import type { StartPolicyRecord } from '../start-policy';
import type { MachineInfo, MachineLimitsAnswer } from '../machine';
import type { FolderSizes, MachineUsage, UsageChange } from '../usage';
import type {
  AppCommand,
  AppInfo,
  EventOf,
  ExportSuggestion,
  ImportPreview,
  IpcChannel,
  IpcEvent,
  MachinesChange,
  MachinesReadAfter,
  MachinesSnapshot,
  Notice,
  OrbctlStatus,
  ParsedRequestOf,
  RequestOf,
  ResponseOf,
  SshAccess,
} from './contract';
import type { Settings } from './settings';
import type {
  CheckpointRecord,
  CloudInitProblem,
  ExportBundle,
  ExportCheck,
  FolderPreview,
  SetupRecord,
  VerifyProgress,
} from './types';

// Type-level tests: these fail `vitest --typecheck` (and `tsc -b`) when the contract drifts. Every channel is
// pinned, what a window sends and what it gets back: a new channel without a pin here fails to compile.
type None = Record<string, never>;
type ByName = { name: string };
type ByNameInBatch = { name: string; batch?: string | undefined };

interface Pinned {
  'app:info': [None, AppInfo];
  'orbctl:status': [None, OrbctlStatus];
  'app:visibility': [{ visible: boolean }, { visibleWindows: number }];
  'orbstack:start': [None, { started: true }];
  'orbctl:choose': [{ path?: string | null | undefined }, { chosen: boolean; status: OrbctlStatus }];
  'settings:get': [None, Settings];
  'settings:set': [Partial<Omit<Settings, 'orbctlPath' | 'lastExportFolder'>>, Settings];
  'notices:list': [None, Notice[]];
  'notices:dismiss': [{ id: string }, { dismissed: boolean }];
  'machines:snapshot': [None, MachinesSnapshot];
  'machines:refresh': [None, MachinesSnapshot];
  'machines:read-after': [{ jobIds: string[] }, MachinesReadAfter];
  'machine:info': [ByName, MachineInfo];
  'machine:logs': [{ name: string; all?: boolean | undefined }, { text: string }];
  'machine:limits': [ByName, MachineLimitsAnswer];
  'machine:ssh': [ByName, SshAccess];
  'machine:set-user': [{ name: string; user: string }, { user: string }];
  'machine:open': [{ name: string; target: 'terminal' | 'vscode' }, { opened: boolean; url: string }];
  'machine:start': [ByNameInBatch, Job];
  'machine:stop': [ByNameInBatch, Job];
  'machine:restart': [ByNameInBatch, Job];
  'machine:create': [
    {
      distro: string;
      version?: string | undefined;
      name: string;
      arch?: string | undefined;
      user?: string | undefined;
      cloudInitPath?: string | undefined;
      cloudInit?: string | undefined;
      isolated?: boolean | undefined;
      cpus?: number | undefined;
      memory?: string | undefined;
      disk?: string | undefined;
    },
    Job,
  ];
  'userdata:check': [{ text: string }, { problems: CloudInitProblem[] }];
  'userdata:read': [{ path: string }, { text: string }];
  'machine:delete': [ByNameInBatch, Job];
  'machine:rename': [{ name: string; newName: string }, Job];
  'machine:set-default': [ByName, Job];
  'machine:set-limits': [
    { name: string; cpus?: number | undefined; memory?: string | undefined; disk?: string | undefined },
    Job,
  ];
  'machine:clone': [{ name: string; newName: string }, Job];
  'machine:export': [{ name: string; path: string; overwrite?: boolean | undefined }, Job];
  'machine:export-suggest': [ByName, ExportSuggestion];
  'machine:import': [{ path: string; name: string }, Job];
  'machine:push': [
    { name: string; paths: string[]; confirmSensitive?: boolean | undefined; dest?: string | undefined },
    Job,
  ];
  'import:inspect': [{ path: string }, ImportPreview];
  'machine:export-bundle': [{ names: string[]; folder: string }, ExportBundle];
  'import:inspect-folder': [{ path: string }, FolderPreview];
  'upload:discard': [{ path: string }, { discarded: boolean }];
  'jobs:list': [None, Job[]];
  'jobs:cancel': [{ id: string }, Job];
  'jobs:history': [None, HistoryEntry[]];
  'jobs:history-clear': [None, { cleared: number }];
  'jobs:history-export': [{ format: 'json' | 'csv' }, { fileName: string; text: string }];
  'desktop:pick-export-path': [{ defaultPath: string }, { supported: boolean; file: ChosenFile | null }];
  'desktop:pick-files': [
    { purpose: 'import' | 'import-folder' | 'cloud-init' | 'push' },
    { supported: boolean; files: ChosenFile[] },
  ];
  'desktop:context-menu': [
    {
      items: Array<
        { id: string; label: string; enabled: boolean; checked?: boolean | undefined } | { separator: true }
      >;
    },
    { supported: boolean; chosen: string | null },
  ];
  'desktop:pick-export-folder': [{ names: string[] }, { supported: boolean; folder: ChosenFile | null }];
  'desktop:show-item': [{ path: string }, { shown: boolean }];
  'machines:visible': [{ names: string[] }, { accepted: number }];
  // Cloud-init after a create.
  'setup:list': [None, SetupRecord[]];
  'setup:log': [ByName, { text: string; truncated: boolean }];
  'setup:dismiss': [ByName, { dismissed: boolean }];
  // Verified exports and checkpoints.
  'export:verify': [{ path: string; token: string }, ExportCheck];
  'export:verify-cancel': [{ token: string }, { cancelled: boolean }];
  'checkpoint:list': [None, CheckpointRecord[]];
  'checkpoint:save': [{ name: string; label?: string | undefined }, Job];
  'checkpoint:revert': [{ checkpoint: string }, Job];
  'checkpoint:delete': [{ checkpoint: string }, Job];
  'machine:run': [
    { name: string; command: string; as: RunAs; workdir?: string | undefined; batch?: string | undefined },
    Job,
  ];
  'run:output': [{ id: string }, RunOutput | null];
  'run:history': [ByName, RunRecord[]];
  'machine:pull': [{ name: string; source: string; path: string; overwrite?: boolean | undefined }, Job];
  'desktop:pick-save-path': [
    { defaultPath: string; purpose: 'pull' },
    { supported: boolean; file: ChosenFile | null },
  ];
  'link:open': [{ url: string }, { job: Job | null }];
  'machine:open-web': [
    { name: string; port?: number | undefined },
    { opened: boolean; url: string; address: string },
  ];
  'machine:pull-suggest': [{ name: string; source: string }, { path: string; exists: boolean }];
  'presets:list': [None, Preset[]];
  'presets:save': [
    {
      name: string;
      distro: string;
      version?: string | undefined;
      arch?: string | undefined;
      user?: string | undefined;
      cloudInit?: string | undefined;
      isolated?: boolean | undefined;
      cpus?: number | undefined;
      memory?: string | undefined;
      disk?: string | undefined;
      id?: string | undefined;
      cloudInitPath?: string | undefined;
      keepCloudInit?: boolean | undefined;
    },
    Preset,
  ];
  'presets:duplicate': [{ id: string }, Preset];
  'presets:delete': [{ id: string }, { deleted: true }];
  'presets:export': [None, { fileName: string; text: string }];
  'presets:preview': [{ text: string }, { presets: PresetPreview[] }];
  'presets:import': [{ text: string }, { added: number; replaced: number }];
  'machine:create-from-preset': [{ id: string; name?: string | undefined }, Job];
  'usage:watch': [
    { machine: string | null; view: 'usage' | 'ports' | null; rows: string[] },
    { accepted: number },
  ];
  'machine:usage': [ByName, MachineUsage];
  'machine:largest-folders': [{ name: string; path: string }, FolderSizes];
  'machine:show-files': [ByName, { opened: boolean; path: string }];
  'sandbox:list': [None, SandboxRecord[]];
  'sandbox:create': [
    {
      distro: string;
      version?: string | undefined;
      name?: string | undefined;
      arch?: string | undefined;
      user?: string | undefined;
      cloudInit?: string | undefined;
      cpus?: number | undefined;
      memory?: string | undefined;
      disk?: string | undefined;
      timeLimit?: { seconds: number; then: TimeLimitEnd } | undefined;
    },
    Job,
  ];
  'sandbox:create-from-preset': [
    {
      id: string;
      name?: string | undefined;
      timeLimit?: { seconds: number; then: TimeLimitEnd } | undefined;
    },
    Job,
  ];
  'sandbox:reset': [{ name: string }, Job];
  'sandbox:delete': [{ name: string }, Job];
  'sandbox:save-golden': [{ name: string }, Job];
  'sandbox:extend': [{ name: string; seconds?: number | undefined }, SandboxRecord];
  'sandbox:set-time-limit': [
    { name: string; timeLimit: { seconds: number; then: TimeLimitEnd } | null },
    SandboxRecord,
  ];
  'sandbox:write-file': [{ name: string; path: string; base64: string }, Job];
  'sandbox:read-file': [{ name: string; path: string }, Job];
  'sandbox:file-content': [{ id: string }, SandboxFileContent];
  'policy:list': [None, StartPolicyRecord[]];
  'policy:set': [
    { name: string; startWithApp?: boolean | undefined; stopOnQuit?: boolean | undefined },
    StartPolicyRecord,
  ];
  'policy:start-all': [None, Job[]];
  'policy:stop-all': [None, Job[]];
}

interface PinnedEvents {
  'machines:changed': MachinesChange;
  'jobs:changed': Job;
  'settings:changed': Settings;
  'notices:added': Notice;
  'app:command': AppCommand;
  'export:verify-progress': VerifyProgress;
  'checkpoints:changed': CheckpointRecord[];
  'run:streamed': RunOutputEvent;
  'presets:changed': Preset[];
  'setup:changed': SetupRecord[];
  'usage:changed': UsageChange;
  'sandboxes:changed': SandboxRecord[];
  'policy:changed': StartPolicyRecord[];
}

describe('IPC contract types', () => {
  it('pins every channel: its name, what is sent and what comes back', () => {
    expectTypeOf<keyof Pinned>().toEqualTypeOf<IpcChannel>();
    expectTypeOf<{ [C in IpcChannel]: [RequestOf<C>, ResponseOf<C>] }>().toEqualTypeOf<Pinned>();
  });

  it('pins what a handler receives after validation where it differs from what is sent', () => {
    expectTypeOf<ParsedRequestOf<'machine:create'>['arch']>().toEqualTypeOf<'arm64' | 'amd64' | undefined>();
    expectTypeOf<ParsedRequestOf<'app:info'>>().toEqualTypeOf<None>();
  });

  it('pins every event', () => {
    expectTypeOf<keyof PinnedEvents>().toEqualTypeOf<IpcEvent>();
    expectTypeOf<{ [E in IpcEvent]: EventOf<E> }>().toEqualTypeOf<PinnedEvents>();
  });
});
