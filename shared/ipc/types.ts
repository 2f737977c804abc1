/** The data that crosses IPC in answers and events (the channels themselves are in contract.ts). */
import type { AppErrorData } from '../errors';
import type { ChosenFile } from '../files';

import type { Machine, OrbctlCapabilities, SshDetails } from '../machine';

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
  /** Grows with every change; a window keeps the snapshot with the highest (events and pulls can cross). */
  version: number;
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
  /** Issue 14: whether a checksum lies beside the file (checked in full with `export:verify`). */
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
}

/** What the menu bar, the tray or the Dock ask a window to do. */
export type AppCommand =
  | { command: 'create' | 'presets' | 'import' | 'refresh' | 'activity' | 'settings' | 'filter' }
  | { command: 'clone' | 'export' | 'rename' | 'delete'; machine?: string }
  /** Files opened with OrbDeck (dropped on the Dock icon, or from Finder): preview and import them. */
  | { command: 'import-files'; files: ChosenFile[] }
  /** Issue 14: Verify Export… (File menu); Save Checkpoint… (the tray). */
  | { command: 'verify-export' }
  | { command: 'save-checkpoint'; machine?: string }
  // Issue 15: an orbdeck:// link opened the app (the window parses it and asks before it acts).
  | { command: 'deep-link'; url: string };

// Issue 14: verified exports and checkpoints.

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
  /** The machine it was saved from, by name when it was saved, and by id (null when rediscovered by name). */
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
