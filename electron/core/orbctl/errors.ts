/**
 * orbctl's exit codes and texts → typed AppErrors (docs/orbctl.md#errors). The message is a sentence for people; the raw
 * stderr/stdout, argv, exit code and duration stay in the detail. Texts we do not recognise pass through.
 */
import { AppError, type ErrorCode } from '../../../shared/errors';
import { machineNameProblem } from '../../../shared/names';
import type { OrbctlCommand } from './commands';
import { detailOf, type RunResult } from './run';

export interface FailureContext {
  command: OrbctlCommand;
  /** The machine acted on, when there is one. */
  machine?: string | undefined;
  /** The file involved (import source, export target, cloud-init file). */
  file?: string | undefined;
}

/**
 * Every failure of orbctl that OrbDeck knows, by a stable name (docs/orbctl.md#failure-names). A call
 * that expects one declares it (InvocationSpec.expected) and gets it as an answer instead of an error, as GitHub
 * Desktop's git layer declares `expectedErrors`: no caller matches orbctl's texts itself.
 */
export type OrbctlFailure =
  | 'already-exists'
  | 'invalid-name'
  | 'bad-export-file'
  | 'cannot-open-file'
  | 'cannot-create-file'
  | 'machine-not-found'
  | 'no-machines'
  | 'invalid-distro'
  | 'invalid-arch'
  | 'image-not-found'
  | 'no-cloud-init'
  | 'builtin-machine'
  | 'orbstack-not-running'
  | 'cannot-transition'
  | 'did-not-start'
  | 'stop-timeout'
  | 'refused-arguments'
  // Pull and push name paths that may not exist.
  | 'no-such-path';

interface Classified {
  failure: OrbctlFailure;
  code: ErrorCode;
  message: string;
}

type Rule = [
  OrbctlFailure,
  RegExp,
  (m: RegExpMatchArray, ctx: FailureContext) => Omit<Classified, 'failure'>,
];

// eslint-disable-next-line no-control-regex -- colour codes start with ESC
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/** JSON-RPC errors reach the user as `[-32098] message`. */
const RPC_PREFIX = /^\[-?\d+\]\s*/gm;

/** Plain text of what orbctl printed: no colours, no `[-32098] ` prefixes, no cobra usage block. */
export function orbctlText(raw: string): string {
  const usage = raw.search(/^Usage:/m);
  const text = usage >= 0 ? raw.slice(0, usage) : raw;
  return text.replace(ANSI, '').replace(RPC_PREFIX, '').trim();
}

const quoted = (name: string | undefined, fallback: string): string => (name ? `'${name}'` : fallback);

const PAST: Record<string, string> = { clone: 'cloned', export: 'exported', rename: 'renamed' };

const notRunning = (message: string) => (): Omit<Classified, 'failure'> => ({
  code: 'ORBSTACK_NOT_RUNNING',
  message,
});

