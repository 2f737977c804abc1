/**
 * The one owner of an export's files: the target the person chose and the hidden partial file orbctl writes
 * into. A target is claimed when the request arrives and held until its job ends, so two exports can never
 * write the same file; the partial file is created private (0600) before orbctl runs and moved into place
 * only when complete, and the move never replaces a file that was not the one the person agreed to replace.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { readExportHeader } from '../export-file/read-header';
import { checkWritableFolder, invalidPath, realLocation, statOrNull } from '../file-access/paths';
import { identityOf, sameFile, type FileIdentity } from '../file-access/file-identity';
import { placeWithoutReplacing } from '../file-access/place-without-replacing';
import { sensitivePlace } from '../file-access/sensitive';

/** Export files end like this (orbctl's documented example); anything else is refused as a target. */
export const EXPORT_SUFFIXES = ['.tar.zst', '.zst'] as const;

export interface Promoted {
  /** Where the export ended up (the target, or a free name beside it when a file appeared there meanwhile). */
  path: string;
  bytes: number;
  /** Set when it did not land where asked, saying why. */
  note?: string;
}

export interface ExportClaim {
  readonly path: string;
  /** The hidden file beside the target that orbctl writes. */
  readonly partial: string;
  /** Creates the partial file, readable by the user only, so orbctl writes into a private file. */
  prepare(): Promise<void>;
  /** Moves the finished partial file into place (see the module comment) and ends the claim. */
  promote(): Promise<Promoted>;
  /** Removes the partial file and ends the claim. */
  discard(): Promise<void>;
  /** Ties the claim to its job: once `active` says false, the target is free again (a job cancelled while queued). */
  holdWhile(active: () => boolean): void;
}

export class ExportTargets {
  private readonly claims = new Map<string, () => boolean>();

  constructor(private readonly home: string) {}

  /** True while an export job holds `path`. */
  isClaimed(path: string): boolean {
    const active = this.claims.get(path);
    if (active && !active()) this.claims.delete(path);
    return this.claims.has(path);
  }

  /**
   * Checks `path` as an export target and claims it. An existing file is replaced only with `overwrite`, and
   * only if it is itself an OrbStack export: OrbDeck never writes over a file of another kind.
   */
  async claim(path: string, overwrite: boolean, field = 'path'): Promise<ExportClaim> {
    const name = basename(path);
    if (!EXPORT_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length)) {
      throw invalidPath(`Export files end in .tar.zst: add it to '${name}'.`, field, path);
    }
    // Hidden names are for partial files (and would hide the export from the person in Finder).
    if (name.startsWith('.')) throw invalidPath('Export file names cannot start with “.”.', field, path);
    if (this.isClaimed(path)) {
      throw new AppError(ErrorCode.BUSY, `Another export is already writing '${path}'.`, {
        field,
        notes: [path],
      });
    }
    // Claimed before anything is awaited, so two requests for the same path cannot both pass the checks.
    this.claims.set(path, () => true);
    try {
      const replacing = await this.check(path, overwrite, field);
      return this.makeClaim(path, replacing);
    } catch (error) {
      this.claims.delete(path);
      throw error;
    }
  }

  private async check(path: string, overwrite: boolean, field: string): Promise<FileIdentity | null> {
    const place = sensitivePlace(await realLocation(path), this.home);
    if (place) {
      throw new AppError(ErrorCode.FORBIDDEN, `OrbDeck does not write exports into ${place}.`, {
        field,
        notes: [path],
      });
    }
    const st = await statOrNull(path);
    if (st?.isDirectory())
      throw invalidPath(`'${path}' is a folder; choose a file name inside it.`, field, path);
    if (st && !st.isFile()) throw invalidPath(`'${path}' is not a regular file.`, field, path);
    if (st && !overwrite) {
      throw new AppError(ErrorCode.ALREADY_EXISTS, `A file already exists at '${path}'.`, {
        field,
        notes: [path],
      });
    }
    if (st) {
      await readExportHeader(path).catch(() => {
        throw invalidPath(
          `'${basename(path)}' is not an OrbStack export, so OrbDeck will not replace it. Choose another name.`,
          field,
          path,
        );
      });
    }
    await checkWritableFolder(dirname(path), field, path);
    return st ? identityOf(st) : null;
  }

  private makeClaim(path: string, replacing: FileIdentity | null): ExportClaim {
    const partial = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
    const release = () => this.claims.delete(path);
    return {
      path,
      partial,
      async prepare() {
        const handle = await open(partial, 'wx', 0o600);
        await handle.close();
      },
      async promote() {
        try {
          // orbctl may have replaced the file rather than written into it: make sure it is private.
          await chmod(partial, 0o600);
          const { size } = await stat(partial);
          const now = await statOrNull(path);
          if (replacing && now && sameFile(identityOf(now), replacing)) {
            await rename(partial, path);
            return { path, bytes: size };
          }
          const landed = await placeWithoutReplacing(partial, path, EXPORT_SUFFIXES);
          if (landed === path) return { path, bytes: size };
          const why = replacing
            ? `'${basename(path)}' changed while exporting`
            : `a file named '${basename(path)}' appeared while exporting`;
          return {
            path: landed,
            bytes: size,
            note: `${why}, so nothing was replaced: the export was saved as '${basename(landed)}'.`,
          };
        } finally {
          release();
        }
      },
      async discard() {
        release();
        await rm(partial, { force: true });
      },
      holdWhile: (active) => {
        if (this.claims.has(path)) this.claims.set(path, active);
      },
    };
  }
}
