import type { Output } from './output';

/** briandowns/spinner CharSets[14], as orbctl uses. */
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * orbctl's spinner ("Creating NAME" …) writes to stdout and only when stdout is a terminal (docs/orbctl.md#progress-output);
 * piped output gets nothing. The line is erased when the work ends.
 */
export async function withSpinner<T>(output: Output, text: string, work: () => Promise<T>): Promise<T> {
  if (!output.stdoutIsTTY) return work();
  let frame = 0;
  const draw = (): void => output.out(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${text}`);
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    output.out('\r\x1b[K');
  }
}
