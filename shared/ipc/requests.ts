import { z } from 'zod';
import { IpcChannel } from './channels';
import { SETTINGS_USER_PATCH } from './settings';
import {
  absolutePath,
  architecture,
  cpuCount,
  diskSize,
  distroWord,
  empty,
  fileRef,
  imageVersion,
  jobId,
  linuxUser,
  machineRef,
  memorySize,
  newMachineName,
} from './schemas';

const byName = z.object({ name: machineRef }).strict();
const noticeId = z.string().regex(/^notice-[a-z0-9-]{1,64}$/, 'not a notice id');

/** Request schemas, by channel. `satisfies` makes a missing channel a compile error. */
export const requests = {
  [IpcChannel.appInfo]: empty,
  [IpcChannel.orbctlStatus]: empty,
  [IpcChannel.appVisibility]: z.object({ visible: z.boolean() }).strict(),
  [IpcChannel.orbstackStart]: empty,
  [IpcChannel.orbctlChoose]: z.object({ path: absolutePath.nullable().optional() }).strict(),
  [IpcChannel.settingsGet]: empty,
  [IpcChannel.settingsSet]: SETTINGS_USER_PATCH,
  [IpcChannel.noticesList]: empty,
  [IpcChannel.noticesDismiss]: z.object({ id: noticeId }).strict(),
  [IpcChannel.machinesSnapshot]: empty,
  [IpcChannel.machinesRefresh]: empty,
  [IpcChannel.machineInfo]: byName,
  [IpcChannel.machineLogs]: z.object({ name: machineRef, all: z.boolean().optional() }).strict(),
  [IpcChannel.machineSsh]: byName,
  [IpcChannel.machineSetUser]: z.object({ name: machineRef, user: linuxUser }).strict(),
  [IpcChannel.machineOpen]: z.object({ name: machineRef, target: z.enum(['terminal', 'vscode']) }).strict(),
  [IpcChannel.machineStart]: byName,
  [IpcChannel.machineStop]: byName,
  [IpcChannel.machineRestart]: byName,
  [IpcChannel.machineCreate]: z
    .object({
      distro: distroWord,
      version: imageVersion.optional(),
      name: newMachineName,
      arch: architecture.optional(),
      user: linuxUser.optional(),
      cloudInitPath: fileRef.optional(),
      isolated: z.boolean().optional(),
      cpus: cpuCount.optional(),
      memory: memorySize.optional(),
      disk: diskSize.optional(),
    })
    .strict(),
  [IpcChannel.machineDelete]: byName,
  [IpcChannel.machineRename]: z.object({ name: machineRef, newName: newMachineName }).strict(),
  [IpcChannel.machineSetDefault]: byName,
  [IpcChannel.machineClone]: z.object({ name: machineRef, newName: newMachineName }).strict(),
  [IpcChannel.machineExport]: z
    .object({ name: machineRef, path: fileRef, overwrite: z.boolean().optional() })
    .strict(),
  [IpcChannel.machineExportSuggest]: byName,
  [IpcChannel.machineImport]: z.object({ path: fileRef, name: newMachineName }).strict(),
  [IpcChannel.machinePush]: z
    .object({
      name: machineRef,
      paths: z.array(fileRef).min(1, 'no files').max(100, 'too many files'),
      /** The person was told that some of the files hold secrets, and copies them anyway. */
      confirmSensitive: z.boolean().optional(),
    })
    .strict(),
  [IpcChannel.importInspect]: z.object({ path: fileRef }).strict(),
  [IpcChannel.jobsList]: empty,
  [IpcChannel.jobsCancel]: z.object({ id: jobId }).strict(),
  [IpcChannel.jobsHistory]: empty,
  [IpcChannel.jobsHistoryClear]: empty,
  [IpcChannel.jobsHistoryExport]: z.object({ format: z.enum(['json', 'csv']) }).strict(),
  [IpcChannel.desktopPickExportPath]: z.object({ defaultPath: absolutePath }).strict(),
  [IpcChannel.desktopPickFiles]: z.object({ purpose: z.enum(['import', 'cloud-init', 'push']) }).strict(),
  [IpcChannel.desktopShowItem]: z.object({ path: absolutePath }).strict(),
  [IpcChannel.uploadDiscard]: z.object({ path: absolutePath }).strict(),
} satisfies Record<IpcChannel, z.ZodType>;
