// A headless host in demo mode with its own simulator state and data folder, for the screenshot and UI
// benchmark scripts (the e2e suite has its own, in e2e/support/host.ts).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './setup.mjs';

export const SIM = join(root, 'dist/sim/orbctl-sim.mjs');

/** Starts `serve.mjs --demo`; `prepare(env)` may set up the simulator's state first. Resolves with the URL. */
export async function startDemoHost(extraEnv = {}, prepare = () => {}) {
  const home = mkdtempSync(join(tmpdir(), 'orbdeck-demo-host-'));
  const env = {
    ...process.env,
    ORBCTL_SIM_HOME: join(home, 'sim'),
    ORBDECK_DATA_DIR: join(home, 'data'),
    ...extraEnv,
  };
  prepare(env);
  const child = spawn(process.execPath, [join(root, 'dist/headless/serve.mjs'), '--demo', '--no-open'], {
    env,
  });
  const url = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    child.stdout.on('data', (d) => {
      const m = /http:\S+/.exec(String(d));
      if (m) resolve(m[0]);
    });
  });
  return {
    url,
    stop() {
      child.kill();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Adds `count` machines (vm-000, vm-001, …) to the simulator state named by `env`, at once. */
export function addMachines(env, count) {
  for (let i = 0; i < count; i++) {
    const name = `vm-${String(i).padStart(3, '0')}`;
    const distro = ['ubuntu', 'debian', 'fedora', 'alpine'][i % 4];
    spawnSync(SIM, ['__sim', 'add', name, distro, i % 3 ? 'state=stopped' : 'state=running'], { env });
  }
}
