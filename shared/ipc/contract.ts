/**
 * The IPC contract in one table (as Podman Desktop's ipc-invoke-channel-map): every channel the window can
 * invoke with its doc comment, the core module that answers it (`owner`, enforced when handlers register), the
 * zod schema its request is validated with before any handler runs, and its response type. "Find references" on
 * a channel finds all there is about it. Events the core pushes are the second table.
 *
 * Adding a channel: an entry here, its handler in the owner's file under electron/core/<feature>/handlers.ts (the core
 * refuses to start without one), a pin in contract.test-d.ts and an example in router.fuzz.test.ts (both fail to
 * compile without them).
 */
import { z } from 'zod';
import type { ChosenFile } from '../files';
import type { HistoryEntry, Job } from '../jobs';
import { RUN_AS, type RunOutput, type RunOutputEvent, type RunRecord } from '../inside';
import { MAX_CLOUD_INIT_CHARS } from '../machine-options';
import { PRESET_FIELDS, presetId, type Preset, type PresetPreview } from '../presets';
import { jsonBytes, MAX_PRESETS_FILE_BYTES, sizeWords } from './limits';
import { fileContent, timeLimitRequest, timeLimitSeconds } from '../sandbox-schemas';
import type { SandboxFileContent, SandboxRecord } from '../sandboxes';
import type { StartPolicyRecord } from '../start-policy';
import type { MachineInfo, MachineLimitsAnswer } from '../machine';
import type { FolderSizes, MachineUsage, UsageChange } from '../usage';
import {
  absolutePath,
  architecture,
  batchId,
  commandLine,
  cpuCount,
  diskSize,
  distroWord,
  empty,
  fileRef,
  imageVersion,
  jobId,
  linuxPath,
  linuxUser,
  machineRef,
  memorySize,
  newMachineName,
  shownText,
} from './schemas';
import { SETTINGS_USER_PATCH, type Settings } from './settings';
import type {
  AppCommand,
  AppInfo,
  CheckpointRecord,
  CloudInitProblem,
  ExportBundle,
  ExportCheck,
  ExportSuggestion,
  FolderPreview,
  ImportPreview,
  MachinesChange,
  MachinesReadAfter,
  MachinesSnapshot,
  Notice,
  OrbctlStatus,
  SetupRecord,
  SshAccess,
  VerifyProgress,
} from './types';

/**
 * The core's features that answer channels: each is a folder `electron/core/<owner>/` whose handlers register
 * in `FEATURES` (electron/core/features.ts), which must name every owner.
 */
export const CHANNEL_OWNERS = [
  'app',
  'machines',
  'checkpoints',
  'transfers',
  'jobs',
  'desktop',
  'run',
  'presets',
  'links',
  'usage',
  'sandboxes',
  'start-policy',
] as const;
export type ChannelOwner = (typeof CHANNEL_OWNERS)[number];

/** A response type, carried as a type only: `answers<Job>()` is never read at run time. */
const answers = <T>(): T => undefined as T;

const byName = z.object({ name: machineRef }).strict();
/** A machine, and the bulk action the job belongs to when it is one of several asked for together. */
const byNameInBatch = z.object({ name: machineRef, batch: batchId.optional() }).strict();
const cloudInitText = z
  .string()
  .max(MAX_CLOUD_INIT_CHARS, `cloud-init user data is at most ${MAX_CLOUD_INIT_CHARS / 1024} KiB.`);
const presetsFile = z
  .object({
    text: z
      .string()
      .refine(
        (text) => jsonBytes(text) <= MAX_PRESETS_FILE_BYTES,
        `The file is too big for a presets file (at most ${sizeWords(MAX_PRESETS_FILE_BYTES)}).`,
      ),
  })
  .strict();
const noticeId = z.string().regex(/^notice-[a-z0-9-]{1,64}$/, 'not a notice id');
const verifyToken = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a token');
const checkpointLabel = z
  .string()
  .max(200, 'A label can have at most 200 characters.')
  .pipe(shownText('A label'));

