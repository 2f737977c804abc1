import { z } from 'zod';

/**
 * A reference to an existing machine: its name or its ULID. Deliberately looser than the create rule (the
 * built-in `docker` machine exists), but it can never start with `-`, so it cannot become a flag in argv.
 */
export const machineRef = z
  .string()
  .min(1, 'machine name is empty')
  .max(255, 'machine name is too long')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9-.]*$/, 'not a machine name');

export const jobId = z.string().regex(/^job-[a-z0-9-]{1,64}$/, 'not a job id');

export const empty = z.object({}).strict();
