/**
 * Every channel the renderer can invoke, grouped by the core module that answers it. Request schemas are in
 * requests.ts, response types in responses.ts. Adding a channel: a name here, a schema, a response type, a
 * handler in electron/core/ipc/handlers/, and a line in contract.test-d.ts.
 */
export const IpcChannel = {
  // #region app (electron/core/app-core.ts)
  /** Who am I talking to: version, transport, demo mode, where data lives. */
  appInfo: 'app:info',
  /** Which orbctl is used, its version and what it can do, or why there is none. */
  orbctlStatus: 'orbctl:status',
  /** A browser tab was hidden or shown: with no visible window the machine list is polled less often. */
  appVisibility: 'app:visibility',
  /** Start OrbStack itself (`orbctl start` with no machine). */
  orbstackStart: 'orbstack:start',
  /**
   * Choose which orbctl to use: the native open dialog in Electron (no path), a typed path in the headless host,
   * or null to find it again. A file is saved only if it answers `version` as orbctl does.
   */
  orbctlChoose: 'orbctl:choose',
  // #endregion

  // #region settings (electron/core/settings)
  settingsGet: 'settings:get',
  /**
   * Change some settings; answers all of them. Bad values are refused with the field named. The orbctl to use
   * is not among them: it is chosen with `orbctl:choose`.
   */
  settingsSet: 'settings:set',
  // #endregion

  // #region notices (electron/core/notices.ts)
  /**
   * Warnings for the user that answer no request (history cannot be saved, damaged settings set aside, jobs
   * interrupted when OrbDeck last quit), oldest first, until dismissed. Pull once, then follow `notices:added`.
   */
  noticesList: 'notices:list',
  /** The user dismissed a notice (in any window): it is no longer listed. */
  noticesDismiss: 'notices:dismiss',
  // #endregion

  // #region machines (electron/core/machines: the machine store)
  /** The current machine list as last polled, with the last polling error. Pull this once, then listen. */
  machinesSnapshot: 'machines:snapshot',
  /** Poll `orbctl list` now and answer the fresh snapshot. */
  machinesRefresh: 'machines:refresh',
  /** Everything `orbctl info` knows about one machine, fresh. */
  machineInfo: 'machine:info',
  /** The machine's boot and runtime logs (`orbctl logs`). */
  machineLogs: 'machine:logs',
  /** How to reach the machine: SSH command, terminal and VS Code addresses. */
  machineSsh: 'machine:ssh',
  /** Change the machine's default user (`orbctl config set machine.NAME.username USER`). */
  machineSetUser: 'machine:set-user',
  /** Open a terminal or VS Code on the machine (Electron); the headless host answers the address instead. */
  machineOpen: 'machine:open',
  // #endregion

  // #region jobs (electron/core/jobs: every change to a machine runs as a job)
  /** Start a machine. Answers the queued job at once; follow it through `jobs:changed`. */
  machineStart: 'machine:start',
  machineStop: 'machine:stop',
  machineRestart: 'machine:restart',
  machineCreate: 'machine:create',
  machineDelete: 'machine:delete',
  machineRename: 'machine:rename',
  machineSetDefault: 'machine:set-default',
  /** Clone a machine (as a job); the copy is left stopped. */
  machineClone: 'machine:clone',
  /** Export a machine to a file (as a job). An existing file is replaced only with `overwrite: true`. */
  machineExport: 'machine:export',
  /** The default export path: `<machine>-YYYYMMDD-HHMMSS.tar.zst` in the last folder used. */
  machineExportSuggest: 'machine:export-suggest',
  /** Import an export file as a new machine (as a job); the file is checked before orbctl sees it. */
  machineImport: 'machine:import',
  /** Copy files into a machine's home folder (`orbctl push`, as a job). */
  machinePush: 'machine:push',
  /** What an export file holds, read from its header without decompressing; refuses foreign files. */
  importInspect: 'import:inspect',
  /** Every job still queued or running, and the finished ones of this session. */
  jobsList: 'jobs:list',
  /** Cancel a queued or running job; answers the job as it now stands. */
  jobsCancel: 'jobs:cancel',
  /** Finished jobs with their durations and sizes, kept across restarts (oldest first). */
  jobsHistory: 'jobs:history',
  jobsHistoryClear: 'jobs:history-clear',
  /** The history as a JSON or CSV document, to save. */
  jobsHistoryExport: 'jobs:history-export',
  // #endregion

  // #region desktop (electron/dialogs.ts; the headless host answers `supported: false`)
  /** The native save dialog for an export. */
  desktopPickExportPath: 'desktop:pick-export-path',
  /** The native open dialog, for export files to import, a cloud-init file, or files to copy into a machine. */
  desktopPickFiles: 'desktop:pick-files',
  /** Show a file in Finder. */
  desktopShowItem: 'desktop:show-item',
  /** Delete a file the window uploaded to the headless host and no longer needs. */
  uploadDiscard: 'upload:discard',
  // #endregion
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Events the main process pushes to every window. */
export const IpcEvent = {
  /** The machine snapshot changed (sent only when it differs from the last one sent). */
  machinesChanged: 'machines:changed',
  /** One job was created or changed. */
  jobChanged: 'jobs:changed',
  /** Settings changed (from any window, or the tray). */
  settingsChanged: 'settings:changed',
  /** A new notice for the user (see `notices:list`). */
  noticeAdded: 'notices:added',
  /** The app menu, the tray or the Dock asks the window to do something (open a dialog, show Activity). */
  appCommand: 'app:command',
} as const;
export type IpcEvent = (typeof IpcEvent)[keyof typeof IpcEvent];
