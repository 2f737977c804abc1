// The zod schemas of sandbox requests, apart from shared/sandboxes.ts so that the window, which reads the
// rules there, does not bundle zod.
import { z } from 'zod';
import {
  MAX_SANDBOX_FILE_BYTES,
  MAX_TIME_LIMIT_SECONDS,
  MIN_TIME_LIMIT_SECONDS,
  TIME_LIMIT_ENDS,
  type TimeLimitRequest,
} from './sandboxes';

export const timeLimitSeconds = z
  .number()
  .int('A time limit is a whole number of seconds.')
  .min(MIN_TIME_LIMIT_SECONDS, `A time limit is at least ${MIN_TIME_LIMIT_SECONDS} seconds.`)
  .max(MAX_TIME_LIMIT_SECONDS, 'A time limit is at most 7 days.');

export const timeLimitRequest = z
  .object({ seconds: timeLimitSeconds, then: z.enum(TIME_LIMIT_ENDS) })
  .strict() satisfies z.ZodType<TimeLimitRequest>;

/** A file's content in base64, at most MAX_SANDBOX_FILE_BYTES once decoded. */
export const fileContent = z
  .string()
  .max(Math.ceil(MAX_SANDBOX_FILE_BYTES / 3) * 4, 'A file copied into a sandbox is at most 4 MiB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The content is not base64.');
