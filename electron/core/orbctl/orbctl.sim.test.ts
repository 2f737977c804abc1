/**
 * The adapter against the orbctl simulator: every command (reading, machine lifecycle, files).
 * Error mappings are in orbctl-errors.sim.test.ts.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { direct, rejection, SIM, sim, useSimFolders } from '../../../test/helpers/adapter';

useSimFolders();

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

  it('list answers the same frozen array while orbctl prints the same text, a new one when it changes', async () => {
    const { orbctl, dir } = sim();
    expect(await direct(dir, ['create', 'alpine', 'a1'])).toMatchObject({ exitCode: 0 });
    const first = await orbctl.list();
    expect(await orbctl.list()).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(await direct(dir, ['stop', 'a1'])).toMatchObject({ exitCode: 0 });
    const after = await orbctl.list();
    expect(after).not.toBe(first);
    expect(after.map((m) => m.state)).toEqual(['stopped']);
  });

  it("a background call runs at a lower CPU priority; others at the app's own", async () => {
    // A priority belongs to a process: this one needs the simulator as a real one.
    const { orbctl } = sim({}, {}, 'process');
    const niceness = async (background: boolean) => {
      let seen: number | undefined;
      await orbctl.list({ background, onSpawn: (pid) => (seen = getPriority(pid)) });
      return seen;
    };
    expect(await niceness(true)).toBe(Math.min(19, getPriority() + 10));
    expect(await niceness(false)).toBe(getPriority());
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
    const { orbctl, timings } = sim();
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
    expect(timings.find((r) => r.op === 'orbctl create vm1')).toMatchObject({
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
    const { orbctl, timings, dir } = sim();
    await orbctl.create({ distro: 'fedora', name: 'f1' });
    const out = await orbctl.export('f1', join(dir, 'backups/../f1 "copy".tar.zst'));
    expect(out.path).toBe(join(dir, 'f1 "copy".tar.zst'));
    expect(out.bytes).toBe(statSync(out.path).size);
    expect(out.bytes).toBeGreaterThan(0);
    expect(timings.find((r) => r.op === 'orbctl export f1')?.bytes).toBe(out.bytes);
    await orbctl.import(out.path, { name: 'f2' });
    expect((await orbctl.info('f2')).state).toBe('stopped');
    await orbctl.delete('f1');
    await orbctl.import(out.path);
    expect((await orbctl.info('f1')).state).toBe('stopped');
    expect(timings.find((r) => r.op === 'orbctl import f2')?.bytes).toBe(out.bytes);
  });

  it('export replaces whatever is at the path, as orbctl does (what may be replaced is export-target.ts’s call)', async () => {
    const { orbctl, dir } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const file = join(dir, 'a1.tar.zst');
    writeFileSync(file, 'old');
    await orbctl.export('a1', file);
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
