/**
 * The adapter against the orbctl simulator (dist/sim/orbctl-sim.mjs, built by vitest's global setup): every
 * command, and every error mapping the simulator can produce. One fresh state folder per test.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { Timing } from '../timing';
import { errorFromFailedRun, failureOf } from './errors';
import { Orbctl } from './orbctl';
import { runProcess } from './run';
import { eventually, isRunning, tempDir } from './test-support';

const SIM = resolve(fileURLToPath(new URL('../../../dist/sim/orbctl-sim.mjs', import.meta.url)));

// Tests here run concurrently, so each gets its own folder (simulator state, files) under one parent that
// is removed at the end; per-test cleanup hooks cannot tell concurrent tests apart.
let parent: { path: string; remove: () => void };
beforeAll(() => {
  parent = tempDir('orbdeck-sim-');
});
afterAll(() => parent.remove());

function freshDir(): string {
  return mkdtempSync(join(parent.path, 't-'));
}

function simEnv(dir: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    ORBDECK_ORBCTL: SIM,
    ORBCTL_SIM_HOME: join(dir, 'state'),
    ORBCTL_SIM_SPEED: '50',
    ORBCTL_SIM_EXPORT_SCALE: '0.001',
    ORBCTL_SIM_USER: 'mac-user',
    ...extra,
  };
}

function sim(extra: Record<string, string> = {}, timeouts: Record<string, number> = {}) {
  const dir = freshDir();
  const timing = new Timing();
  const orbctl = new Orbctl({
    timing,
    env: simEnv(dir, extra),
    home: '/Users/me',
    cwd: dir,
    killGraceMs: 500,
    timeouts,
  });
  return { orbctl, timing, dir };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Runs the simulator directly (bypassing the adapter's own checks) and maps the outcome. */
async function direct(dir: string, args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(simEnv(dir))) if (v !== undefined) env[k] = v;
  return runProcess({ file: SIM, args, env, timeoutMs: 20_000, killGraceMs: 500 });
}

describe('the simulator is there', () => {
  it('was built by the global setup', () => {
    expect(existsSync(SIM)).toBe(true);
  });
});

describe.concurrent('reading', () => {
  it('version, capabilities and status', async () => {
    const { orbctl } = sim();
    expect((await orbctl.version()).version).toBe('2.2.0');
    expect(await orbctl.capabilities()).toEqual({
      version: '2.2.0',
      clone: true,
      export: true,
      import: true,
      isolated: true,
      resourceLimits: true,
    });
    expect(await orbctl.status()).toBe('running');
  });

  it('startOrbStack starts a stopped OrbStack, and is fine when it already runs', async () => {
    const { orbctl, dir } = sim();
    const stopped = await direct(dir, ['stop']);
    expect(stopped.exitCode).toBe(0);
    expect(await orbctl.status()).toBe('stopped');
    await orbctl.startOrbStack();
    expect(await orbctl.status()).toBe('running');
    await orbctl.startOrbStack();
    const down = sim({ ORBCTL_SIM_FAULT: 'not-running:vm' }).orbctl;
    expect((await rejection(down.startOrbStack())).code).toBe('ORBSTACK_NOT_RUNNING');
  });

  it('an empty list, and no default machine', async () => {
    const { orbctl } = sim();
    expect(await orbctl.list()).toEqual([]);
    expect(await orbctl.getDefault()).toBeNull();
  });
});