/** First match wins; the specific texts come before the families that could also match them. */
const RULES: Rule[] = [
  [
    'already-exists',
    /machine already exists: '([^']*)'|machine '"([^"]*)"' already exists/,
    (m) => ({ code: 'ALREADY_EXISTS', message: `A machine named '${m[1] ?? m[2] ?? ''}' already exists.` }),
  ],
  [
    'invalid-name',
    /invalid machine name '([^']*)'/,
    (m) => {
      const name = m[1] ?? '';
      const problem = machineNameProblem(name);
      return {
        code: 'INVALID_NAME',
        message: `'${name}' is not a valid machine name.${problem ? ` ${problem}` : ''}`,
      };
    },
  ],
  [
    'bad-export-file',
    /import container from host path: read config|extract archive|is this a valid OrbStack machine export/,
    (_m, ctx) => ({
      code: 'BAD_EXPORT_FILE',
      message: `${quoted(ctx.file, 'The file')} is not an OrbStack machine export, or it is damaged.`,
    }),
  ],
  [
    'cannot-open-file',
    /import container from host path: open file/,
    (_m, ctx) => ({
      code: 'INVALID_INPUT',
      message: `orbctl could not open ${quoted(ctx.file, 'the file')}.`,
    }),
  ],
  [
    'cannot-create-file',
    /^create file: /m,
    (_m, ctx) => ({
      code: 'INVALID_INPUT',
      message: ctx.file
        ? `orbctl could not create the export file '${ctx.file}'.`
        : 'orbctl could not create the export file.',
    }),
  ],
  [
    'machine-not-found',
    /machine not found(?::\s*'([^']*)')?/,
    (m, ctx) => {
      const name = m[1] ?? ctx.machine;
      return {
        code: 'NOT_FOUND',
        message: name ? `No machine named '${name}'.` : 'That machine does not exist.',
      };
    },
  ],
  ['no-machines', /no machines found/, () => ({ code: 'NOT_FOUND', message: 'There are no machines yet.' })],
  [
    'invalid-distro',
    /invalid distro: (\S+)/,
    (m) => ({ code: 'INVALID_INPUT', message: `orbctl does not know the distro '${m[1] ?? ''}'.` }),
  ],
  [
    'invalid-arch',
    /invalid architecture: (\S+)/,
    (m) => ({ code: 'INVALID_INPUT', message: `orbctl does not support the architecture '${m[1] ?? ''}'.` }),
  ],
  [
    'image-not-found',
    /image not found: \{([^}]*)\}/,
    (m) => ({ code: 'INVALID_INPUT', message: `There is no image for ${m[1] ?? 'that distro'}.` }),
  ],
  [
    'no-cloud-init',
    /cloud-init not supported for '([^']*)'/,
    (m) => ({ code: 'INVALID_INPUT', message: `${m[1] ?? 'This distro'} does not support cloud-init.` }),
  ],
  [
    'builtin-machine',
    /cannot (clone|export|rename) builtin machine/,
    (m) => ({
      code: 'BUILTIN_MACHINE',
      message: `OrbStack's built-in machine cannot be ${PAST[m[1] ?? ''] ?? 'changed'}.`,
    }),
  ],
  [
    'orbstack-not-running',
    /timed out waiting for (VM|services) to start/,
    notRunning('OrbStack is not running and did not start in time.'),
  ],
  ['orbstack-not-running', /^start VM: /m, notRunning('OrbStack is not running and could not be started.')],
  ['orbstack-not-running', /manager is stopping/, notRunning('OrbStack is shutting down.')],
  ['orbstack-not-running', /OrbStack is not running/, notRunning('OrbStack is not running.')],
  [
    'cannot-transition',
    /cannot transition from (\S+) to (\S+)/,
    (m, ctx) => ({
      code: 'ORBCTL_FAILED',
      message: `${quoted(ctx.machine, 'The machine')} cannot go from ${m[1] ?? '?'} to ${m[2] ?? '?'} right now.`,
    }),
  ],
  [
    'did-not-start',
    /machine did not start/,
    (_m, ctx) => ({ code: 'ORBCTL_FAILED', message: `${quoted(ctx.machine, 'The machine')} did not start.` }),
  ],
  [
    'stop-timeout',
    /stop '([^']*)': timeout/,
    (m) => ({ code: 'ORBCTL_FAILED', message: `'${m[1] ?? ''}' did not stop in time.` }),
  ],
  // `pull`/`push` of a path that is not there (the copy's own `stat PATH: no such file or directory`).
  [
    'no-such-path',
    /(?:stat|open|lstat) (.+?): no such file or directory/,
    (m, ctx) => ({
      code: 'NOT_FOUND',
      message:
        ctx.command === 'pull'
          ? `There is no '${m[1] ?? ''}' in ${quoted(ctx.machine, 'the machine')}.`
          : `'${m[1] ?? ''}' does not exist.`,
    }),
  ],
  // Cobra usage errors and client-side checks (`Error: accepts 2 arg(s)…`, `unknown flag`, `no machines
  // specified`, `invalid format`): daemon errors never carry the `Error:` prefix.
  [
    'refused-arguments',
    /^Error: (.*)$/m,
    (m, ctx) => ({
      code: 'ORBCTL_REFUSED',
      message: `orbctl ${ctx.command} refused its arguments: ${m[1] ?? ''}`,
    }),
  ],
];

