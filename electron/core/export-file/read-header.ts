import { open, stat } from 'node:fs/promises';
import { AppError, ErrorCode } from '../../../shared/errors';
import { shownTextProblem } from '../../../shared/shown-text';
import {
  EXPORT_FORMAT_VERSION,
  HEADER_PREFIX_BYTES,
  MAX_HEADER_JSON_BYTES,
  ORBSTACK_MAGIC,
  ORBSTACK_SKIPPABLE_MAGIC,
  ZSTD_FRAME_MAGIC,
  isSkippableMagic,
} from '../../../shared/export-layout';
import { exportedMachineSchema, type ExportedMachine } from '../../../shared/export-config';

const bad = (message: string, path?: string): AppError =>
  new AppError(
    ErrorCode.BAD_EXPORT_FILE,
    message,
    path === undefined ? undefined : { notes: [`file: ${path}`] },
  );

/**
 * Validates the config JSON of an export (from the header or from the tar's config entry). Throws
 * BAD_EXPORT_FILE naming the first field that is wrong.
 */
export function parseExportConfig(text: string, path?: string): ExportedMachine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw bad(`The export's header is not valid JSON (${(err as Error).message}).`, path);
  }
  const parsed = exportedMachineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'config';
    throw bad(`The export's header has an unexpected "${where}": ${issue?.message ?? 'invalid'}.`, path);
  }
  if (parsed.data.version !== EXPORT_FORMAT_VERSION) {
    throw bad(
      `The export's config is version ${parsed.data.version}; only version ${EXPORT_FORMAT_VERSION} is understood.`,
      path,
    );
  }
  // What the import dialog shows of it must read as it is (shared/shown-text.ts).
  const { name, image } = parsed.data.record;
  for (const [field, text] of Object.entries({ name, ...pickShown(image) })) {
    const problem = shownTextProblem(text, `The machine's ${field}`);
    if (problem) throw bad(`The export's header is not plain text: ${problem}`, path);
  }
  return parsed.data;
}

const pickShown = ({ distro, version, arch }: { distro: string; version: string; arch: string }) => ({
  distro,
  version,
  arch,
});

/**
 * How many bytes of the file the header occupies, judged from its first 16 bytes; throws when those bytes
 * already show the file is not an export. `fileSize` lets a short file be called truncated, not foreign.
 */
export function headerLength(prefix: Buffer, fileSize: number, path?: string): number {
  if (fileSize === 0) throw bad('The file is empty (0 bytes); it is not an OrbStack machine export.', path);
  if (prefix.length < 4) {
    const start = Buffer.alloc(4);
    start.writeUInt32LE(ORBSTACK_SKIPPABLE_MAGIC, 0);
    if (start.subarray(0, prefix.length).equals(prefix)) {
      throw bad(`The file's header is truncated (${fileSize} bytes in all); the file is incomplete.`, path);
    }
    throw bad('The file is not an OrbStack machine export (it is not a zstd file).', path);
  }
  const magic = prefix.readUInt32LE(0);
  if (magic === ZSTD_FRAME_MAGIC) {
    throw bad(
      'The file is a zstd archive without an OrbStack header; it was not made by "orbctl export".',
      path,
    );
  }
  if (!isSkippableMagic(magic)) {
    throw bad('The file is not an OrbStack machine export (it is not a zstd file).', path);
  }
  if (magic !== ORBSTACK_SKIPPABLE_MAGIC) {
    throw bad(
      "The file starts with a zstd frame that is not OrbStack's header; it is not a machine export.",
      path,
    );
  }
  if (prefix.length < HEADER_PREFIX_BYTES) {
    throw bad(`The file's header is truncated (${fileSize} bytes in all); the file is incomplete.`, path);
  }
  if (prefix.readUInt32LE(8) !== ORBSTACK_MAGIC) {
    throw bad(
      "The file has a zstd header but not OrbStack's magic number; it is not a machine export.",
      path,
    );
  }
  const version = prefix.readUInt32LE(12);
  if (version !== EXPORT_FORMAT_VERSION) {
    throw bad(
      `The export uses format version ${version}; only version ${EXPORT_FORMAT_VERSION} is understood.`,
      path,
    );
  }
  const frameSize = prefix.readUInt32LE(4);
  if (frameSize < 8 || frameSize - 8 > MAX_HEADER_JSON_BYTES) {
    throw bad(`The export's header declares an impossible size (${frameSize} bytes).`, path);
  }
  return 8 + frameSize;
}

/** Parses a header held in memory (the first bytes of a file, or all of it). */
export function parseExportHeader(bytes: Buffer, fileSize = bytes.length, path?: string): ExportedMachine {
  const total = headerLength(bytes.subarray(0, HEADER_PREFIX_BYTES), fileSize, path);
  if (bytes.length < total) {
    throw bad(
      `The file's header is truncated (needs ${total} bytes, the file has ${Math.min(bytes.length, fileSize)}); ` +
        'the file is incomplete.',
      path,
    );
  }
  return parseExportConfig(bytes.subarray(HEADER_PREFIX_BYTES, total).toString('utf8'), path);
}

function inputError(path: string, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT'
      ? `No file at ${path}.`
      : code === 'EACCES' || code === 'EPERM'
        ? `${path} cannot be read (permission denied).`
        : `${path} cannot be read (${code ?? (err as Error).message}).`;
  return new AppError(
    ErrorCode.INVALID_INPUT,
    message,
    { field: 'path', notes: [`file: ${path}`] },
    { cause: err },
  );
}

/**
 * Reads only the header of an export file (never the compressed payload) and returns its config. Throws
 * INVALID_INPUT when there is no readable file at `path`, BAD_EXPORT_FILE when the file is not a good export.
 */
export async function readExportHeader(path: string): Promise<ExportedMachine> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new AppError(ErrorCode.INVALID_INPUT, `${path} is a folder, not an export file.`, {
        field: 'path',
        notes: [`file: ${path}`],
      });
    }
    size = info.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw inputError(path, err);
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw inputError(path, err);
  }
  try {
    const prefix = Buffer.alloc(HEADER_PREFIX_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, HEADER_PREFIX_BYTES, 0);
    const total = headerLength(prefix.subarray(0, bytesRead), size, path);
    const whole = Buffer.alloc(total);
    const rest = await handle.read(whole, 0, total, 0);
    return parseExportHeader(whole.subarray(0, rest.bytesRead), size, path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw inputError(path, err);
  } finally {
    await handle.close();
  }
}
