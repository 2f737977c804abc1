/**
 * Presets. Save the New Machine form under a name (its cloud-init file's content goes into the
 * preset), edit, duplicate, delete, share as a JSON file (an import is shown before it is saved), and create
 * a machine from one in one click (its cloud-init content is in the data folder, for orbctl, while it runs).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freeMachineName } from '../../../shared/names';
import { presetsDocument, type PresetFields } from '../../../shared/presets';
import type { EventHub } from '../platform/events';
import type { FileAccess } from '../file-access/file-access';
import type { PresetStore } from './preset-store';
import type { JobManager } from '../jobs/job-manager';
import { createJob, type MachineJobDeps } from '../machines/machine-jobs';
import type { Machines } from '../machines/machines';
import type { Router } from '../ipc/router';
import { refuseBadCloudInit, withUserDataFile } from '../cloud-init/user-data-file';
import { readPresetsFile } from './presets-file';

export interface PresetHandlerDeps extends MachineJobDeps {
  presets: PresetStore;
  machines: Machines;
  jobs: JobManager;
  files: FileAccess;
  events: EventHub;
  dataDir: string;
}

export function registerPresetHandlers(router: Router, deps: PresetHandlerDeps): void {
  const handle = router.forOwner('presets');
  const { presets, events } = deps;
  void removeLeftPresetFiles(deps.dataDir);
  const changed = <T>(value: T): T => {
    events.emit('presets:changed', presets.list());
    return value;
  };

  handle('presets:list', () => presets.list());

  handle(
    'presets:save',
    async ({ id, cloudInitPath, keepCloudInit, cloudInit: text, ...fields }, context) => {
      let cloudInit: string | undefined;
      if (text !== undefined && text.trim() !== '') {
        refuseBadCloudInit(text);
        cloudInit = text;
      } else if (cloudInitPath !== undefined) {
        const file = await deps.files.cloudInitFile(cloudInitPath, context.transport);
        cloudInit = await readFile(file.path, 'utf8');
        refuseBadCloudInit(cloudInit);
      } else if (keepCloudInit && id !== undefined) {
        cloudInit = presets.get(id).cloudInit;
      }
      const preset: PresetFields = { ...fields, ...(cloudInit !== undefined ? { cloudInit } : {}) };
      return changed(presets.save(preset, id));
    },
  );

  handle('presets:duplicate', ({ id }) => {
    const { id: _id, name, ...rest } = presets.get(id);
    const names = new Set(presets.list().map((p) => p.name));
    let copy = `${name} copy`.slice(0, 64);
    for (let n = 2; names.has(copy); n++) copy = `${name} copy ${n}`.slice(0, 64);
    return changed(presets.save({ ...rest, name: copy }));
  });

  handle('presets:delete', ({ id }) => {
    presets.delete(id);
    return changed({ deleted: true as const });
  });

  handle('presets:export', () => ({
    fileName: 'orbdeck-presets.json',
    text: presetsDocument(presets.list()),
  }));

  handle('presets:preview', ({ text }) => {
    const names = new Set(presets.list().map((p) => p.name));
    return { presets: readPresetsFile(text).map((p) => ({ ...p, replaces: names.has(p.name) })) };
  });

  handle('presets:import', ({ text }) => changed(presets.addAll(readPresetsFile(text))));

  handle('machine:create-from-preset', async ({ id, name }) => {
    const preset = presets.get(id);
    // A fresh list: the name must be free now, not at the last poll.
    const taken = (await deps.machines.refresh()).machines.map((m) => m.name);
    const machine = name ?? freeMachineName(preset.distro, taken);
    const fields = {
      distro: preset.distro,
      name: machine,
      ...(preset.version ? { version: preset.version } : {}),
      ...(preset.arch ? { arch: preset.arch } : {}),
      ...(preset.user ? { user: preset.user } : {}),
      ...(preset.isolated ? { isolated: true } : {}),
      ...(preset.cpus !== undefined ? { cpus: preset.cpus } : {}),
      ...(preset.memory ? { memory: preset.memory } : {}),
      ...(preset.disk ? { disk: preset.disk } : {}),
    };
    // orbctl reads cloud-init from a file: the preset's content, in the data folder only while the job runs.
    return deps.jobs.submit(
      preset.cloudInit === undefined
        ? createJob(fields, deps)
        : withUserDataFile(deps.dataDir, preset.cloudInit, (cloudInitFile) =>
            createJob({ ...fields, cloudInitFile }, deps),
          ),
    );
  });
}

/** Earlier versions left each preset's cloud-init in the data folder for good (`cloud-init/preset-….yaml`). */
async function removeLeftPresetFiles(dataDir: string): Promise<void> {
  const folder = join(dataDir, 'cloud-init');
  const names = await readdir(folder).catch(() => []);
  await Promise.all(
    names
      .filter((n) => n.startsWith('preset-') && n.endsWith('.yaml'))
      .map((n) => rm(join(folder, n), { force: true })),
  );
}
