import { sniffExport } from '../../shared/export-layout';
import type { ImportPreview } from '../../shared/ipc/contract';
import { getApi } from '../api/api';
import type { ResolvedFile } from '../api/upload';
import { AppError, toErrorData } from '../../shared/errors';
import { useToasts } from '../state/toasts';
import { useUi } from '../state/ui';
import { useUploads } from '../state/uploads';
import { pairSidecars } from '../model/export-sidecars';

/** Reads a file's first bytes: an OrbStack export is known before anything is uploaded or imported. */
export async function isExportFile(file: File): Promise<boolean> {
  const prefix = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return sniffExport(prefix) === 'export';
}

const refuse = (text: string) =>
  useToasts.getState().push({ kind: 'error', text, error: { code: 'BAD_EXPORT_FILE', message: text } });

/** Makes the file readable by the core (uploading it in a browser, with progress in Activity). */
export async function resolveWithProgress(file: File): Promise<ResolvedFile> {
  const api = getApi();
  if (api.transport === 'electron') return api.resolveFile(file);
  const uploads = useUploads.getState();
  const upload = uploads.start(file.name, file.size);
  try {
    return await api.resolveFile(
      file,
      (loaded, total) => useUploads.getState().progress(upload.id, loaded, total),
      upload.abort.signal,
    );
  } finally {
    useUploads.getState().finish(upload.id);
  }
}

/** Shows what each export holds and proposes names; the Import dialog takes it from there. */
export async function previewAndAsk(files: ResolvedFile[]): Promise<void> {
  const api = getApi();
  const items: ImportPreview[] = [];
  for (const { ref, path, uploaded } of files) {
    try {
      items.push(await api.invoke('import:inspect', { path: ref }));
    } catch (error) {
      const data = toErrorData(error);
      useToasts.getState().push({ kind: 'error', text: data.message, error: data });
      if (uploaded) void api.invoke('upload:discard', { path }).catch(() => {});
    }
  }
  if (items.length > 0) useUi.getState().open({ kind: 'import', items });
}

/**
 * Sends an export's checksum or manifest with it. A browser uploads it beside the export's upload; the desktop
 * app reads files where they are, so there it counts only when it already sits beside the export.
 */
async function sendSidecar(sidecar: File, exportName: string, exported: ResolvedFile): Promise<void> {
  const api = getApi();
  try {
    const sent = await api.resolveFile(sidecar, undefined, undefined, exported);
    const beside = `${exported.path}${sidecar.name.slice(exportName.length)}`;
    if (api.transport === 'electron' && sent.path !== beside)
      useToasts.getState().push({
        kind: 'warning',
        text: `${sidecar.name} is not in the same folder as the export, so it was not used: OrbDeck checks the checksum that sits beside an export.`,
      });
  } catch (error) {
    const data = toErrorData(error);
    useToasts.getState().push({ kind: 'warning', text: `${sidecar.name} was not used: ${data.message}` });
  }
}

/**
 * Files dropped on the window or picked in a browser: exports are imported, each with its checksum and
 * manifest when they came along; anything else is refused.
 */
export async function importFiles(files: File[]): Promise<void> {
  const kinds = await Promise.all(files.map(isExportFile));
  const { exports, others } = pairSidecars(files, kinds);
  for (const file of others)
    refuse(
      `${file.name} is not an OrbStack machine export. To copy a file into a machine, drop it on that machine’s row.`,
    );
  const resolved: ResolvedFile[] = [];
  for (const { file, sidecars } of exports) {
    try {
      const sent = await resolveWithProgress(file);
      for (const sidecar of sidecars) await sendSidecar(sidecar, file.name, sent);
      resolved.push(sent);
    } catch (error) {
      const data = toErrorData(error);
      if (data.code !== 'CANCELLED')
        useToasts.getState().push({ kind: 'error', text: data.message, error: data });
    }
  }
  if (resolved.length > 0) await previewAndAsk(resolved);
}

/** Files dropped on a machine's row: exports (with their checksums) still import; others are copied into it. */
export async function dropOnMachine(files: File[], machine: string): Promise<void> {
  const kinds = await Promise.all(files.map(isExportFile));
  const { exports, others } = pairSidecars(files, kinds);
  if (others.length > 0) useUi.getState().open({ kind: 'push', machine, files: others });
  if (exports.length > 0) await importFiles(exports.flatMap((e) => [e.file, ...e.sidecars]));
}

/** The Import… button: the native open dialog in Electron, the browser's file picker elsewhere. */
export async function pickAndImport(fileInput: HTMLInputElement | null): Promise<void> {
  const api = getApi();
  const picked = await api.invoke('desktop:pick-files', { purpose: 'import' });
  if (picked.supported) {
    if (picked.files.length > 0) await previewAndAsk(picked.files.map((f) => ({ ...f, uploaded: false })));
    return;
  }
  fileInput?.click();
}

/**
 * A folder of exports (from Export for a New Mac…): what it holds and what its index says is missing,
 * in the Import dialog, one job per machine.
 */
export async function previewFolder(ref: string): Promise<void> {
  try {
    await openFolderImport(ref);
  } catch (error) {
    const data = toErrorData(error);
    useToasts.getState().push({ kind: 'error', text: data.message, error: data });
  }
}

/** Opens the Import dialog on the folder `ref` names; throws, saying why, when nothing in it can be imported. */
export async function openFolderImport(ref: string): Promise<void> {
  const { items, ...folder } = await getApi().invoke('import:inspect-folder', { path: ref });
  if (items.length === 0) {
    const message = `Nothing in ${folder.folder} can be imported. ${folder.problems.join(' ')}`.trim();
    throw AppError.fromData({ code: 'BAD_EXPORT_FILE', message });
  }
  useUi.getState().open({ kind: 'import', items, folder });
}

/** Import Folder…: the native folder dialog in Electron; a browser names the folder in a small dialog. */
export async function pickAndImportFolder(): Promise<void> {
  const picked = await getApi().invoke('desktop:pick-files', { purpose: 'import-folder' });
  if (!picked.supported) return useUi.getState().open({ kind: 'import-folder' });
  if (picked.files[0]) await previewFolder(picked.files[0].ref);
}

/** Folders dropped on the window: Electron knows where they are; a browser cannot say, so it is told how. */
export async function importDroppedFolders(folders: File[]): Promise<void> {
  const api = getApi();
  for (const folder of folders) {
    if (api.transport !== 'electron') {
      useToasts.getState().push({
        kind: 'warning',
        text: `A browser cannot hand the folder ${folder.name} to OrbDeck. Choose File ▸ Import Folder… and type its path.`,
      });
      continue;
    }
    try {
      await previewFolder((await api.resolveFile(folder)).ref);
    } catch (error) {
      const data = toErrorData(error);
      useToasts.getState().push({ kind: 'error', text: data.message, error: data });
    }
  }
}
