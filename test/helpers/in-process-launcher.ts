/**
 * The launcher the tests give the adapter: the simulator's executable (dist/sim/orbctl-sim.mjs) runs in this
 * process (tools/orbctl-sim/in-process.ts), any other program is started as a process as usual. Everything
 * above the launcher (argv, environment, timeouts, cancelling, error mapping, jobs) runs as in the app; what
 * only a real process does (spawning, signals, process groups) is tested by the tests that keep
 * `launch: 'process'` (see test/helpers/sim.ts, adapter.ts, core.ts).
 */
import { execaLauncher, type LaunchOutcome, type ProcessLauncher } from '../../electron/core/orbctl/launcher';
import { runInProcess } from '../../tools/orbctl-sim/in-process';
import { SIM_PATH } from './sim-path';

/** How a test helper runs the simulator: in this process (the default) or as the real executable. */
export type SimLaunch = 'in-process' | 'process';

/**
 * Process ids no operating system hands out (Linux stops at 2^22, macOS at 99999): the core records and signals
 * the pids it is given, and these can never reach a real process, least of all the test runner itself.
 */
let nextPid = 2 ** 30;

export function inProcessLauncher(
  simPath: string = SIM_PATH,
  others: ProcessLauncher = execaLauncher,
): ProcessLauncher {
  return (request) => {
    if (request.file !== simPath) return others(request);
    const bytes = { stdout: 0, stderr: 0 };
    let tooMuchOutput = false;
    const call = runInProcess(request.args, {
      env: request.env,
      // A process started without a folder runs in its parent's.
      cwd: request.cwd ?? process.cwd(),
      onOutput: (stream, text) => {
        bytes[stream] += Buffer.byteLength(text);
        // As a process past its buffer is stopped (execa's maxBuffer).
        if (bytes[stream] > request.maxOutputBytes && !tooMuchOutput) {
          tooMuchOutput = true;
          call.kill('SIGKILL');
          return;
        }
        request.onOutput?.(stream, text);
      },
    });
    const done = call.done.then((outcome): LaunchOutcome => ({ ...outcome, tooMuchOutput }));
    return {
      spawned: Promise.resolve(nextPid++),
      done,
      interrupt: () => call.kill('SIGINT'),
      kill: () => call.kill('SIGKILL'),
    };
  };
}