describe.concurrent('machine lifecycle', () => {
  it('create → running, info with disk and IPs, first machine becomes the default', async () => {
    const { orbctl, timing } = sim();
    await orbctl.create({ distro: 'ubuntu', version: '22.04', name: 'vm1', arch: 'amd64', user: 'dev' });
    const [m] = await orbctl.list();
    expect(m).toMatchObject({
      name: 'vm1',
      state: 'running',
      distro: 'ubuntu',
      version: 'jammy',
      arch: 'amd64',
    });
    expect(m?.defaultUser).toBe('dev');
    const info = await orbctl.info('vm1');
    expect(info.diskSize).toBeGreaterThan(0);
    expect(info.ip4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await orbctl.getDefault()).toBe('vm1');
    expect(timing.recent().find((r) => r.op === 'orbctl create vm1')).toMatchObject({
      kind: 'create',
      outcome: 'ok',
    });
  });

  it('create with the JSON-side distro name mapped (rocky → rockylinux), cloud-init, isolated and limits', async () => {
    const { orbctl, dir } = sim();
    const ci = join(dir, 'user data.yaml');
    writeFileSync(ci, '#cloud-config\n');
    await orbctl.create({
      distro: 'rocky',
      name: 'r1',
      cloudInitFile: ci,
      isolated: true,
      cpus: 2,
      memory: '4G',
    });
    const info = await orbctl.info('r1');
    expect(info).toMatchObject({
      distro: 'rockylinux',
      variant: 'cloud',
      isolated: true,
      defaultUser: 'mac-user',
    });
  });

  it('stop, start, restart; stop and start are idempotent; a stopped machine has no IP', async () => {
    const { orbctl } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    await orbctl.stop('a1');
    await orbctl.stop('a1');
    const stopped = await orbctl.info('a1');
    expect(stopped.state).toBe('stopped');
    expect(stopped).not.toHaveProperty('ip4');
    await orbctl.start('a1');
    await orbctl.start('a1');
    expect((await orbctl.info('a1')).state).toBe('running');
    await orbctl.restart('a1');
    expect((await orbctl.info('a1')).state).toBe('running');
  });

  it('rename keeps the id; clone leaves the copy stopped; delete removes', async () => {
    const { orbctl } = sim();
    await orbctl.create({ distro: 'debian', name: 'd1' });
    const id = (await orbctl.info('d1')).id;
    await orbctl.rename('d1', 'd2');
    expect((await orbctl.info('d2')).id).toBe(id);
    await orbctl.clone('d2', 'd3');
    expect((await orbctl.info('d3')).state).toBe('stopped');
    await orbctl.delete('d3');
    expect((await orbctl.list()).map((m) => m.name)).toEqual(['d2']);
  });

  it('export (while running) and import with and without a name; imports are stopped', async () => {
    const { orbctl, timing, dir } = sim();
    await orbctl.create({ distro: 'fedora', name: 'f1' });
    const out = await orbctl.export('f1', 'backups/../f1 "copy".tar.zst');
    expect(out.path).toBe(join(dir, 'f1 "copy".tar.zst'));
    expect(out.bytes).toBe(statSync(out.path).size);
    expect(out.bytes).toBeGreaterThan(0);
    expect(timing.recent().find((r) => r.op === 'orbctl export f1')?.bytes).toBe(out.bytes);
    await orbctl.import(out.path, { name: 'f2' });
    expect((await orbctl.info('f2')).state).toBe('stopped');
    await orbctl.delete('f1');
    await orbctl.import(out.path);
    expect((await orbctl.info('f1')).state).toBe('stopped');
    expect(timing.recent().find((r) => r.op === 'orbctl import f2')?.bytes).toBe(out.bytes);
  });

  it('export over an existing file only with overwrite', async () => {
    const { orbctl, dir } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const file = join(dir, 'a1.tar.zst');
    writeFileSync(file, 'old');
    expect((await rejection(orbctl.export('a1', file))).code).toBe('ALREADY_EXISTS');
    await orbctl.export('a1', file, { overwrite: true });
    expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from([0x5c, 0x2a, 0x4d, 0x18]));
  });

  it('logs, default, ssh details, push', async () => {
    const { orbctl, dir } = sim();
    await orbctl.create({ distro: 'ubuntu', name: 'u1' });
    await orbctl.create({ distro: 'ubuntu', name: 'u2' });
    expect(typeof (await orbctl.logs('u1'))).toBe('string');
    expect(typeof (await orbctl.logs('u1', { all: true }))).toBe('string');
    await orbctl.setDefault('u2');
    expect(await orbctl.getDefault()).toBe('u2');
    expect(await orbctl.sshDetails('u1', { user: 'root' })).toEqual({
      host: 'orb',
      port: 32222,
      user: 'root',
      command: 'ssh root@u1@orb',
      keyPath: '/Users/me/.orbstack/ssh/id_ed25519',
    });
    expect((await orbctl.sshDetails('u2')).command).toBe('ssh mac-user@u2@orb');
    const file = join(dir, 'hello.txt');
    writeFileSync(file, 'hi');
    await orbctl.push('u1', [file]);
    await orbctl.push('u1', [file, file], { dest: 'code/' });
  });

  it('the default user name through config get/set', async () => {
    const { orbctl } = sim();
    await orbctl.create({ distro: 'ubuntu', name: 'u1' });
    await orbctl.setUsername('u1', 'alice');
    expect(await orbctl.getUsername('u1')).toBe('alice');
  });
});

