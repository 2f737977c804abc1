/** The data that crosses IPC in answers and events (the channels themselves are in contract.ts). */
import type { AppErrorData } from '../errors';
import type { ChosenFile } from '../files';
import type { Job } from '../jobs';
import type { Machine, OrbctlCapabilities, SshDetails } from '../machine';

export interface AppInfo {
  name: 'OrbDeck';
  version: string;
  /** `agent`: the agent endpoint (an MCP client). */
  transport: 'electron' | 'headless' | 'agent';
  /** True when the built-in simulator stands in for orbctl. */
  demo: boolean;
  /** In demo mode: how big the simulator's export files are against real ones (0.01: a hundredth). */
  demoExportScale?: number;
  platform: string;
  dataDir: string;
}

export interface MachinesSnapshot {
  machines: Machine[];
  /** The last polling error, kept until a poll succeeds again. */
  lastError: AppErrorData | null;
  /** Epoch ms of the last successful poll; null before the first. */
  updatedAt: number | null;
  /** Grows with every change; a window keeps the snapshot with the highest (events and pulls can cross). */
  version: number;
}

/**
 * What changed in the machine list since snapshot `base` (shared/machines-change.ts makes and applies it): the
 * machines new or changed since, whole; the ids gone; every id in list order when the order or the set of
 * machines changed. Applied to snapshot `base` it gives snapshot `version`.
 */
export interface MachinesChange {
  base: number;
  version: number;
  changed: Machine[];
  removed: string[];
  order?: string[];
  lastError: AppErrorData | null;
  updatedAt: number | null;
}

/**
 * Which snapshot holds a list read after some jobs ended: its version, and whether that read failed. The
 * machines themselves reach the window as changes, sent before this answer.
 */
export interface MachinesReadAfter {
  version: number;
  lastError: AppErrorData | null;
}

export interface OrbctlStatus {
  /** Where orbctl was found, or null with `error` saying where we looked. */
  path: string | null;
  source: 'env' | 'setting' | 'search' | null;
  /** What ORBDECK_ORBCTL names, when it is set: it wins over any choice in the app, even when it is wrong. */
  pinnedByEnv: string | null;
  version: string | null;
  capabilities: OrbctlCapabilities | null;
  error: AppErrorData | null;
}

export interface SshAccess extends SshDetails {
  /** Opens Terminal with ssh (`ssh://NAME@orb`). */
  terminalUrl: string;
  /** Opens VS Code's Remote-SSH on the machine's home folder. */
  vscodeUrl: string;
}

/** What an export file holds, from its header. */
export interface ImportPreview {
  /** What to send to `machine:import` (see ChosenFile). */
  ref: string;
  path: string;
  size: number;
  /** The machine's name when it was exported. */
  name: string;
  distro: string;
  version: string;
  arch: string;
  /** ISO 8601, as written by orbctl. */
  exportedAt: string;
  /** The original name if free, else a free variant of it. */
  proposedName: string;
  /** True when the file is a copy the headless host received from the browser. */
  uploaded: boolean;
  /** Whether a checksum lies beside the file (checked in full with `export:verify`). */
  checksum?: ChecksumPresence;
}