/** Classifies one orbctl message (already without colours or RPC prefix). */
export function classifyText(text: string, ctx: FailureContext): Classified | null {
  for (const [failure, pattern, make] of RULES) {
    const m = text.match(pattern);
    if (m) return { failure, ...make(m, ctx) };
  }
  return null;
}

/** An error message or RPC text printed where output belongs (`logs` prints its error on stdout, exit 0). */
// eslint-disable-next-line no-control-regex -- colour codes start with ESC
const ERROR_ON_STDOUT = /^\s*(?:\x1b\[[0-9;]*m)*\[-?\d+\]\s/;

/** Commands that print nothing when they succeed (docs/orbctl.md#silent-success). */
const SILENT_ON_SUCCESS: ReadonlySet<OrbctlCommand> = new Set([
  'create',
  'start',
  'stop',
  'restart',
  'delete',
  'clone',
  'rename',
  'export',
  'import',
]);

/** A line in orbctl's own error forms: a daemon error (`[-32098] …`) or a usage error (`Error: …`). */
// eslint-disable-next-line no-control-regex -- colour codes start with ESC
const ORBCTL_ERROR_LINE = /^\s*(?:\x1b\[[0-9;]*m)*(?:\[-?\d+\]\s|Error: )/m;

/**
 * The error a finished orbctl process means, or null when it succeeded. Also catches the exit-0 quirks:
 * `stop`/`restart` with OrbStack not running, `logs` of a missing machine, and any command that succeeds
 * silently but printed one of orbctl's error forms on stderr (other chatter on stderr is not a failure).
 */
export function failureOf(result: RunResult, ctx: FailureContext): AppError | null {
  if (result.exitCode === 0 && result.signal === null) {
    if (SILENT_ON_SUCCESS.has(ctx.command) && ORBCTL_ERROR_LINE.test(result.stderr)) {
      return errorFromFailedRun(result, ctx);
    }
    if (
      (ctx.command === 'stop' || ctx.command === 'restart') &&
      /OrbStack is not running/.test(result.stderr)
    ) {
      return new AppError(
        'ORBSTACK_NOT_RUNNING',
        'OrbStack is not running.',
        detailOf(result, { reason: 'orbstack-not-running' }),
      );
    }
    if (
      ctx.command === 'logs' &&
      ERROR_ON_STDOUT.test(result.stdout) &&
      result.stdout.trim().split('\n').length <= 3
    ) {
      const classified = classifyText(orbctlText(result.stdout), ctx);
      const { code, message } = classified ?? { code: 'ORBCTL_FAILED', message: 'orbctl logs failed.' };
      return new AppError(
        code,
        message,
        detailOf(result, { stdout: result.stdout, ...(classified ? { reason: classified.failure } : {}) }),
      );
    }
    return null;
  }
  return errorFromFailedRun(result, ctx);
}

/** Maps a run that exited non-zero or by a signal. */
export function errorFromFailedRun(result: RunResult, ctx: FailureContext): AppError {
  const raw = result.stderr.trim() !== '' ? result.stderr : result.stdout;
  const text = orbctlText(raw);
  const classified = classifyText(text, ctx);
  if (classified) {
    return new AppError(
      classified.code,
      classified.message,
      detailOf(result, { reason: classified.failure }),
    );
  }
  const firstLine = text.split('\n')[0]?.trim() ?? '';
  let message: string;
  if (firstLine !== '') message = `orbctl ${ctx.command} failed: ${firstLine}`;
  else if (result.signal !== null) message = `orbctl ${ctx.command} was stopped by ${result.signal}.`;
  else message = `orbctl ${ctx.command} failed with exit code ${String(result.exitCode)}.`;
  return new AppError('ORBCTL_FAILED', message, detailOf(result));
}
