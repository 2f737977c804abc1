/** Where the simulator writes, and how: orbctl's JSON encoding, colours and terminal detection. */

export interface Output {
  /** stdout is a terminal: orbctl then prints list headers and spinners, and colours errors. */
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function processOutput(): Output {
  return {
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/** fatih/color (used by orbctl) disables colour when stdout is not a terminal, NO_COLOR is set or TERM=dumb. */
export function colorsEnabled(output: Output, env: NodeJS.ProcessEnv = process.env): boolean {
  return output.stdoutIsTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

export function red(text: string, enabled: boolean): string {
  return enabled ? `\x1b[31m${text}\x1b[0m` : text;
}

/**
 * Go's json.Encoder with SetIndent("", "  "): two-space indentation, a trailing newline, and HTML-safe escapes
 * (`<`, `>`, `&`, U+2028, U+2029 become \uXXXX). Those characters can only occur inside strings, so replacing
 * them in the serialised text is exact.
 */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
