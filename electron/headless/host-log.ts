/** One line about something a client did wrong; never a payload. */
export type HostLog = (line: string) => void;

/**
 * Passes at most `perMinute` lines a minute to `write`, then one line saying how many were left out, so a
 * client that misbehaves in a loop cannot fill the log.
 */
export function throttledLog(write: HostLog, perMinute = 60, now = () => Date.now()): HostLog {
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  return (line) => {
    if (now() - windowStart >= 60_000) {
      if (dropped > 0) write(`(${dropped} more like these were left out of the log)`);
      windowStart = now();
      written = 0;
      dropped = 0;
    }
    if (written < perMinute) {
      written++;
      write(line);
    } else dropped++;
  };
}

/** What went wrong, as a short code and ws's or Node's own fixed message (cut short, on one line). */
export function describeError(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').slice(0, 120) : String(error);
  return typeof code === 'string' ? `${text} (${code})` : text;
}
