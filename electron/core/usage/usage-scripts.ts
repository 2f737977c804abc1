/**
 * The command lines a sample runs in a machine, each one `orbctl run -m NAME -u root -- sh -c LINE`
 * (docs/orbctl.md#reading-a-machines-usage). Only POSIX sh and tools that GNU coreutils and busybox both have,
 * with the options both understand (`df -P -k`, `du -x -k -d N`, `grep -e -H`, `ls -l`), so the same line works on
 * every distro OrbStack offers, Alpine's busybox included. Each part is headed by an `@@name` line, so a part
 * that failed is told apart from the others, and `@@end` says the line ran to its end.
 */

/** The usage of a running machine, read every few seconds while a window shows it. */
export const SAMPLE_LINE = [
  'echo @@stat',
  "grep '^cpu' /proc/stat",
  'echo @@meminfo',
  'cat /proc/meminfo',
  'echo @@loadavg',
  'cat /proc/loadavg',
  'echo @@uptime',
  'cat /proc/uptime',
  'echo @@df',
  'df -P -k /',
  'echo @@mounts',
  "grep ' / ' /proc/mounts",
  'echo @@tcp',
  // Both files in one grep: each row comes with its file's name; a missing file is named on stderr.
  "grep ' 0A ' /proc/net/tcp /proc/net/tcp6",
  'echo @@end',
].join('; ');

/**
 * What listens and which program holds each socket: the socket tables, every process's open sockets
 * (`ls -l /proc/PID/fd`, filtered to the headings and `socket:[INODE]` links) and every process's name.
 * Read only while a window shows the machine's ports.
 */
export const PORTS_LINE = [
  'echo @@tcp',
  "grep ' 0A ' /proc/net/tcp /proc/net/tcp6",
  'echo @@fd',
  "ls -l /proc/[0-9]*/fd 2>/dev/null | grep -e '^/proc/' -e 'socket:'",
  'echo @@comm',
  'grep -H . /proc/[0-9]*/comm 2>/dev/null',
  'echo @@end',
].join('; ');

/** A word for sh: single quotes, each `'` written as `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The sizes of a folder's subfolders, on this filesystem only (`-x`: not the Mac's files under /mnt/mac). */
export function largestFoldersLine(path: string): string {
  return `du -x -k -d 1 -- ${shellQuote(path)}`;
}

/** The `@@name` parts of a line's output; `end` is there only when the line ran to its end. */
export function splitParts(output: string): Map<string, string> {
  const parts = new Map<string, string>();
  let name: string | null = null;
  let lines: string[] = [];
  const close = () => {
    if (name !== null) parts.set(name, lines.join('\n'));
  };
  for (const line of output.split('\n')) {
    const heading = /^@@([a-z0-9]+)$/.exec(line.trim());
    if (heading) {
      close();
      name = heading[1]!;
      lines = [];
    } else if (name !== null) lines.push(line);
  }
  close();
  return parts;
}