export const CONTRACT = {
  // #region app (handlers/app.ts)
  /** Who am I talking to: version, transport, demo mode, where data lives. */
  'app:info': { owner: 'app', request: empty, response: answers<AppInfo>() },
  /** Which orbctl is used, its version and what it can do, or why there is none. */
  'orbctl:status': { owner: 'app', request: empty, response: answers<OrbctlStatus>() },
  /** A browser tab was hidden or shown: with no visible window the machine list is polled less often. */
  'app:visibility': {
    owner: 'app',
    request: z.object({ visible: z.boolean() }).strict(),
    response: answers<{ visibleWindows: number }>(),
  },
  /** Start OrbStack itself (`orbctl start` with no machine). */
  'orbstack:start': { owner: 'app', request: empty, response: answers<{ started: true }>() },
  /**
   * Choose which orbctl to use: the native open dialog in Electron (no path), a typed path in the headless host,
   * or null to find it again. A file is saved only if it answers `version` as orbctl does. `chosen: false` when
   * the person cancelled the dialog; the status says what is in use now.
   */
  'orbctl:choose': {
    owner: 'app',
    request: z.object({ path: absolutePath.nullable().optional() }).strict(),
    response: answers<{ chosen: boolean; status: OrbctlStatus }>(),
  },
  'settings:get': { owner: 'app', request: empty, response: answers<Settings>() },
  /**
   * Change some settings; answers all of them. Bad values are refused with the field named. The orbctl to use
   * is not among them: it is chosen with `orbctl:choose`.
   */
  'settings:set': { owner: 'app', request: SETTINGS_USER_PATCH, response: answers<Settings>() },
  // #endregion

  // #region notices (handlers/notices.ts)
  /**
   * Warnings for the user that answer no request (history cannot be saved, damaged settings set aside, jobs
   * interrupted when OrbDeck last quit), oldest first, until dismissed. Pull once, then follow `notices:added`.
   */
  'notices:list': { owner: 'app', request: empty, response: answers<Notice[]>() },
  /** The user dismissed a notice (in any window): it is no longer listed. */
  'notices:dismiss': {
    owner: 'app',
    request: z.object({ id: noticeId }).strict(),
    response: answers<{ dismissed: boolean }>(),
  },
  // #endregion

  // #region machines (handlers/machines.ts: the machine store, and the jobs that change one machine)
  /** The current machine list as last polled, with the last polling error. Pull this once, then listen. */
  'machines:snapshot': { owner: 'machines', request: empty, response: answers<MachinesSnapshot>() },
  /** Poll `orbctl list` now and answer the fresh snapshot. */
  'machines:refresh': { owner: 'machines', request: empty, response: answers<MachinesSnapshot>() },
  /**
   * Waits for a list read after these jobs ended (the poll the core began after them: it polls as every action
   * ends; else a new one) and says which snapshot holds it. How a window confirms the results it showed at once.
   */
  'machines:read-after': {
    owner: 'machines',
    request: z.object({ jobIds: z.array(jobId).min(1).max(200) }).strict(),
    response: answers<MachinesReadAfter>(),
  },
  /** Everything `orbctl info` knows about one machine, fresh. */
  'machine:info': { owner: 'machines', request: byName, response: answers<MachineInfo>() },
  /** The machine's boot and runtime logs (`orbctl logs`). */
  'machine:logs': {
    owner: 'machines',
    request: z.object({ name: machineRef, all: z.boolean().optional() }).strict(),
    response: answers<{ text: string }>(),
  },
  /** The machine's CPU, memory and disk limits (orbctl ≥ 2.2), read once per change, not per poll. */
  'machine:limits': { owner: 'machines', request: byName, response: answers<MachineLimitsAnswer>() },
  /** How to reach the machine: SSH command, terminal and VS Code addresses. */
  'machine:ssh': { owner: 'machines', request: byName, response: answers<SshAccess>() },
  /** Change the machine's default user (`orbctl config set machine.NAME.username USER`). */
  'machine:set-user': {
    owner: 'machines',
    request: z.object({ name: machineRef, user: linuxUser }).strict(),
    response: answers<{ user: string }>(),
  },
  /**
   * Open a terminal or VS Code on the machine (Electron). `opened: false` where the app cannot open it itself
   * (the headless host): the window opens `url`.
   */
  'machine:open': {
    owner: 'machines',
    request: z.object({ name: machineRef, target: z.enum(['terminal', 'vscode']) }).strict(),
    response: answers<{ opened: boolean; url: string }>(),
  },
  /** Start a machine. Answers the queued job at once; follow it through `jobs:changed`. */
  'machine:start': { owner: 'machines', request: byNameInBatch, response: answers<Job>() },
  'machine:stop': { owner: 'machines', request: byNameInBatch, response: answers<Job>() },
  'machine:restart': { owner: 'machines', request: byNameInBatch, response: answers<Job>() },
  'machine:create': {
    owner: 'machines',
    request: z
      .object({
        distro: distroWord,
        version: imageVersion.optional(),
        name: newMachineName,
        arch: architecture.optional(),
        user: linuxUser.optional(),
        cloudInitPath: fileRef.optional(),
        /** The cloud-init editor's text (instead of a file); checked before the job starts. */
        cloudInit: cloudInitText.optional(),
        isolated: z.boolean().optional(),
        cpus: cpuCount.optional(),
        memory: memorySize.optional(),
        disk: diskSize.optional(),
      })
      .strict(),
    response: answers<Job>(),
  },
  /** A cloud-init file's text, for the editor (a file chosen in the native dialog, in Electron). */
  'userdata:read': {
    owner: 'machines',
    request: z.object({ path: fileRef }).strict(),
    response: answers<{ text: string }>(),
  },
  /** Basic checks of cloud-init user data (the New Machine editor asks as the person types). */
  'userdata:check': {
    owner: 'machines',
    request: z.object({ text: cloudInitText }).strict(),
    response: answers<{ problems: CloudInitProblem[] }>(),
  },
  'machine:delete': { owner: 'machines', request: byNameInBatch, response: answers<Job>() },
  'machine:rename': {
    owner: 'machines',
    request: z.object({ name: machineRef, newName: newMachineName }).strict(),
    response: answers<Job>(),
  },
  'machine:set-default': { owner: 'machines', request: byName, response: answers<Job>() },
  /** Change a stopped machine's CPU, memory and disk limits (as a job; orbctl ≥ 2.2). Left out: unchanged. */
  'machine:set-limits': {
    owner: 'machines',
    request: z
      .object({
        name: machineRef,
        cpus: cpuCount.optional(),
        memory: memorySize.optional(),
        disk: diskSize.optional(),
      })
      .strict()
      .refine((r) => r.cpus !== undefined || r.memory !== undefined || r.disk !== undefined, {
        message: 'Nothing to change: give CPUs, memory or disk.',
      }),
    response: answers<Job>(),
  },
  // #endregion

  // #region transfers (handlers/transfers.ts: clone, export, import, push)
  /** Clone a machine (as a job); the copy is left stopped. */
  'machine:clone': {
    owner: 'transfers',
    request: z.object({ name: machineRef, newName: newMachineName }).strict(),
    response: answers<Job>(),
  },
  /** Export a machine to a file (as a job). An existing file is replaced only with `overwrite: true`. */
  'machine:export': {
    owner: 'transfers',
    request: z.object({ name: machineRef, path: fileRef, overwrite: z.boolean().optional() }).strict(),
    response: answers<Job>(),
  },
  /** The default export path: `<machine>-YYYYMMDD-HHMMSS.tar.zst` in the last folder used. */
  'machine:export-suggest': { owner: 'transfers', request: byName, response: answers<ExportSuggestion>() },
  /** Import an export file as a new machine (as a job); the file is checked before orbctl sees it. */
  'machine:import': {
    owner: 'transfers',
    request: z.object({ path: fileRef, name: newMachineName }).strict(),
    response: answers<Job>(),
  },
  /** Copy files into a machine's home folder (`orbctl push`, as a job). */
  'machine:push': {
    owner: 'transfers',
    request: z
      .object({
        name: machineRef,
        paths: z.array(fileRef).min(1, 'no files').max(100, 'too many files'),
        /** The person was told that some of the files hold secrets, and copies them anyway. */
        confirmSensitive: z.boolean().optional(),
        /** A folder in the machine (relative to the user's home, or absolute); the home by default. */
        dest: linuxPath.optional(),
      })
      .strict(),
    response: answers<Job>(),
  },
  /** What an export file holds, read from its header without decompressing; refuses foreign files. */
  'import:inspect': {
    owner: 'transfers',
    request: z.object({ path: fileRef }).strict(),
    response: answers<ImportPreview>(),
  },
  /**
   * "Export for a New Mac…": one export job per machine into `folder` (each file under its usual name,
   * with its checksum and manifest), and `orbdeck-index.json` beside them, kept current as the jobs end.
   */
  'machine:export-bundle': {
    owner: 'transfers',
    request: z.object({ names: z.array(machineRef).min(1).max(200), folder: fileRef }).strict(),
    response: answers<ExportBundle>(),
  },
  /** Every export in a folder (and what its index says is missing), for one import dialog. */
  'import:inspect-folder': {
    owner: 'transfers',
    request: z.object({ path: fileRef }).strict(),
    response: answers<FolderPreview>(),
  },
  /** Delete a file the window uploaded to the headless host and no longer needs. */
  'upload:discard': {
    owner: 'transfers',
    request: z.object({ path: absolutePath }).strict(),
    response: answers<{ discarded: boolean }>(),
  },
  // #endregion

  // #region jobs (handlers/jobs.ts)
  /** Every job still queued or running, and the finished ones of this session. */
  'jobs:list': { owner: 'jobs', request: empty, response: answers<Job[]>() },
  /** Cancel a queued or running job; answers the job as it now stands. */
  'jobs:cancel': { owner: 'jobs', request: z.object({ id: jobId }).strict(), response: answers<Job>() },
  /** Finished jobs with their durations and sizes, kept across restarts (oldest first). */
  'jobs:history': { owner: 'jobs', request: empty, response: answers<HistoryEntry[]>() },
  'jobs:history-clear': { owner: 'jobs', request: empty, response: answers<{ cleared: number }>() },
  /** The history as a JSON or CSV document, to save. */
  'jobs:history-export': {
    owner: 'jobs',
    request: z.object({ format: z.enum(['json', 'csv']) }).strict(),
    response: answers<{ fileName: string; text: string }>(),
  },
  // #endregion

  // #region desktop (handlers/desktop.ts; the headless host answers `supported: false`)
  /** The native save dialog for an export; its file comes back as a grant (shared/files.ts). */
  'desktop:pick-export-path': {
    owner: 'desktop',
    request: z.object({ defaultPath: absolutePath }).strict(),
    response: answers<{ supported: boolean; file: ChosenFile | null }>(),
  },
  /** The native open dialog, for export files to import, a cloud-init file, or files to copy into a machine. */
  'desktop:pick-files': {
    owner: 'desktop',
    request: z.object({ purpose: z.enum(['import', 'import-folder', 'cloud-init', 'push']) }).strict(),
    response: answers<{ supported: boolean; files: ChosenFile[] }>(),
  },
  /**
   * A machine's context menu as a native menu at the pointer; the answer is the chosen item's id, null when the
   * menu was dismissed. The window builds the items from the shared rules (renderer/model/machine-menu-items.ts).
   */
  'desktop:context-menu': {
    owner: 'desktop',
    request: z
      .object({
        items: z
          .array(
            z.union([
              z
                .object({
                  id: z.string().regex(/^[a-z:-]{1,40}$/, 'not a menu item id'),
                  label: z.string().min(1).max(80),
                  enabled: z.boolean(),
                  /** Drawn with a check mark (a setting the item turns on and off). */
                  checked: z.boolean().optional(),
                })
                .strict(),
              z.object({ separator: z.literal(true) }).strict(),
            ]),
          )
          .min(1)
          .max(40),
      })
      .strict(),
    response: answers<{ supported: boolean; chosen: string | null }>(),
  },
  /**
   * The native folder dialog for exporting several machines at once: a write grant for the folder (new files
   * only: `machine:export-bundle` never replaces one), or `folder: null` when cancelled.
   */
  'desktop:pick-export-folder': {
    owner: 'desktop',
    request: z.object({ names: z.array(machineRef).min(1).max(200) }).strict(),
    response: answers<{ supported: boolean; folder: ChosenFile | null }>(),
  },
  /** Show a file in Finder (only a file the app wrote). */
  'desktop:show-item': {
    owner: 'desktop',
    request: z.object({ path: absolutePath }).strict(),
    response: answers<{ shown: boolean }>(),
  },
  // #endregion

  // Performance (handlers/machines.ts)
  /**
   * The machines a window's list shows now (at most 200 names, sent debounced as it scrolls or filters): their
   * disk sizes and addresses (`orbctl info`) are asked before the others'.
   */
  'machines:visible': {
    owner: 'machines',
    request: z.object({ names: z.array(machineRef).max(200) }).strict(),
    response: answers<{ accepted: number }>(),
  },

  // Machines created with cloud-init are "Setting up" until it has finished (machines/setup-watch.ts).
  /** The machines being set up, and those whose cloud-init failed. */
  'setup:list': { owner: 'machines', request: empty, response: answers<SetupRecord[]>() },
  /** The end of the machine's cloud-init log (`/var/log/cloud-init-output.log`). */
  'setup:log': {
    owner: 'machines',
    request: byName,
    response: answers<{ text: string; truncated: boolean }>(),
  },
  /** Forget a failed setup (the person has seen it). */
  'setup:dismiss': { owner: 'machines', request: byName, response: answers<{ dismissed: boolean }>() },

  // Verified exports (handlers/trust.ts) and checkpoints (handlers/checkpoints.ts).
  /**
   * Reads an export file whole and compares it with the checksum beside it. Progress comes as
   * `export:verify-progress` events carrying `token` (chosen by the window); `export:verify-cancel` stops it.
   */
  'export:verify': {
    owner: 'transfers',
    request: z.object({ path: fileRef, token: verifyToken }).strict(),
    response: answers<ExportCheck>(),
  },
  'export:verify-cancel': {
    owner: 'transfers',
    request: z.object({ token: verifyToken }).strict(),
    response: answers<{ cancelled: boolean }>(),
  },
  /** Every checkpoint OrbDeck knows of or finds by its name, with its label, time and size. */
  'checkpoint:list': { owner: 'checkpoints', request: empty, response: answers<CheckpointRecord[]>() },
  /** Save a checkpoint of a machine (a stopped clone, as a job); the label defaults to the date and time. */
  'checkpoint:save': {
    owner: 'checkpoints',
    request: z.object({ name: machineRef, label: checkpointLabel.optional() }).strict(),
    response: answers<Job>(),
  },
  /** Put a checkpoint's machine back to the checkpoint (as one job); the state before is kept as a checkpoint. */
  'checkpoint:revert': {
    owner: 'checkpoints',
    request: z.object({ checkpoint: machineRef }).strict(),
    response: answers<Job>(),
  },
  /** Delete a checkpoint (as a job); only checkpoints can be deleted this way. */
  'checkpoint:delete': {
    owner: 'checkpoints',
    request: z.object({ checkpoint: machineRef }).strict(),
    response: answers<Job>(),
  },
  // #region commands in machines (electron/core/run/handlers.ts: run a command, copy a file out)
  /**
   * Run a command line in the machine's shell (`orbctl run … -- sh -c LINE`, as a job), as its default user or
   * root, in a folder (the home by default). Output follows as `run:streamed` events for the job.
   */
  'machine:run': {
    owner: 'run',
    request: z
      .object({
        name: machineRef,
        command: commandLine,
        as: z.enum(RUN_AS),
        workdir: linuxPath.optional(),
        batch: batchId.optional(),
      })
      .strict(),
    response: answers<Job>(),
  },
  /** What is kept of a run's output (the last SCROLLBACK_CHARS), for a window that opens late; null if none. */
  'run:output': {
    owner: 'run',
    request: z.object({ id: jobId }).strict(),
    response: answers<RunOutput | null>(),
  },
  /** The machine's last commands, newest first (kept in the data folder). */
  'run:history': { owner: 'run', request: byName, response: answers<RunRecord[]>() },
  /**
   * Copy a file or folder out of the machine (`orbctl pull`, as a job) to `path` on this computer. An existing
   * file is replaced only with `overwrite: true`, and only once the copy is complete.
   */
  'machine:pull': {
    owner: 'run',
    request: z
      .object({ name: machineRef, source: linuxPath, path: fileRef, overwrite: z.boolean().optional() })
      .strict(),
    response: answers<Job>(),
  },
  /** The native save dialog for a copy out of a machine; the headless host answers unsupported. */
  'desktop:pick-save-path': {
    owner: 'run',
    request: z.object({ defaultPath: absolutePath, purpose: z.enum(['pull']) }).strict(),
    response: answers<{ supported: boolean; file: ChosenFile | null }>(),
  },
  /**
   * Open the machine's http://NAME.orb.local/ in the browser (Electron), or http://NAME.orb.local:PORT/ for one
   * of its ports. `opened: false` where the app cannot (the headless host): the window opens `url` itself.
   * `address` is what Copy Address copies.
   */
  'machine:open-web': {
    owner: 'run',
    request: z.object({ name: machineRef, port: z.number().int().min(1).max(65535).optional() }).strict(),
    response: answers<{ opened: boolean; url: string; address: string }>(),
  },
  /**
   * Carry out an orbdeck:// link (shared/deep-link.ts) the window has asked about: the job it started, or null
   * for one that only shows a machine (or an export whose save dialog was cancelled, in the desktop app). A link
   * OrbDeck does not understand is INVALID_INPUT saying why.
   */
  'link:open': {
    owner: 'links',
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: answers<{ job: Job | null }>(),
  },
  /** Where a copy out of a machine goes unless the person says otherwise: ~/Downloads/NAME. */
  'machine:pull-suggest': {
    owner: 'run',
    request: z.object({ name: machineRef, source: linuxPath }).strict(),
    response: answers<{ path: string; exists: boolean }>(),
  },
  // #endregion

  // #region presets (electron/core/presets/handlers.ts)
  /** Every preset, in the order made. Follow `presets:changed`. */
  'presets:list': { owner: 'presets', request: empty, response: answers<Preset[]>() },
  /**
   * Save the New Machine form as a preset (a new one, or `id`'s). Its cloud-init file's content is stored in the
   * preset; `keepCloudInit` keeps what `id` had when no file is given.
   */
  'presets:save': {
    owner: 'presets',
    // The editor's text (`cloudInit`), else a file's (`cloudInitPath`), else the preset's own (`keepCloudInit`).
    request: PRESET_FIELDS.extend({
      id: presetId.optional(),
      cloudInitPath: fileRef.optional(),
      keepCloudInit: z.boolean().optional(),
    }).strict(),
    response: answers<Preset>(),
  },
  'presets:duplicate': {
    owner: 'presets',
    request: z.object({ id: presetId }).strict(),
    response: answers<Preset>(),
  },
  'presets:delete': {
    owner: 'presets',
    request: z.object({ id: presetId }).strict(),
    response: answers<{ deleted: true }>(),
  },
  /** All presets as a JSON file to share (without their ids). */
  'presets:export': {
    owner: 'presets',
    request: empty,
    response: answers<{ fileName: string; text: string }>(),
  },
  /**
   * What a shared presets file would add, shown before anything is saved (its cloud-init runs in every machine
   * made from it); `replaces` marks a preset named like an existing one. Refused as `presets:import` refuses.
   */
  'presets:preview': {
    owner: 'presets',
    request: presetsFile,
    response: answers<{ presets: PresetPreview[] }>(),
  },
  /**
   * Add the presets of a shared file; one named like an existing preset replaces it. A file with any bad field
   * (or cloud-init the editor would refuse) is refused whole with INVALID_INPUT saying nothing was imported,
   * each problem in the detail's notes (`presets[1].memory: …`, `presets[0].cloudInit: Line 3: …`).
   */
  'presets:import': {
    owner: 'presets',
    request: presetsFile,
    response: answers<{ added: number; replaced: number }>(),
  },
  /** Create a machine from a preset in one click (a free name from its distro unless `name` is given). */
  'machine:create-from-preset': {
    owner: 'presets',
    request: z.object({ id: presetId, name: newMachineName.optional() }).strict(),
    response: answers<Job>(),
  },
  // #endregion

  // #region usage (electron/core/usage/handlers.ts: what runs inside a machine, read with `orbctl run`)
  /**
   * What this window shows of machines' insides now: the inspector's machine with its Usage or Ports tab, and
   * the rows on screen while the CPU and memory columns are on. Only these are read, and only while the window
   * is visible; send `{ machine: null, view: null, rows: [] }` when it shows none.
   */
  'usage:watch': {
    owner: 'usage',
    request: z
      .object({
        machine: machineRef.nullable(),
        view: z.enum(['usage', 'ports']).nullable(),
        rows: z.array(machineRef).max(200),
      })
      .strict(),
    response: answers<{ accepted: number }>(),
  },
  /** Everything known of a machine's inside: the last sample, the last hour, its ports, its disk over time. */
  'machine:usage': { owner: 'usage', request: byName, response: answers<MachineUsage>() },
  /** The largest folders under an absolute path in a running machine (one `du`, on request only). */
  'machine:largest-folders': {
    owner: 'usage',
    request: z
      .object({
        name: machineRef,
        path: linuxPath.refine((p) => p.startsWith('/'), 'Give an absolute path in the machine.'),
      })
      .strict(),
    response: answers<FolderSizes>(),
  },
  /**
   * Show the machine's files (OrbStack's mount at ~/OrbStack/NAME) in Finder. `opened: false` where the app
   * cannot (the headless host): the window offers `path` to copy.
   */
  'machine:show-files': {
    owner: 'usage',
    request: byName,
    response: answers<{ opened: boolean; path: string }>(),
  },
  // #endregion
  // #region sandboxes (electron/core/sandboxes/handlers.ts; docs/sandboxes.md)
  /** Every sandbox, with its state, golden checkpoint and time limit. Pull once, then follow `sandboxes:changed`. */
  'sandbox:list': { owner: 'sandboxes', request: empty, response: answers<SandboxRecord[]>() },
  /**
   * Create a sandbox (as a job): an isolated machine, recorded as a sandbox once it exists, whose golden
   * checkpoint is taken when its cloud-init is done. The time limit counts from when it exists. Without a name,
   * the first free one of `sandbox`, `sandbox-2`, ….
   */
  'sandbox:create': {
    owner: 'sandboxes',
    request: z
      .object({
        distro: distroWord,
        version: imageVersion.optional(),
        name: newMachineName.optional(),
        arch: architecture.optional(),
        user: linuxUser.optional(),
        cloudInit: cloudInitText.optional(),
        cpus: cpuCount.optional(),
        memory: memorySize.optional(),
        disk: diskSize.optional(),
        timeLimit: timeLimitRequest.optional(),
      })
      .strict(),
    response: answers<Job>(),
  },
  /** The same from a preset (isolated whatever the preset says; a free name unless `name` is given). */
  'sandbox:create-from-preset': {
    owner: 'sandboxes',
    request: z
      .object({ id: presetId, name: newMachineName.optional(), timeLimit: timeLimitRequest.optional() })
      .strict(),
    response: answers<Job>(),
  },
  /** Back to the golden checkpoint (as one job); the state before is kept until the reset has succeeded. */
  'sandbox:reset': { owner: 'sandboxes', request: byName, response: answers<Job>() },
  /** Delete the sandbox and its golden checkpoint (as a job). Only sandboxes can be deleted this way. */
  'sandbox:delete': { owner: 'sandboxes', request: byName, response: answers<Job>() },
  /** Keep the sandbox's state now as its golden checkpoint (as a job); the old one is deleted once it is saved. */
  'sandbox:save-golden': { owner: 'sandboxes', request: byName, response: answers<Job>() },
  /** An hour more (or `seconds`) before the sandbox's time limit runs out. */
  'sandbox:extend': {
    owner: 'sandboxes',
    request: z.object({ name: machineRef, seconds: timeLimitSeconds.optional() }).strict(),
    response: answers<SandboxRecord>(),
  },
  /** A new time limit from now, or none (`null`). */
  'sandbox:set-time-limit': {
    owner: 'sandboxes',
    request: z.object({ name: machineRef, timeLimit: timeLimitRequest.nullable() }).strict(),
    response: answers<SandboxRecord>(),
  },
  /** Write a file into a sandbox from its content (as a job, `orbctl push`): an agent names no path on this Mac. */
  'sandbox:write-file': {
    owner: 'sandboxes',
    request: z.object({ name: machineRef, path: linuxPath, base64: fileContent }).strict(),
    response: answers<Job>(),
  },
  /** Copy a file out of a sandbox (as a job, `orbctl pull`); its content is then `sandbox:file-content`. */
  'sandbox:read-file': {
    owner: 'sandboxes',
    request: z.object({ name: machineRef, path: linuxPath }).strict(),
    response: answers<Job>(),
  },
  /** What a finished `sandbox:read-file` job read (kept for a few minutes, and given once). */
  'sandbox:file-content': {
    owner: 'sandboxes',
    request: z.object({ id: jobId }).strict(),
    response: answers<SandboxFileContent>(),
  },
  // #endregion

  // #region start policy (electron/core/start-policy/handlers.ts)
  /** The machines OrbDeck starts when it starts, or stops when it quits. Follow `policy:changed`. */
  'policy:list': { owner: 'start-policy', request: empty, response: answers<StartPolicyRecord[]>() },
  /** Change a machine's start policy; left out: unchanged. */
  'policy:set': {
    owner: 'start-policy',
    request: z
      .object({ name: machineRef, startWithApp: z.boolean().optional(), stopOnQuit: z.boolean().optional() })
      .strict()
      .refine((r) => r.startWithApp !== undefined || r.stopOnQuit !== undefined, {
        message: 'Nothing to change: give startWithApp or stopOnQuit.',
      }),
    response: answers<StartPolicyRecord>(),
  },
  /** Start every stopped machine that starts with OrbDeck (a job each). */
  'policy:start-all': { owner: 'start-policy', request: empty, response: answers<Job[]>() },
  /** Stop every running machine that stops when OrbDeck quits (a job each). */
  'policy:stop-all': { owner: 'start-policy', request: empty, response: answers<Job[]>() },
  // #endregion
} as const satisfies Record<string, { owner: ChannelOwner; request: z.ZodType; response: unknown }>;

