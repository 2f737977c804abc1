/**
 * Files copied into and out of a sandbox by their content (an agent's copy): OrbDeck writes the content to a
 * private folder of its data folder and pushes it (`orbctl push`), or pulls a file there and hands its content
 * over. No path on this computer comes from the request, so nothing outside the sandbox can be read or replaced.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { MAX_SANDBOX_FILE_BYTES, type SandboxFileContent } from '../../../shared/sandboxes';
import type { JobSpec } from '../jobs/job-manager';
import type { Orbctl } from '../orbctl';

export interface SandboxFileDeps {
  orbctl: Pick<Orbctl, 'push' | 'pull'>;
  dataDir: string;
}

/** A private file for one copy, removed when the job ends (or, after a crash, at the next start). */
function scratch(dataDir: string): { folder: string; file: string } {
  const folder = join(dataDir, 'sandbox-files');
  return { folder, file: join(folder, `${randomBytes(8).toString('hex')}.part`) };
}

const fileName = (path: string) => basename(path.replace(/\/+$/, '')) || path;

export function writeFileJob(machine: string, path: string, base64: string, deps: SandboxFileDeps): JobSpec {
  if (path.endsWith('/')) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'Give the path of the file to write, not a folder.', {
      field: 'path',
    });
  }
  const { folder, file } = scratch(deps.dataDir);
  const bytes = Buffer.from(base64, 'base64');
  return {
    kind: 'push',
    machine,
    title: `Copy ${fileName(path)} into sandbox ${machine}`,
    scratchFiles: [file],
    run: async ({ signal }) => {
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeFile(file, bytes, { mode: 0o600 });
        // A destination that is not a folder is the file's own name (docs/orbctl.md#other-commands).
        await deps.orbctl.push(machine, [file], { signal, dest: path });
      } finally {
        await rm(file, { force: true });
      }
      return { bytes: bytes.length, outcome: `Wrote ${bytes.length} bytes to ${path} in ${machine}.` };
    },
  };
}

/** What finished reads hold, until asked for once or for `keepMs` (bounded in number). */
export class FileContents {
  private readonly kept = new Map<string, { content: SandboxFileContent; timer: NodeJS.Timeout }>();

  constructor(
    private readonly keepMs = 5 * 60 * 1000,
    private readonly max = 8,
  ) {}

  keep(jobId: string, content: SandboxFileContent): void {
    const timer = setTimeout(() => this.kept.delete(jobId), this.keepMs);
    timer.unref();
    this.kept.set(jobId, { content, timer });
    for (const [id, entry] of this.kept) {
      if (this.kept.size <= this.max) break;
      clearTimeout(entry.timer);
      this.kept.delete(id);
    }
  }

  take(jobId: string): SandboxFileContent {
    const entry = this.kept.get(jobId);
    if (!entry) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        'No file content for that job: it has not finished, failed, or was already given (or kept too long).',
        { field: 'id' },
      );
    }
    clearTimeout(entry.timer);
    this.kept.delete(jobId);
    return entry.content;
  }
}

/** Copies `path` out of the machine into OrbDeck's private folder, then keeps its content for `sandbox:file-content`. */
export function readFileJob(
  machine: string,
  path: string,
  deps: SandboxFileDeps,
  keep: (content: SandboxFileContent) => void,
): JobSpec {
  const { folder, file } = scratch(deps.dataDir);
  return {
    kind: 'pull',
    machine,
    title: `Copy ${fileName(path)} out of sandbox ${machine}`,
    scratchFiles: [file],
    run: async ({ signal }) => {
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await deps.orbctl.pull(machine, path, file, { signal });
        const info = await stat(file);
        if (info.isDirectory())
          throw new AppError(
            ErrorCode.INVALID_INPUT,
            `${path} is a folder; copy the files in it one by one.`,
          );
        if (info.size > MAX_SANDBOX_FILE_BYTES) {
          throw new AppError(
            ErrorCode.INVALID_INPUT,
            `${path} is ${info.size} bytes; a file copied out this way is at most ${MAX_SANDBOX_FILE_BYTES / 1024 / 1024} MiB.`,
          );
        }
        const content = await readFile(file);
        keep({ path, bytes: content.length, base64: content.toString('base64') });
        return { bytes: content.length, outcome: `Read ${content.length} bytes from ${path} in ${machine}.` };
      } finally {
        await rm(file, { recursive: true, force: true });
      }
    },
  };
}
