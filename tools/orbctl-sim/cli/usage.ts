import { DISTROS } from '../../../shared/distros';
import { HELP_FLAG, type FlagSpec } from './parse-args';
import type { CommandSpec } from './specs';

/** pflag's FlagUsages: `  -a, --arch string   usage`, aligned. */
export function flagUsages(flags: readonly FlagSpec[], commandName: string): string {
  const lines = flags.map((f) => {
    const names = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const value = f.kind === 'bool' ? '' : ` ${f.valueName ?? (f.kind === 'int' ? 'int' : 'string')}`;
    const usage =
      f.usage.replace('{cmd}', commandName) + (f.defaultText ? ` (default ${f.defaultText})` : '');
    return [names + value, usage] as const;
  });
  const width = Math.max(...lines.map(([left]) => left.length));
  return lines.map(([left, usage]) => `${left.padEnd(width)}   ${usage}\n`).join('');
}

/** cobra's usage template for a subcommand. */
export function usageText(spec: CommandSpec, flags: readonly FlagSpec[]): string {
  let text = `Usage:\n  orbctl ${spec.use}\n`;
  if (spec.aliases.length > 0) text += `\nAliases:\n  ${[spec.name, ...spec.aliases].join(', ')}\n`;
  if (spec.example) text += `\nExamples:\n${spec.example}\n`;
  text += `\nFlags:\n${flagUsages([...flags, HELP_FLAG], spec.name)}`;
  return text;
}

/** `orbctl CMD --help`: the long description, then usage. */
export function helpText(spec: CommandSpec, flags: readonly FlagSpec[]): string {
  let text = `${spec.long ?? spec.short}\n\n`;
  if (spec.name === 'create') {
    text +=
      `Supported distros:\n  ${DISTROS.map((d) => d.cli).join(', ')}\n\n` +
      'Supported CPU architectures:\n  arm64, amd64\n\n';
  }
  return text + usageText(spec, flags);
}

export function rootHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const group = (g: CommandSpec['group']): string =>
    commands
      .filter((c) => c.group === g)
      .map((c) => `  ${c.name.padEnd(width)} ${c.short}\n`)
      .join('');
  return (
    "OrbStack's command-line tool for Linux machines (simulated by orbctl-sim).\n\n" +
    'Usage:\n  orbctl [command]\n\n' +
    `Linux machines:\n${group('machines')}\n` +
    `General:\n${group('general')}  ${'help'.padEnd(width)} Help about any command\n\n` +
    'Flags:\n  -h, --help   help for orbctl\n\n' +
    'Use "orbctl [command] --help" for more information about a command.\n'
  );
}
