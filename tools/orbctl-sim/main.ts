/**
 * orbctl-sim: a stand-in for OrbStack's `orbctl` that runs anywhere Node does (see docs/simulator.md).
 * Kept light: everything a command needs is loaded only when that command runs.
 */
import { dispatch } from './cli/dispatch';
import { processOutput } from './output';
import { nodeProcess } from './signals';

const output = processOutput();
dispatch(process.argv.slice(2), output, nodeProcess(output.stderrIsTTY)).then(
  (code) => finish(code),
  (err: unknown) => {
    process.stderr.write(
      `orbctl-sim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    finish(70);
  },
);

/**
 * Under Node the process ends when its work is done. In an Electron utility process (demo mode in the packaged
 * app, see docs/packaging.md) it does not, so there it exits explicitly, once what it printed has been handed to
 * the pipes.
 */
function finish(code: number): void {
  process.exitCode = code;
  if (!('parentPort' in process)) return;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