export interface ExportSuggestion {
  path: string;
  folder: string;
  exists: boolean;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

/** Something the user must hear about that answers no request; shown once, until dismissed. */
export interface Notice {
  id: string;
  level: NoticeLevel;
  /** One or two sentences for people: "History could not be saved: the disk is full. …" */
  text: string;
  /** Epoch ms. */
  time: number;
  /** A button beside the words: it asks the window to do `command`, as a menu would. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  command: AppCommand;
}

/** What the menu bar, the tray or the Dock ask a window to do. */
export type AppCommand =
  | { command: 'create' | 'presets' | 'import' | 'refresh' | 'activity' | 'settings' | 'filter' }
  /** New Sandbox… (File menu, the sidebar's Sandboxes). */
  | { command: 'new-sandbox' }
  | { command: 'clone' | 'export' | 'rename' | 'delete'; machine?: string }
  /** Files opened with OrbDeck (dropped on the Dock icon, or from Finder): preview and import them. */
  | { command: 'import-files'; files: ChosenFile[] }
  /** Verify Export… (File menu); Save Checkpoint… (the tray). */
  | { command: 'verify-export' }
  /** Export for a New Mac… (File menu); a folder to import (Import Folder…, or one dropped on the Dock icon). */
  | { command: 'export-bundle' }
  | { command: 'import-folder'; folder?: ChosenFile }
  | { command: 'save-checkpoint'; machine?: string }
  // An orbdeck:// link opened the app (the window parses it and asks before it acts).
  | { command: 'deep-link'; url: string }
  /** Another hour for a sandbox whose time is about to run out (the warning's button). */
  | { command: 'extend-sandbox'; machine: string };

// Verified exports and checkpoints.

/** What the preview can tell without reading the whole file: a size that differs already proves damage. */
export type ChecksumPresence = 'present' | 'missing' | 'mismatch';

/** The result of checking an export against the checksum beside it. */
export type ChecksumVerdict = 'verified' | 'mismatch' | 'missing' | 'writing';

/** `<file>.manifest.json` beside an export. */
export interface ExportManifest {
  format: 'orbdeck-export-manifest';
  version: 1;
  /** The export's base name. */
  file: string;
  machine: string;
  distro: string;
  distroVersion: string;
  arch: string;
  /** `orbctl version` of the Mac that exported it, when known. */
  orbstackVersion: string | null;
  size: number;
  sha256: string;
  /** ISO 8601. */
  exportedAt: string;
}

/**
 * One machine in `orbdeck-index.json`, the index "Export for a New Mac…" writes into its folder: what was meant
 * to be there, so the other Mac can tell a folder copied whole from one that lost a file on the way.
 */
export interface ExportIndexEntry {
  machine: string;
  /** The export's base name, in the index's folder. */
  file: string;
  distro: string;
  distroVersion: string;
  arch: string;
  /** `exporting` until its job ends: an index still saying it was written by an export cut short. */
  state: 'exporting' | 'exported' | 'failed';
  size?: number;
  sha256?: string;
  /** Why it is not there (a failed or cancelled export), in words. */
  reason?: string;
}

export interface ExportIndex {
  format: 'orbdeck-export-index';
  version: 1;
  /** ISO 8601. */
  updatedAt: string;
  machines: ExportIndexEntry[];
}

/** What `machine:export-bundle` started: a job per machine, and those refused (a name taken, a full queue). */
export interface ExportBundle {
  folder: string;
  /** The index's path. */
  index: string;
  jobs: Job[];
  refused: Array<{ name: string; message: string }>;
  /** Why the index could not be written, when it could not. */
  note?: string;
}

/** What a folder of exports holds, for the import dialog: one item per export, names free among them all. */
export interface FolderPreview {
  folder: string;
  /** Whether an `orbdeck-index.json` was found and read. */
  indexed: boolean;
  items: ImportPreview[];
  /** What is wrong or missing, one sentence each (a file listed but absent, a file that is not an export). */
  problems: string[];
}

export interface ExportCheck {
  path: string;
  verdict: ChecksumVerdict;
  /** One sentence for people, the same everywhere the verdict is shown. */
  message: string;
  bytes: number;
  expected?: string;
  actual?: string;
  manifest?: ExportManifest;
}

/** Progress of one `export:verify` request, named by the token the window chose. */
export interface VerifyProgress {
  token: string;
  bytesDone: number;
  bytesTotal: number;
}

/** What OrbDeck knows about one checkpoint: a stopped clone of a machine (see docs/checkpoints.md). */
export interface CheckpointRecord {
  /** The checkpoint machine's own name (`web--cp-20261201-101500`). */
  name: string;
  /**
   * The checkpoint machine's own id: how OrbDeck knows it is a checkpoint (shared/checkpoint-records.ts).
   * Absent only in records written before ids were kept.
   */
  machineId?: string;
  /** The machine it was saved from, by name when it was saved, and by id (null when it was not known). */
  sourceName: string;
  sourceId: string | null;
  label: string;
  /** Epoch ms. */
  createdAt: number;
  /** Bytes on disk as OrbStack reports them, when known. */
  size: number | null;
  /** Kept automatically before a revert. */
  beforeRevert?: boolean;
}

// A machine created with cloud-init is "Setting up" until cloud-init has finished in it.

/** A machine whose cloud-init OrbDeck follows (machines/setup-watch.ts); gone once cloud-init is done. */
export interface SetupRecord {
  /** The machine's id: a rename keeps it. */
  id: string;
  name: string;
  /** `failed`: cloud-init ended with an error (its log says why), or did not end within the hour. */
  state: 'setting-up' | 'failed';
  /** Epoch ms the machine was created. */
  since: number;
  /** What cloud-init listed as its errors, in its words. */
  errors?: string[];
}

/** What the basic check of cloud-init user data found (electron/core/cloud-init/check.ts). */
export interface CloudInitProblem {
  /** 1-based; null when it is about the whole text. */
  line: number | null;
  message: string;
  /** An error stops the create; a warning is said and let through. */
  severity: 'error' | 'warning';
}