export type IpcChannel = keyof typeof CONTRACT;
/** What a window sends. */
export type RequestOf<C extends IpcChannel> = z.input<(typeof CONTRACT)[C]['request']>;
/** What a handler receives: the request after validation. */
export type ParsedRequestOf<C extends IpcChannel> = z.output<(typeof CONTRACT)[C]['request']>;
export type ResponseOf<C extends IpcChannel> = (typeof CONTRACT)[C]['response'];

/** Events the main process pushes to every window, with their payloads. */
export const EVENTS = {
  /** What changed in the machine list since the last snapshot (sent only when something did): apply it to that snapshot. */
  'machines:changed': answers<MachinesChange>(),
  /** One job was created or changed. */
  'jobs:changed': answers<Job>(),
  /** Settings changed (from any window, or the tray). */
  'settings:changed': answers<Settings>(),
  /** A new notice for the user (see `notices:list`). */
  'notices:added': answers<Notice>(),
  /** The app menu, the tray or the Dock asks the window to do something (open a dialog, show Activity). */
  'app:command': answers<AppCommand>(),
  // Verified exports and checkpoints.
  /** How far an `export:verify` has read. */
  'export:verify-progress': answers<VerifyProgress>(),
  /** The checkpoints changed (saved, deleted, reverted, relabelled). */
  'checkpoints:changed': answers<CheckpointRecord[]>(),
  // New output of a running command (batched), and its end.
  'run:streamed': answers<RunOutputEvent>(),
  /** The presets changed (saved, deleted, imported; from any window). */
  'presets:changed': answers<Preset[]>(),
  /** The machines being set up changed (one started, finished, failed, was dismissed). */
  'setup:changed': answers<SetupRecord[]>(),
  /** A machine's inside was read (a sample, its ports), or cannot be read now and why. */
  'usage:changed': answers<UsageChange>(),
  /** The sandboxes changed (created, set up, reset, extended, deleted). */
  'sandboxes:changed': answers<SandboxRecord[]>(),
  /** The start policies changed. */
  'policy:changed': answers<StartPolicyRecord[]>(),
} as const;

export type IpcEvent = keyof typeof EVENTS;
export type EventOf<E extends IpcEvent> = (typeof EVENTS)[E];

export const ALL_CHANNELS = Object.keys(CONTRACT) as IpcChannel[];
export const ALL_EVENTS = Object.keys(EVENTS) as IpcEvent[];

export function isChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}

export const ownerOf = (channel: IpcChannel): ChannelOwner => CONTRACT[channel].owner;
export const requestSchema = (channel: IpcChannel): z.ZodType => CONTRACT[channel].request;

export type {
  AppCommand,
  AppInfo,
  ExportSuggestion,
  ImportPreview,
  MachinesChange,
  MachinesReadAfter,
  MachinesSnapshot,
  Notice,
  NoticeLevel,
  OrbctlStatus,
  SshAccess,
} from './types';
