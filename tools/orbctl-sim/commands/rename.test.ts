import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_TESTS, simulator } from '../../../test/helpers/sim';

describe.concurrent(
  'clone leaves the copy stopped (docs/orbctl.md#commands-and-argument-order, #resulting-states)',
  PROCESS_TESTS,
  () => {
    it('copies image, config and files; the copy is stopped, the source keeps its state', async () => {
      const s = simulator();
      await s.setup('add', 'ubuntu', 'ubuntu:jammy', 'username=dev', 'disk_size=123456789');
      writeFileSync(join(s.home, 'notes.txt'), 'hello from the source\n');
      await s.ok(['push', '-m', 'ubuntu', 'notes.txt']);
      expect(await s.run(['clone', 'ubuntu', 'ubuntu2'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const [a, b] = await s.records();
      expect(a).toMatchObject({ name: 'ubuntu', state: 'running' });
      expect(b).toMatchObject({
        name: 'ubuntu2',
        state: 'stopped',
        image: a!.image,
        config: { isolated: false, default_username: 'dev' },
      });
      expect(b!.id).not.toBe(a!.id);
      expect((await s.state()).machines[1]?.disk_size).toBe(123456789 + 22);
      // The copy has the source's files.
      expect(await s.ok(['run', '-m', 'ubuntu2', 'cat', 'notes.txt'])).toBe('hello from the source\n');
    });

    it('words its errors as clone.go does', async () => {
      const s = simulator();
      await s.setup('add', 'src', 'debian');
      await s.setup('add', 'taken', 'debian');
      const [exists, invalid, builtin, missing] = await Promise.all([
        s.run(['clone', 'src', 'taken']),
        s.run(['clone', 'src', 'bad_name']),
        s.run(['clone', 'docker', 'd2']),
        s.run(['clone', 'ghost', 'g2']),
      ]);
      expect(exists.stderr).toBe("[-32098] machine already exists: 'taken'\n");
      expect(invalid.stderr).toBe("[-32098] invalid machine name 'bad_name'\n");
      expect(builtin.stderr).toBe('[-32098] cannot clone builtin machine\n');
      expect(missing.stderr).toBe("[-32098] machine not found: 'ghost'\n");
      for (const r of [exists, invalid, builtin, missing]) expect(r.code).toBe(1);
    });
  },
);

describe.concurrent(
  'rename keeps the state (docs/orbctl.md#commands-and-argument-order, #resulting-states)',
  PROCESS_TESTS,
  () => {
    it('renames while running, keeping id, state and default', async () => {
      const s = simulator();
      await s.setup('add', 'old', 'fedora');
      const before = (await s.state()).machines[0]!;
      expect(await s.run(['rename', 'old', 'new.name'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const after = (await s.state()).machines[0]!;
      expect(after).toMatchObject({ id: before.id, name: 'new.name', state: 'running' });
      expect(await s.ok(['default'])).toBe('new.name\n');
    });

    it("double-quotes the taken name (rename.go's %q) and refuses bad names and the built-in machine", async () => {
      const s = simulator();
      await s.setup('add', 'a1', 'alpine');
      await s.setup('add', 'b1', 'alpine');
      const [taken, invalid, builtin, args] = await Promise.all([
        s.run(['rename', 'a1', 'b1']),
        s.run(['rename', 'a1', 'vm']),
        s.run(['rename', 'docker', 'x2']),
        s.run(['rename', 'a1']),
      ]);
      expect(taken.stderr).toBe(`[-32098] machine '"b1"' already exists\n`);
      expect(invalid.stderr).toBe("[-32098] invalid machine name 'vm'\n");
      expect(builtin.stderr).toBe('[-32098] cannot rename builtin machine\n');
      expect(args.stderr).toMatch(/^Error: accepts 2 arg\(s\), received 1\nUsage:\n {2}orbctl rename/);
    });
  },
);

describe.concurrent('version availability (docs/orbctl.md#version-gates)', PROCESS_TESTS, () => {
  it('has no clone/export/import before 1.10 (cobra: unknown command)', async () => {
    const s = simulator({ ORBCTL_SIM_VERSION: '1.9.5' });
    const results = await Promise.all([
      s.run(['clone', 'a', 'b']),
      s.run(['export', 'a', 'f']),
      s.run(['import', 'f']),
    ]);
    results.forEach((r, i) => {
      const word = ['clone', 'export', 'import'][i];
      expect(r).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `Error: unknown command "${word}" for "orbctl"\nRun 'orbctl --help' for usage.\n`,
      });
    });
  });
});
