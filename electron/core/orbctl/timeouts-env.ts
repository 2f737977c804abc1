import { ORBCTL_COMMANDS, type OrbctlCommand } from './commands';

/**
 * Per-command timeouts from ORBDECK_ORBCTL_TIMEOUTS, e.g. `create=1800,export=7200` (seconds). Anything it
 * cannot read is named in `problems` (for the log) and left at its default: a typo never disables a timeout.
 */
export function parseTimeouts(text: string | undefined): {
  timeouts: Partial<Record<OrbctlCommand, number>>;
  problems: string[];
} {
  const timeouts: Partial<Record<OrbctlCommand, number>> = {};
  const problems: string[] = [];
  for (const part of (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [command, seconds] = part.split('=').map((x) => x.trim());
    const value = Number(seconds);
    if (!ORBCTL_COMMANDS.includes(command as OrbctlCommand)) problems.push(`unknown command "${command}"`);
    else if (!seconds || !Number.isFinite(value) || value <= 0 || value > 7 * 24 * 3600) {
      problems.push(`"${part}" needs a number of seconds`);
    } else timeouts[command as OrbctlCommand] = Math.round(value * 1000);
  }
  return { timeouts, problems };
}
