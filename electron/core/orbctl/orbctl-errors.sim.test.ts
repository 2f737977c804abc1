/** The adapter against the orbctl simulator: every error mapping the simulator can produce. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorFromFailedRun, failureOf } from './errors';
import { direct, freshDir, rejection, SIM, sim, useSimFolders } from '../../../test/helpers/adapter';
import { eventually, isRunning } from '../../../test/helpers/processes';

useSimFolders();

// Each test runs several simulator processes one after another; on a loaded 2-core machine that takes seconds.
describe.concurrent('orbctl errors through the adapter', { timeout: 20_000 }, () => {
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
      () => orbctl.export('ghost', join(dir, 'ghost.tar.zst')),
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
    const { orbctl, dir } = sim();
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    await orbctl.create({ distro: 'alpine', name: 'a2' });
    const file = (await orbctl.export('a1', join(dir, 'a1.tar.zst'))).path;
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
    const { orbctl, timings } = sim({ ORBCTL_SIM_VERSION: '1.9.5' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const e = await rejection(orbctl.clone('a1', 'a2'));
    expect(e.code).toBe('UNSUPPORTED_VERSION');
    expect(e.message).toMatch(/1\.10\.0.*1\.9\.5/);
    expect(timings.some((r) => r.op.startsWith('orbctl clone'))).toBe(false);
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

  it('a stop that prints an orbctl error and still exits 0 has failed', async () => {
    const { orbctl } = sim({ ORBCTL_SIM_FAULT: "fail:stop:0:[-32098] stop '{name}': timeout" });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const e = await rejection(orbctl.stop('a1'));
    expect([e.code, e.message, e.detail?.exitCode]).toEqual([
      'ORBCTL_FAILED',
      "'a1' did not stop in time.",
      0,
    ]);
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

  // Timeouts, cancelling and crashes on the real executable: that no process is left behind is the point.
  it('a create that never returns times out; the machine it made anyway shows up in the list', async () => {
    const { orbctl, timings } = sim({ ORBCTL_SIM_FAULT: 'hang-after:create' }, { create: 2500 }, 'process');
    let pid = 0;
    const e = await rejection(orbctl.create({ distro: 'alpine', name: 'a1' }, { onSpawn: (p) => (pid = p) }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.detail?.argv?.slice(1)).toEqual(['create', 'alpine', 'a1']);
    expect(typeof e.detail?.durationMs).toBe('number');
    expect(isRunning(pid)).toBe(false);
    expect(timings.at(-1)).toMatchObject({ op: 'orbctl create a1', outcome: 'timeout' });
    expect((await orbctl.list()).map((m) => m.name)).toEqual(['a1']);
  });

  it('cancelling a hanging export stops the simulator, leaves no process and no partial file', async () => {
    // Still writing when cancelled, however loaded the machine: a minute's export.
    const { orbctl, dir } = sim({ ORBCTL_SIM_FAULT: 'slow:export:60000' }, {}, 'process');
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
    const { orbctl, dir } = sim({ ORBCTL_SIM_FAULT: 'crash:export' }, {}, 'process');
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const e = await rejection(orbctl.export('a1', join(dir, 'a1.tar.zst')));
    expect(e.code).toBe('ORBCTL_FAILED');
    expect(e.detail?.signal).toBe('SIGKILL');
  });
});

describe.concurrent(
  "the simulator's texts for what the adapter never sends map as docs/orbctl.md says",
  () => {
    it.each([
      [['create', 'archlinux', 'x1'], 'INVALID_INPUT', /invalid distro: archlinux/],
      [['create', '--arch', 'riscv64', 'ubuntu', 'x1'], 'INVALID_INPUT', /invalid architecture: riscv64/],
      [['create', 'ubuntu', 'my_vm'], 'INVALID_NAME', /invalid machine name 'my_vm'/],
      [['clone', 'a1'], 'ORBCTL_REFUSED', /accepts 2 arg\(s\), received 1/],
      [['list', '--bogus'], 'ORBCTL_REFUSED', /unknown flag: --bogus/],
      [['restart'], 'ORBCTL_REFUSED', /no machines specified/],
      [['list', '-f', 'yaml'], 'ORBCTL_REFUSED', /invalid format: yaml/],
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
