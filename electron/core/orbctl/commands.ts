/** The orbctl subcommands OrbDeck runs, and how long each may take before it is stopped. */

export const ORBCTL_COMMANDS = [
  'list',
  'info',
  'create',
  'start',
  'stop',
  'restart',
  'delete',
  'clone',
  'rename',
  'export',
  'import',
  'logs',
  'default',
  'version',
  'status',
  'config',
  'push',
  // Working inside machines.
  'run',
  'pull',
] as const;
export type OrbctlCommand = (typeof ORBCTL_COMMANDS)[number];

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Default timeouts. orbctl auto-starts OrbStack (≤ 15 s for the VM + 15 s for services) before most commands,
 * and waits ≤ 30 s itself for a machine to start or stop (docs/orbctl.md#invocation, #durations-and-internal-limits), so "medium" commands get room for
 * both. create downloads images; clone/export/import copy a whole disk, so they get minutes.
 */
export const DEFAULT_TIMEOUTS_MS: Readonly<Record<OrbctlCommand, number>> = {
  list: 30 * SECOND,
  info: 30 * SECOND,
  version: 15 * SECOND,
  status: 15 * SECOND,
  default: 30 * SECOND,
  config: 30 * SECOND,
  logs: 30 * SECOND,
  start: 90 * SECOND,
  stop: 90 * SECOND,
  restart: 120 * SECOND,
  delete: 90 * SECOND,
  rename: 60 * SECOND,
  create: 15 * MINUTE,
  clone: 15 * MINUTE,
  export: 30 * MINUTE,
  import: 30 * MINUTE,
  push: 10 * MINUTE,
  // A command may install packages or build something; a copy out is bounded like a copy in.
  run: 60 * MINUTE,
  pull: 10 * MINUTE,
};

/** Between SIGINT and SIGKILL when stopping orbctl. */
export const DEFAULT_KILL_GRACE_MS = 3 * SECOND;
