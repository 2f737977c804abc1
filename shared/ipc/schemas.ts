import { z } from 'zod';
import { ARCHITECTURES, DISTROS } from '../distros';
import { isGrant } from '../files';
import { machineNameProblem } from '../names';

/**
 * A reference to an existing machine: its name or its ULID. Deliberately looser than the create rule (the
 * built-in `docker` machine exists), but it can never start with `-`, so it cannot become a flag in argv.
 */
export const machineRef = z
  .string()
  .min(1, 'machine name is empty')
  .max(255, 'machine name is too long')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9-.]*$/, 'not a machine name');

/** A name for a new machine (create, rename, clone, import): orbctl's rule, with the reason when refused. */
export const newMachineName = z.string().superRefine((name, ctx) => {
  const problem = machineNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.replace(/\.$/, '') });
});

/** An absolute path on this computer. Relative paths would depend on the main process's folder. */
export const absolutePath = z
  .string()
  .min(1, 'path is empty')
  .max(4096, 'path is too long')
  .refine((p) => !p.includes('\0'), 'path contains a NUL character')
  .refine((p) => p.startsWith('/'), 'must be an absolute path');

/**
 * A file named in a request: a grant for a file the person chose (Electron: a native dialog, a drop, the Dock;
 * see shared/files.ts) or, where the transport allows it, an absolute path the person typed.
 */
export const fileRef = z
  .string()
  .min(1, 'path is empty')
  .max(4096, 'path is too long')
  .refine((p) => !p.includes('\0'), 'path contains a NUL character')
  .refine((p) => p.startsWith('/') || isGrant(p), 'must be an absolute path');

export const distroWord = z.enum(DISTROS.map((d) => d.cli) as [string, ...string[]], {
  error: 'not a distro orbctl knows',
});
export const architecture = z.enum(ARCHITECTURES, { error: 'must be arm64 or amd64' });
export const imageVersion = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9.-]{0,31}$/, 'not a version');
/** A Linux user name as useradd accepts it. */
export const linuxUser = z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'not a Linux user name');
/** `4G`, `512M`, `64G` as orbctl's --memory / --disk take them. */
export const sizeText = z.string().regex(/^[1-9]\d{0,5}(\.\d{1,2})?[MGT]$/, 'use a size like 4G or 512M');

export const jobId = z.string().regex(/^job-[a-z0-9-]{1,64}$/, 'not a job id');

export const empty = z.object({}).strict();
