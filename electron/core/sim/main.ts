/**
 * orbctl-sim: a stand-in for OrbStack's `orbctl` that runs anywhere Node does (see docs/simulator.md).
 * Kept light: everything a command needs is loaded only when that command runs.
 */
import { dispatch } from './cli/dispatch';
import { processOutput } from './output';
import { installSignalHandlers } from './signals';

const output = processOutput();
installSignalHandlers(output.stderrIsTTY);
dispatch(process.argv.slice(2), output).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `orbctl-sim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
