import type { ArgRule, FlagSpec, ParsedArgs } from './parse-args';
import type { CommandName } from './command-words';
import type { Ctx } from '../context';

/** What a command is: its cobra definition and its handler, loaded only when the command runs. */
export type Handler = (ctx: Ctx, args: ParsedArgs) => Promise<number | void>;

export interface VersionedFlag extends FlagSpec {
  /** Absent before this OrbStack version: cobra then says `unknown flag`. */
  minVersion?: string;
}

export interface CommandSpec {
  name: CommandName;
  aliases: string[];
  /** cobra's Use line. */
  use: string;
  short: string;
  long?: string;
  example?: string;
  group: 'machines' | 'general';
  flags: VersionedFlag[];
  args: ArgRule;
  /** Absent before this OrbStack version: cobra then says `unknown command`. */
  minVersion?: string;
  /** The handler checks `fail` faults itself, where the daemon would fail (after the work's delay). */
  failsInside?: boolean;
  /** cobra's DisableFlagParsing: the handler parses its own arguments (run, config). */
  rawArgs?: boolean;
  load: () => Promise<Handler>;
}
