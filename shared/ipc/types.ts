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
  | { command: 'create' | 'import' | 'refresh' | 'activity' | 'settings' | 'filter' }
  | { command: 'clone' | 'export' | 'rename' | 'delete'; machine?: string }
  /** Files opened with OrbDeck (dropped on the Dock icon, or from Finder): preview and import them. */
  | { command: 'import-files'; files: ChosenFile[] }
  // Issue 15: an orbdeck:// link opened the app (the window parses it and asks before it acts).
  | { command: 'deep-link'; url: string };
