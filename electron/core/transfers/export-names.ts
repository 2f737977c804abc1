import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileStamp } from '../../../shared/file-stamp';
import type { ExportSuggestion } from '../../../shared/ipc/types';
import type { SettingsStore } from '../platform/settings-store';

/** `<machine>-YYYYMMDD-HHMMSS.tar.zst` (local time) in the chosen, else last, else Downloads folder. */
export function suggestExport(
  name: string,
  settings: SettingsStore,
  home: string,
  now = new Date(),
): ExportSuggestion {
  const s = settings.get();
  const downloads = join(home, 'Downloads');
  const folder =
    [s.exportFolder, s.lastExportFolder, downloads].find(
      (f): f is string => !!f && existsSync(f) && statSync(f).isDirectory(),
    ) ?? home;
  const path = join(folder, `${name}-${fileStamp(now)}.tar.zst`);
  return { path, folder, exists: existsSync(path) };
}

/** A new export file for `machine` in `folder`: the usual name, with -2, -3… rather than replacing a file. */
export function exportFileIn(folder: string, machine: string, now = new Date()): string {
  const stem = `${machine}-${fileStamp(now)}`;
  let path = join(folder, `${stem}.tar.zst`);
  for (let n = 2; existsSync(path); n++) path = join(folder, `${stem}-${n}.tar.zst`);
  return path;
}
