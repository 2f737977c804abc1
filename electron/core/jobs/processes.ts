/**
 * Finding and stopping an orbctl that outlived the OrbDeck that started it. A process id from an earlier
 * run may since belong to something else, so nothing is signalled unless the process still runs the same
 * command line (and, where the system tells, started at the same moment) as the orbctl that was recorded.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How a process was started, enough to recognise it later. */
export interface ProcessIdentity {
  pid: number;
  /** The orbctl binary, then its arguments, as spawned. */
  argv: string[];
  /** Linux: the start time from /proc/<pid>/stat (clock ticks since boot). */
  startTicks?: number;
}

export interface ProcessProbe {
  /** The command line of a live process, or null when there is none (gone, or a zombie). */
  commandLine(pid: number): string[] | string | null;
  /** When the process started, where the system says (Linux), else undefined. */
  startTicks(pid: number): number | undefined;
  /** Sends `signal` to the process group `pid` leads; false when there is no such group. */
  signalGroup(pid: number, signal: NodeJS.Signals): boolean;
}

/** Linux reads /proc; macOS asks `ps`; elsewhere nothing is recognised, so nothing is ever signalled. */
export const systemProbe: ProcessProbe = {
  commandLine(pid) {
    if (process.platform === 'linux') {
      const stat = procStat(pid);
      if (!stat || stat.state === 'Z') return null;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
      } catch {
        return null;
      }
    }
    if (process.platform === 'darwin') {
      try {
        const out = execFileSync('ps', ['-o', 'stat=', '-o', 'command=', '-p', String(pid)], {
          encoding: 'utf8',
        });
        const match = /^\s*(\S+)\s+(.*)$/s.exec(out.trimEnd());
        return match && !match[1]!.startsWith('Z') ? match[2]! : null;
      } catch {
        return null; // ps exits 1 when there is no such process
      }
    }
    return null;
  },
  startTicks(pid) {
    return process.platform === 'linux' ? procStat(pid)?.startTicks : undefined;
  },
  signalGroup(pid, signal) {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  },
};

function procStat(pid: number): { state: string; startTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTicks: Number(fields[19]) };
  } catch {
    return null;
  }
}

/**
 * True when `pid` is still the recorded orbctl: its command line ends with the recorded binary and
 * arguments (a script such as the simulator runs under its interpreter, which comes first), and it started
 * when the recorded one did, where that is known.
 */
export function isSameProcess(identity: ProcessIdentity, probe: ProcessProbe = systemProbe): boolean {
  const line = probe.commandLine(identity.pid);
  if (line === null || identity.argv.length === 0) return false;
  if (identity.startTicks !== undefined) {
    const ticks = probe.startTicks(identity.pid);
    if (ticks !== undefined && ticks !== identity.startTicks) return false;
  }
  if (typeof line === 'string') {
    // `ps` joins the arguments with spaces; the recorded ones must end it exactly.
    const expected = identity.argv.join(' ');
    return line === expected || line.endsWith(` ${expected}`);
  }
  const tail = line.slice(line.length - identity.argv.length);
  return tail.length === identity.argv.length && tail.every((arg, i) => arg === identity.argv[i]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a recorded orbctl and everything in its process group: SIGINT first (orbctl's own Ctrl-C, which
 * lets it undo a half-done export or import), SIGKILL after `graceMs`. Resolves with what it found.
 */
export async function stopRecordedProcess(
  identity: ProcessIdentity,
  graceMs: number,
  probe: ProcessProbe = systemProbe,
): Promise<'stopped' | 'gone' | 'not-orbctl'> {
  if (probe.commandLine(identity.pid) === null) return 'gone';
  if (!isSameProcess(identity, probe)) return 'not-orbctl';
  probe.signalGroup(identity.pid, 'SIGINT');
  const end = Date.now() + graceMs;
  while (Date.now() < end) {
    if (probe.commandLine(identity.pid) === null) return 'stopped';
    await sleep(25);
  }
  // Still the same process (a pid cannot be reused while it lives): make sure.
  if (isSameProcess(identity, probe)) probe.signalGroup(identity.pid, 'SIGKILL');
  for (let i = 0; i < 40 && probe.commandLine(identity.pid) !== null; i++) await sleep(25);
  return 'stopped';
}
