import type { AppErrorData } from '../errors';
import type { Job } from '../jobs';
import type { Machine, MachineInfo, OrbctlCapabilities, SshDetails } from '../machine';
import type { IpcChannel, IpcEvent } from './channels';
import type { Settings } from './settings';

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

export interface OrbctlStatus {
  /** Where orbctl was found, or null with `error` saying where we looked. */
  path: string | null;
  source: 'env' | 'setting' | 'search' | null;
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

/** Response types, by channel. */
export interface Responses {
  [IpcChannel.appInfo]: AppInfo;
  [IpcChannel.orbctlStatus]: OrbctlStatus;
  [IpcChannel.orbstackStart]: { started: true };
  [IpcChannel.settingsGet]: Settings;
  [IpcChannel.settingsSet]: Settings;
  [IpcChannel.machinesSnapshot]: MachinesSnapshot;
  [IpcChannel.machinesRefresh]: MachinesSnapshot;
  [IpcChannel.machineInfo]: MachineInfo;
  [IpcChannel.machineLogs]: { text: string };
  [IpcChannel.machineSsh]: SshAccess;
  /** `opened: false` where the app cannot open it itself (headless): the window opens `url`. */
  [IpcChannel.machineOpen]: { opened: boolean; url: string };
  [IpcChannel.machineStart]: Job;
  [IpcChannel.machineStop]: Job;
  [IpcChannel.machineRestart]: Job;
  [IpcChannel.machineCreate]: Job;
  [IpcChannel.machineDelete]: Job;
  [IpcChannel.machineRename]: Job;
  [IpcChannel.machineSetDefault]: Job;
  [IpcChannel.jobsList]: Job[];
  [IpcChannel.jobsCancel]: Job;
}

export interface Events {
  [IpcEvent.machinesChanged]: MachinesSnapshot;
  [IpcEvent.jobChanged]: Job;
  [IpcEvent.settingsChanged]: Settings;
}
