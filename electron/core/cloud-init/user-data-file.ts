/**
 * Orbctl reads cloud-init user data from a file (`create -c FILE`), while the New Machine editor holds
 * text. The text is written, only while its job runs, to a private file in OrbDeck's data folder, and removed
 * when the job ends, however it ends; one left by a crash is listed as the job's scratch file and removed at
 * the next start (jobs/recovery.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { JobSpec } from '../jobs/job-spec';
import { checkCloudInit } from './check';

/** Refuses text with errors (warnings pass): the person sees them in the form before this is reached. */
export function refuseBadCloudInit(text: string): void {
  const errors = checkCloudInit(text).filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  throw new AppError(
    ErrorCode.INVALID_INPUT,
    `The cloud-init user data has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}.`,
    {
      field: 'cloudInit',
      notes: errors.map((e) => (e.line === null ? e.message : `Line ${e.line}: ${e.message}`)),
    },
  );
}

/** The job `build` makes for a file holding `text`, with the file there only while the job runs. */
export function withUserDataFile(dataDir: string, text: string, build: (file: string) => JobSpec): JobSpec {
  const folder = join(dataDir, 'cloud-init');
  const file = join(folder, `create-${randomBytes(6).toString('hex')}.yaml`);
  const spec = build(file);
  return {
    ...spec,
    scratchFiles: [...(spec.scratchFiles ?? []), file],
    run: async (ctx) => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFile(file, text, { mode: 0o600 });
      try {
        return await spec.run(ctx);
      } finally {
        await rm(file, { force: true });
      }
    },
  };
}
