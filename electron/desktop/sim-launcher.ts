import { utilityProcess } from 'electron';
import { sep } from 'node:path';
import { moduleLauncher } from '../core/orbctl/module-launcher';
import type { ProcessLauncher } from '../core/orbctl/run';

/**
 * The simulator's path: inside a packaged app it is unpacked beside app.asar (asarUnpack), so that the locate
 * probe and the forked process see a plain file.
 */
export function simulatorPath(bundled: string): string {
  return bundled.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/**
 * Demo mode's orbctl: the simulator in an Electron utility process. With the RunAsNode fuse off, Electron's
 * binary cannot be started as Node (ELECTRON_RUN_AS_NODE), but a utility process is Electron's own Node
 * child: orbctl's argv, the environment, piped stdout/stderr, an exit code, and kill().
 */
export function utilityProcessLauncher(simulator: string): ProcessLauncher {
  return moduleLauncher(simulator, (modulePath, args, options) =>
    utilityProcess.fork(modulePath, args, {
      env: options.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdio: ['ignore', 'pipe', 'pipe'],
      serviceName: 'orbctl simulator',
    }),
  );
}
