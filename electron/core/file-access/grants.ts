import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ChosenFile } from '../../../shared/files';

/** What the person chose a file for: reading it (import, push, cloud-init) or writing it (an export target). */
export type GrantAccess = 'read' | 'write';
/** How the choice was made. */
export type GrantOrigin = 'dialog' | 'drop' | 'open-file';

export interface Grant {
  path: string;
  access: GrantAccess;
  origin: GrantOrigin;
}

/**
 * Opaque handles for files the person chose in Electron: a native dialog, a drop resolved by the preload, a file
 * opened from Finder or the Dock. The window holds only the handle; a request that names a path without one is
 * refused (see file-access.ts), so a compromised page cannot make the main process read or write a path of its
 * choosing. Bounded: the oldest grants are forgotten first.
 */
export class FileGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly max = 1000) {}

  grant(path: string, access: GrantAccess, origin: GrantOrigin): ChosenFile {
    const ref = `grant:${randomBytes(16).toString('base64url')}`;
    this.grants.set(ref, { path, access, origin });
    while (this.grants.size > this.max) this.grants.delete(this.grants.keys().next().value!);
    return { ref, path, name: basename(path) };
  }

  lookup(ref: string): Grant | undefined {
    return this.grants.get(ref);
  }
}
