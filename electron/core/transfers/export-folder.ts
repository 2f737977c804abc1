/**
 * A folder of exports dropped or chosen for import (written by "Export for a New Mac…", or any folder holding
 * `.tar.zst` exports): every export in it becomes one item of the import dialog, with names free among the
 * machines and among each other; the index, when there is one, says what should be there and is not.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import type { FolderPreview, ImportPreview } from '../../../shared/ipc/types';
import { INDEX_FILE, parseIndex } from '../export-file/export-index';
import { sidecarText } from '../export-file/sidecar-file';

/** More exports than one import dialog should list; the rest are named as left out. */
export const MAX_FOLDER_ITEMS = 100;
const EXPORT_SUFFIX = '.tar.zst';

/** Previews one export file, proposing a name that is not in `taken`. */
export type PreviewFile = (path: string, taken: readonly string[]) => Promise<ImportPreview>;

export async function inspectExportFolder(
  folder: string,
  taken: readonly string[],
  preview: PreviewFile,
): Promise<FolderPreview> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      ErrorCode.INVALID_INPUT,
      `OrbDeck cannot read the folder '${folder}' (${error.code}).`,
      {
        field: 'path',
      },
    );
  });
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const problems: string[] = [];

  const indexed = entries.some((e) => e.name === INDEX_FILE);
  const skipped: string[] = [];
  const indexText = indexed ? await sidecarText(join(folder, INDEX_FILE), 'index', skipped) : null;
  const index = indexText === null ? null : parseIndex(indexText);
  problems.push(...skipped);
  if (indexText !== null && !index)
    problems.push(
      `${INDEX_FILE} is not an index OrbDeck can read; the exports in the folder were looked at instead.`,
    );
  for (const entry of index?.machines ?? []) {
    const present = files.has(entry.file);
    if (entry.state === 'failed')
      problems.push(
        `${entry.machine} was not exported on the other Mac${entry.reason ? `: ${entry.reason}` : '.'}`,
      );
    else if (entry.state === 'exporting')
      problems.push(
        present
          ? `${entry.machine}: the export had not finished when the index was last written; ${entry.file} may be incomplete.`
          : `${entry.machine}: the export had not finished when the index was last written, and ${entry.file} is not in the folder.`,
      );
    else if (!present)
      problems.push(
        `${entry.file} (${entry.machine}) is listed in the index but is not in the folder: copy it again.`,
      );
  }

  const listed = (index?.machines ?? []).filter((e) => e.state !== 'failed').map((e) => e.file);
  const candidates = [
    ...new Set([...listed, ...[...files].filter((f) => f.endsWith(EXPORT_SUFFIX)).sort()]),
  ].filter((f) => files.has(f) && !f.startsWith('.'));
  if (candidates.length > MAX_FOLDER_ITEMS)
    problems.push(
      `The folder holds ${candidates.length} exports; the first ${MAX_FOLDER_ITEMS} are shown. Import the rest in a second round.`,
    );

  const items: ImportPreview[] = [];
  const names = [...taken];
  for (const file of candidates.slice(0, MAX_FOLDER_ITEMS)) {
    try {
      const item = await preview(join(folder, file), names);
      items.push(item);
      names.push(item.proposedName);
    } catch (error) {
      problems.push(`${file}: ${toErrorData(error).message}`);
    }
  }
  if (items.length === 0 && !index)
    throw new AppError(ErrorCode.INVALID_INPUT, `There is no machine export in '${folder}'.`, {
      field: 'path',
      ...(problems.length ? { notes: problems } : {}),
    });
  return { folder, indexed: index !== null, items, problems };
}
