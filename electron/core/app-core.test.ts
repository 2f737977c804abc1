import { fork } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, orbctlEnvironment, type Core } from './app-core';
import { moduleLauncher } from './orbctl/module-launcher';
import type { ProcessLauncher } from './orbctl/run';
import { SIM } from '../../test/helpers/adapter';
import { eventually, recordedCalls, tempDir, writeFake } from '../../test/helpers/processes';

let dir: { path: string; remove: () => void };
beforeAll(() => {
  dir = tempDir('orbdeck-app-core-');
});
afterAll(() => dir.remove());
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.dispose()));
});

/** The simulator in a forked module process, as the packaged app runs it; spied on. */
function spyLauncher() {
  const launch = moduleLauncher(SIM, (modulePath, args, options) =>
    fork(modulePath, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }),
  );
  return vi.fn<ProcessLauncher>((request) => launch(request));
}

describe('which orbctl the core runs', () => {
  it('demo mode runs the simulator, whatever ORBDECK_ORBCTL said', () => {
    const env = orbctlEnvironment({
      version: 't',
      dataDir: '/data',
      demo: true,
      simBinary: '/app/sim.mjs',
      env: { ORBDECK_ORBCTL: '/usr/local/bin/orbctl' },
    });
    expect(env.ORBDECK_ORBCTL).toBe('/app/sim.mjs');
    expect(env.ORBCTL_SIM_HOME).toBe(join('/data', 'demo-orbstack'));
  });

  it('demo exports are small stand-ins unless the person asks for real sizes', () => {
    const demo = (extra: NodeJS.ProcessEnv) =>
      orbctlEnvironment({
        version: 't',
        dataDir: '/data',
        demo: true,
        simBinary: '/app/sim.mjs',
        env: extra,
      });
    expect(demo({}).ORBCTL_SIM_EXPORT_SCALE).toBe('0.01');
    expect(demo({ ORBCTL_SIM_EXPORT_SCALE: '1' }).ORBCTL_SIM_EXPORT_SCALE).toBe('1');
  });

  it('outside demo mode the simulator is never picked, even when its path is known', () => {
    const env = orbctlEnvironment({
      version: 't',
      dataDir: '/data',
      demo: false,
      simBinary: '/app/sim.mjs',
      env: { ORBDECK_ORBCTL: '/usr/local/bin/orbctl' },
    });
    expect(env.ORBDECK_ORBCTL).toBe('/usr/local/bin/orbctl');
    expect(Object.values(env)).not.toContain('/app/sim.mjs');
  });

  it('demo mode starts the simulator through the launcher it was given', async () => {
    const launcher = spyLauncher();
    const core = createCore({
      version: 't',
      dataDir: join(dir.path, 'demo'),
      demo: true,
      simBinary: SIM,
      simLauncher: launcher,
      env: { PATH: process.env.PATH },
    });
    cores.push(core);
    expect((await core.orbctl.version()).version).toBe('2.2.0');
    expect(launcher).toHaveBeenCalledWith(expect.objectContaining({ file: SIM, args: ['version'] }));
  });

  it('outside demo mode the launcher is ignored: the orbctl asked for runs as itself', async () => {
    const launcher = spyLauncher();
    const log = join(dir.path, 'real-orbctl.log');
    const real = writeFake(dir.path, 'orbctl', { stdout: 'Version: 2.2.0\n', recordTo: log });
    const core = createCore({
      version: 't',
      dataDir: join(dir.path, 'real'),
      demo: false,
      simBinary: SIM,
      simLauncher: launcher,
      env: { PATH: process.env.PATH, ORBDECK_ORBCTL: real },
    });
    cores.push(core);
    await core.orbctl.version().catch(() => undefined);
    expect(await eventually(() => recordedCalls(log).some((argv) => argv[0] === 'version'))).toBe(true);
    expect(launcher).not.toHaveBeenCalled();
  });
});
