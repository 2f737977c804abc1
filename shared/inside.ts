/**
 * The rules for working inside a machine: a command line to run, a path in the machine, and the
 * words of a run that ended. One place for the form, the IPC schema, the adapter and the simulator's tests.
 */
import { MAX_PATH_LENGTH } from './paths';

/** orbctl passes the line to the machine's shell as one argument; a longer one is a paste gone wrong. */
export const MAX_COMMAND_LENGTH = 8192;

export function commandLineProblem(line: string): string | null {
  if (line.trim() === '') return 'Type a command to run.';
  if (line.length > MAX_COMMAND_LENGTH) return `A command can have at most ${MAX_COMMAND_LENGTH} characters.`;
  if (line.includes('\0')) return 'A command cannot contain a NUL character.';
  // `sh -c -x` would read the line as sh's own options.
  if (line.startsWith('-'))
    return 'A command cannot start with “-” (the shell would take it for its options).';
  return null;
}

/**
 * A path inside the Linux machine (pull source, push destination, working folder): relative to the user's home
 * or absolute. It cannot start with `-`, where orbctl would read it as a flag.
 */
export function linuxPathProblem(path: string): string | null {
  if (path === '') return 'Give a path in the machine.';
  if (path.length > MAX_PATH_LENGTH) return 'The path is too long.';
  if (path.includes('\0')) return 'A path cannot contain a NUL character.';
  if (path.startsWith('-')) return 'A path in the machine cannot start with “-”.';
  return null;
}

/**
 * The machine's address: OrbStack names every machine NAME.orb.local (docs/orbctl.md#reach-it). Host names are
 * case-insensitive; it is written in lower case, as a browser writes it.
 */
export function webAddress(machine: string): string {
  return `${machine.toLowerCase()}.orb.local`;
}

/** Who runs the command: the machine's default user, or root. */
export const RUN_AS = ['default', 'root'] as const;
export type RunAs = (typeof RUN_AS)[number];

export interface RunAsChoice {
  as: RunAs;
  label: string;
}

/**
 * The "Run as" choices for machines with these default users (null: not known): the default user, and root.
 * Where every default user is root the two are one and the same, and only that one is offered.
 */
export function runAsChoices(defaultUsers: readonly (string | null)[]): RunAsChoice[] {
  const one = defaultUsers.length === 1;
  if (defaultUsers.length > 0 && defaultUsers.every((u) => u === 'root')) {
    return [{ as: 'default', label: one ? 'root (default user)' : 'root (each machine’s default user)' }];
  }
  const user = defaultUsers[0];
  const label = !one ? 'Each machine’s default user' : user ? `${user} (default user)` : 'Default user';
  return [
    { as: 'default', label },
    { as: 'root', label: 'root' },
  ];
}

/** One run of a command, as the per-machine history keeps it (newest first). */
export interface RunRecord {
  command: string;
  as: RunAs;
  /** Working folder in the machine; absent for the user's home. */
  workdir?: string;
  /** Epoch ms when it started. */
  at: number;
  /** The command's exit code; null when it was stopped (cancelled, timed out). */
  exitCode: number | null;
  /** As the timing wrapper measured the `orbctl run` call. */
  durationMs: number;
  jobId: string;
}

/** How many commands each machine's history keeps. */
export const RUN_HISTORY_PER_MACHINE = 10;

export type OutputStream = 'stdout' | 'stderr';

export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** A run's output as the core keeps it: the last part only, once it grew past the scroll-back. */
export interface RunOutput {
  jobId: string;
  chunks: OutputChunk[];
  /** Characters dropped from the start to stay within the scroll-back. */
  droppedChars: number;
  /** Characters written so far (dropped ones included): where the next `run:streamed` event takes up. */
  total: number;
  /** Set once the command has ended. */
  end?: { exitCode: number | null; durationMs: number };
}

/** A `run:streamed` event: new output from character number `from` of the run on, and its end once it ended. */
export interface RunOutputEvent {
  jobId: string;
  from: number;
  chunks: OutputChunk[];
  end?: RunOutput['end'];
}

/** The last this many characters of a run's output are kept, in the core and in the window. */
export const SCROLLBACK_CHARS = 256 * 1024;

/**
 * A run's output within a bounded scroll-back: appended chunks merge with the last one of the same stream, and
 * what is read is at most the last `limit` characters. Trimming waits until twice the limit has piled up, so a
 * chatty command costs amortised constant time per write. Pure; the core and the window both keep one.
 */
export class OutputBuffer {
  private list: OutputChunk[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly limit = SCROLLBACK_CHARS) {}

  append(chunk: OutputChunk): void {
    if (chunk.text === '') return;
    const last = this.list.at(-1);
    if (last && last.stream === chunk.stream) last.text += chunk.text;
    else this.list.push({ ...chunk });
    this.size += chunk.text.length;
    if (this.size > 2 * this.limit) this.trim();
  }

  /** The kept chunks, oldest first (at most `limit` characters in all). */
  get chunks(): readonly OutputChunk[] {
    this.trim();
    return this.list;
  }

  /** Characters dropped from the start to stay within the scroll-back. */
  get droppedChars(): number {
    this.trim();
    return this.dropped;
  }

  get length(): number {
    return Math.min(this.size, this.limit);
  }

  text(): string {
    return this.chunks.map((c) => c.text).join('');
  }

  private trim(): void {
    if (this.size <= this.limit) return;
    let over = this.size - this.limit;
    let drop = 0;
    while (over > 0 && drop < this.list.length && this.list[drop]!.text.length <= over) {
      over -= this.list[drop]!.text.length;
      drop++;
    }
    this.list = this.list.slice(drop);
    const first = this.list[0];
    if (over > 0 && first) first.text = first.text.slice(over);
    this.dropped += this.size - this.limit;
    this.size = this.limit;
  }
}

/** What a finished run says in one line: "exited with 0 in 1.2 s". */
export function runEndWords(end: { exitCode: number | null; durationMs: number }): string {
  const took =
    end.durationMs >= 10_000
      ? `${Math.round(end.durationMs / 1000)} s`
      : `${(end.durationMs / 1000).toFixed(1)} s`;
  return end.exitCode === null ? `stopped after ${took}` : `exited with ${end.exitCode} in ${took}`;
}
