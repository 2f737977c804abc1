/** orbctl's command words and aliases (docs/orbctl.md#commands-and-argument-order), shared by the dispatcher and the fault grammar. */
export const COMMAND_NAMES = [
  'create',
  'list',
  'info',
  'start',
  'stop',
  'restart',
  'delete',
  'clone',
  'rename',
  'export',
  'import',
  'default',
  'logs',
  'run',
  'ssh',
  'push',
  'pull',
  'config',
  'status',
  'version',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_ALIASES: Readonly<Record<string, CommandName>> = {
  add: 'create',
  new: 'create',
  i: 'info',
  shutdown: 'stop',
  'set-default': 'default',
  'get-default': 'default',
  log: 'logs',
  console: 'logs',
  exec: 'run',
  shell: 'run',
};

export function canonicalCommand(word: string): CommandName | null {
  if ((COMMAND_NAMES as readonly string[]).includes(word)) return word as CommandName;
  return COMMAND_ALIASES[word] ?? null;
}
