import { AppError, ErrorCode } from '../../../shared/errors';
import { isGrant } from '../../../shared/files';
import { MAX_CLOUD_INIT_CHARS } from '../../../shared/machine-options';
import type { FileGrants, GrantAccess } from './grants';
import { offLimitsPlace } from './off-limits';
import { checkReadableFile, realLocation, statOrNull } from './paths';
import { sensitivePlace } from './sensitive';

/** Who names the file: an agent (the agent endpoint) never names a path on this computer. */
export type Transport = 'electron' | 'headless' | 'agent';

/** What a file is wanted for; it decides what a sensitive place means (see sensitive.ts). */
export type FilePurpose = 'import' | 'cloud-init' | 'push' | 'export';

export interface FileAccessOptions {
  /** OrbDeck's data folder: no request may read or write in it (off-limits.ts). */
  dataDir?: string;
  /** Files the headless host received from the window (in the data folder's uploads), which may be read. */
  isUpload?: (path: string) => boolean;
}

export interface ResolvedFile {
  path: string;
  /** Set when the file lies in a place that holds secrets (words for the person). */
  sensitive: string | null;
}

/**
 * Which paths a request may make the core act on. In Electron only files the person chose (a grant from a
 * native dialog, a drop or the Dock, see grants.ts); in the headless host the person types paths, so a plain
 * absolute path is theirs. Either way OrbDeck's data folder and the system's process and device files are off
 * limits, only regular files and folders are read, a file in a place that holds secrets is never imported or
 * used as cloud-init, and copying one into a machine needs the person's confirmation.
 */
export class FileAccess {
  constructor(
    private readonly grants: FileGrants,
    private readonly home: string,
    private readonly options: FileAccessOptions = {},
  ) {}

  async resolve(
    ref: string,
    access: GrantAccess,
    purpose: FilePurpose,
    transport: Transport,
    field: string,
  ): Promise<ResolvedFile> {
    const path = this.pathOf(ref, access, transport, field);
    const real = await realLocation(path);
    await this.refuseOffLimits(path, real, access, field);
    if (access === 'read') {
      const st = await statOrNull(path);
      // A named pipe, socket or device would hang or stream forever: one message for all, as paths.ts gives.
      if (st && !st.isFile() && !st.isDirectory()) {
        throw new AppError(ErrorCode.INVALID_INPUT, `There is no file at '${path}' that OrbDeck can read.`, {
          field,
          notes: [path],
        });
      }
    }
    const sensitive = sensitivePlace(real, this.home);
    if (sensitive && purpose !== 'push') {
      throw new AppError(ErrorCode.FORBIDDEN, `OrbDeck does not use files from ${sensitive} for this.`, {
        field,
        notes: [path],
      });
    }
    return { path, sensitive };
  }

  /** Refuses a path in a place no request may name (off-limits.ts); `real` is where it really is. */
  async refuseOffLimits(path: string, real: string, access: GrantAccess, field: string): Promise<void> {
    if (access === 'read' && this.options.isUpload?.(path)) return;
    const dataDir = this.options.dataDir === undefined ? null : await realLocation(this.options.dataDir);
    const place = offLimitsPlace(real, dataDir);
    if (place) {
      throw new AppError(ErrorCode.FORBIDDEN, `OrbDeck does not read or write ${place} for a request.`, {
        field,
        notes: [path],
      });
    }
  }

  /**
   * A cloud-init file named by a request (New Machine, a preset): one the caller may name, outside the places
   * that hold secrets, readable, and no bigger than a preset may hold (bytes of a file bound its characters).
   */
  async cloudInitFile(ref: string, transport: Transport): Promise<{ path: string; size: number }> {
    const field = 'cloudInitPath';
    const { path } = await this.resolve(ref, 'read', 'cloud-init', transport, field);
    const file = await checkReadableFile(path, field);
    if (file.size > MAX_CLOUD_INIT_CHARS) {
      throw new AppError(
        ErrorCode.INVALID_INPUT,
        `'${path}' is ${file.size} bytes; a cloud-init file is at most ${MAX_CLOUD_INIT_CHARS / 1024} KiB.`,
        { field },
      );
    }
    return file;
  }

  /**
   * What the window sends back for a file found inside a folder it chose (`folderRef`): in Electron a read grant
   * of its own, from the folder's grant; elsewhere the path.
   */
  refWithin(folderRef: string, path: string): string {
    const folder = isGrant(folderRef) ? this.grants.lookup(folderRef) : undefined;
    return folder ? this.grants.grant(path, 'read', folder.origin).ref : path;
  }

  /** The path behind a request's file field, if this transport lets the caller name it. */
  pathOf(ref: string, access: GrantAccess, transport: Transport, field: string): string {
    if (isGrant(ref)) {
      const grant = this.grants.lookup(ref);
      if (!grant || grant.access !== access) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          'That file choice is no longer valid. Choose the file again.',
          { field },
        );
      }
      return grant.path;
    }
    if (transport === 'electron') {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'OrbDeck only uses files you chose in a dialog or dropped on its window.',
        { field },
      );
    }
    if (transport === 'agent') {
      throw new AppError(ErrorCode.FORBIDDEN, 'Agents cannot name files on this computer.', { field });
    }
    return ref;
  }
}