describe.concurrent('orbctl errors through the adapter', () => {
  it('NOT_FOUND for every command on a missing machine (logs included, which exits 0)', async () => {
    const { orbctl, dir } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    for (const attempt of [
      () => orbctl.info('ghost'),
      () => orbctl.start('ghost'),
      () => orbctl.stop('ghost'),
      () => orbctl.restart('ghost'),
      () => orbctl.delete('ghost'),
      () => orbctl.rename('ghost', 'ghost2'),
      () => orbctl.clone('ghost', 'ghost2'),
      () => orbctl.export('ghost', 'ghost.tar.zst'),
      () => orbctl.logs('ghost'),
      () => orbctl.setDefault('ghost'),
    ]) {
      const e = await rejection(attempt());
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toBe("No machine named 'ghost'.");
      expect(e.detail?.argv?.[0]).toBe(SIM);
    }
    expect(existsSync(join(dir, 'ghost.tar.zst'))).toBe(false);
  });

  it('ALREADY_EXISTS for create, clone, rename and import onto a taken name', async () => {
    const { orbctl } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    await orbctl.create({ distro: 'alpine', name: 'a2' });
    const file = (await orbctl.export('a1', 'a1.tar.zst')).path;
    for (const attempt of [
      () => orbctl.create({ distro: 'alpine', name: 'a1' }),
      () => orbctl.clone('a1', 'a2'),
      () => orbctl.rename('a1', 'a2'),
      () => orbctl.import(file, { name: 'a2' }),
      () => orbctl.import(file),
    ]) {
      const e = await rejection(attempt());
      expect(e.code).toBe('ALREADY_EXISTS');
      expect(e.detail?.stderr).toMatch(/already exists/);
    }
  });

  it('BAD_EXPORT_FILE for a file that is not an export', async () => {
    const { orbctl, dir } = sim();
    const file = join(dir, 'notes.tar.zst');
    writeFileSync(file, 'just some text, not zstd\n');
    const e = await rejection(orbctl.import(file, { name: 'n1' }));
    expect(e.code).toBe('BAD_EXPORT_FILE');
    expect(e.message).toContain(file);
  });

  it('UNSUPPORTED_VERSION from an old simulated orbctl, before the command runs', async () => {
    const { orbctl, timing } = sim({ ORBCTL_SIM_VERSION: '1.9.5' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const e = await rejection(orbctl.clone('a1', 'a2'));
    expect(e.code).toBe('UNSUPPORTED_VERSION');
    expect(e.message).toMatch(/1\.10\.0.*1\.9\.5/);
    expect(timing.recent().some((r) => r.op.startsWith('orbctl clone'))).toBe(false);
    expect((await orbctl.info('a1')).diskSize).toBeNull();
    const v21 = sim({ ORBCTL_SIM_VERSION: '2.1.0' }).orbctl;
    expect((await rejection(v21.create({ distro: 'alpine', name: 'a3', disk: '8G' }))).code).toBe(
      'UNSUPPORTED_VERSION',
    );
  });

  it('ORBSTACK_NOT_RUNNING when OrbStack cannot start, and for stop/restart that exit 0', async () => {
    const vm = sim({ ORBCTL_SIM_FAULT: 'not-running:vm' }).orbctl;
    expect((await rejection(vm.list())).code).toBe('ORBSTACK_NOT_RUNNING');
    const services = sim({ ORBCTL_SIM_FAULT: 'not-running:services' }).orbctl;
    expect((await rejection(services.info('x1'))).code).toBe('ORBSTACK_NOT_RUNNING');
    for (const attempt of [() => vm.stop('a1'), () => vm.restart('a1')]) {
      const e = await rejection(attempt());
      expect(e.code).toBe('ORBSTACK_NOT_RUNNING');
      expect(e.detail?.exitCode).toBe(0);
    }
    expect(await vm.status()).toBe('stopped');
  });

  it('ORBCTL_FAILED passes an unknown text through', async () => {
    const { orbctl } = sim({ ORBCTL_SIM_FAULT: 'fail:start:1:[-32098] the flux capacitor is empty' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    await orbctl.stop('a1');
    const e = await rejection(orbctl.start('a1'));
    expect(e.code).toBe('ORBCTL_FAILED');
    expect(e.message).toBe('orbctl start failed: the flux capacitor is empty');
    expect(e.detail?.stderr).toContain('[-32098] the flux capacitor is empty');
  });

  it('a create that never returns times out; the machine it made anyway shows up in the list', async () => {
    const { orbctl, timing } = sim({ ORBCTL_SIM_FAULT: 'hang-after:create' }, { create: 2500 });
    let pid = 0;
    const e = await rejection(orbctl.create({ distro: 'alpine', name: 'a1' }, { onSpawn: (p) => (pid = p) }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.detail?.argv?.slice(1)).toEqual(['create', 'alpine', 'a1']);
    expect(typeof e.detail?.durationMs).toBe('number');
    expect(isRunning(pid)).toBe(false);
    expect(timing.recent().at(-1)).toMatchObject({ op: 'orbctl create a1', outcome: 'timeout' });
    expect((await orbctl.list()).map((m) => m.name)).toEqual(['a1']);
  });

  it('cancelling a hanging export stops the simulator, leaves no process and no partial file', async () => {
    const { orbctl, dir } = sim({ ORBCTL_SIM_FAULT: 'hang-after:export' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const controller = new AbortController();
    let pid = 0;
    const target = join(dir, 'a1.tar.zst');
    const running = orbctl.export('a1', target, {
      signal: controller.signal,
      onSpawn: (p) => {
        pid = p;
      },
    });
    expect(await eventually(() => existsSync(target), 5000)).toBe(true);
    controller.abort();
    const e = await rejection(running);
    expect(e.code).toBe('CANCELLED');
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('a crash part-way (killed by a signal) is ORBCTL_FAILED naming the signal', async () => {
    const { orbctl } = sim({ ORBCTL_SIM_FAULT: 'crash:export' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const e = await rejection(orbctl.export('a1', 'a1.tar.zst'));
    expect(e.code).toBe('ORBCTL_FAILED');
    expect(e.detail?.signal).toBe('SIGKILL');
  });
});

describe.concurrent(
  "the simulator's texts for what the adapter never sends map as the reference says",
  () => {
    it.each([
      [['create', 'archlinux', 'x1'], 'INVALID_INPUT', /invalid distro: archlinux/],
      [['create', '--arch', 'riscv64', 'ubuntu', 'x1'], 'INVALID_INPUT', /invalid architecture: riscv64/],
      [['create', 'ubuntu', 'my_vm'], 'INVALID_NAME', /invalid machine name 'my_vm'/],
      [['clone', 'a1'], 'INVALID_INPUT', /accepts 2 arg\(s\), received 1/],
      [['list', '--bogus'], 'INVALID_INPUT', /unknown flag: --bogus/],
      [['restart'], 'INVALID_INPUT', /no machines specified/],
      [['list', '-f', 'yaml'], 'INVALID_INPUT', /invalid format: yaml/],
      [['import', '/nonexistent/x.tar.zst'], 'INVALID_INPUT', /open file/],
      [['export', 'a1', '/nonexistent/dir/x.tar.zst'], 'NOT_FOUND', /machine not found/],
    ] as const)('%j → %s', async (args, code, text) => {
      const r = await direct(freshDir(), [...args]);
      const e =
        failureOf(r, { command: args[0], machine: 'a1' }) ?? errorFromFailedRun(r, { command: args[0] });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(text);
      expect(e.code).toBe(code);
    });

    it("export to a missing folder (the daemon's `create file:` error) is INVALID_INPUT", async () => {
      const { orbctl, dir } = sim();
      await orbctl.create({ distro: 'alpine', name: 'a1' });
      const r = await direct(dir, ['export', 'a1', '/nonexistent/dir/x.tar.zst']);
      expect(failureOf(r, { command: 'export', file: '/nonexistent/dir/x.tar.zst' })?.code).toBe(
        'INVALID_INPUT',
      );
    });
  },
);
