import { z } from 'zod';
import { ARCHITECTURES } from '../distros';
import { isGrant } from '../files';
import {
  archProblem,
  cpusProblem,
  distroProblem,
  imageVersionProblem,
  sizeProblem,
  userNameProblem,
} from '../machine-options';
import { machineNameProblem, machineRefProblem } from '../names';
import { absolutePathProblem } from '../paths';
import { commandLineProblem, linuxPathProblem } from '../inside';
import { shownTextProblem } from '../shown-text';

/**
 * Request fields checked by the shared rules (shared/names.ts, machine-options.ts, paths.ts), the same ones the
 * form and the adapter ask. A rule's answer is a whole sentence; the router shows it as it is.
 */
export const RULE_ISSUE = 'orbdeck-rule';

function ruled<T extends z.ZodType>(schema: T, problem: (value: z.output<T>) => string | null) {
  return schema.superRefine((value, ctx) => {
    const sentence = problem(value);
    if (sentence) ctx.addIssue({ code: 'custom', message: sentence, params: { [RULE_ISSUE]: true } });
  });
}

/** Text people see as a name or label (shared/shown-text.ts); `what` names it in the sentence. */
export const shownText = (what: string) => ruled(z.string(), (s) => shownTextProblem(s, what));

/** An existing machine, by name or ULID id (shared/names.ts). */
export const machineRef = ruled(z.string(), machineRefProblem);

/** A name for a new machine (create, rename, clone, import): orbctl's rule plus OrbDeck's extras. */
export const newMachineName = ruled(z.string(), machineNameProblem);

/** An absolute path on this computer (shared/paths.ts). */
export const absolutePath = ruled(z.string(), absolutePathProblem);

/**
 * A file named in a request: a grant for a file the person chose (Electron: a native dialog, a drop, the Dock;
 * see shared/files.ts) or, where the transport allows it, an absolute path the person typed.
 */
export const fileRef = ruled(z.string(), (p) => (isGrant(p) ? null : absolutePathProblem(p)));

export const distroWord = ruled(z.string(), distroProblem);
export const architecture = ruled(z.string(), archProblem).pipe(z.enum(ARCHITECTURES));
export const imageVersion = ruled(z.string(), imageVersionProblem);
export const linuxUser = ruled(z.string(), userNameProblem);
export const cpuCount = ruled(z.number(), cpusProblem);
export const memorySize = ruled(z.string(), (s) => sizeProblem(s, 'memory'));
export const diskSize = ruled(z.string(), (s) => sizeProblem(s, 'disk'));

export const jobId = z.string().regex(/^job-[a-z0-9-]{1,64}$/, 'not a job id');

export const empty = z.object({}).strict();

// Working inside machines (shared/inside.ts).
export const commandLine = ruled(z.string(), commandLineProblem);
export const linuxPath = ruled(z.string(), linuxPathProblem);
