import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportHeader } from '../../../electron/core/export-file/read-header';
import { TarStreamParser, type TarEvent } from '../export/tar';
import { ZstdStreamDecoder } from '../export/zstd-frame';
import {
  PROCESS_TESTS,
  collect,
  eventually,
  simulator,
  spawnSim,
  wait,
  type ListedMachine,
} from '../../../test/helpers/sim';

const hasZstd = spawnSync('zstd', ['--version']).status === 0;

/** Decodes a whole export with the exportfile reader: tar entries (name → text for small files). */
function decode(path: string): { names: string[]; config: string; complete: boolean } {
  const decoder = new ZstdStreamDecoder();
  const tar = new TarStreamParser();
  const events: TarEvent[] = [];
  for (const chunk of decoder.push(readFileSync(path))) events.push(...tar.push(chunk));
  decoder.end();
  const names: string[] = [];
  let config = '';
  for (const e of events) {
    if (e.kind === 'entry') names.push(e.entry.name);
    else if (e.kind === 'data' && names.length === 1) config += e.chunk.toString();
  }
  return { names, config, complete: tar.complete };
}

describe.concurrent('export file (docs/orbctl.md#export-file-layout)', PROCESS_TESTS, () => {
  it('writes the documented layout, readable by the header reader, the tar reader and zstd', async () => {
    const s = simulator();
    await s.setup('add', 'web', 'ubuntu:jammy', 'disk_size=1000000000');
    const file = join(s.home, 'web.tar.zst');
    // Export while running is allowed (docs/orbctl.md#resulting-states).
    expect(await s.run(['export', 'web', file])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const [listed] = await s.json<ListedMachine[]>(['list', '-f', 'json']);
    const header = await readExportHeader(file);
    expect(header).toMatchObject({ version: 1, record: listed, source_fs: 'btrfs', subvolumes: [] });
    expect(Number.isNaN(Date.parse(header.exported_at))).toBe(false);
    const { names, config, complete } = decode(file);
    expect(names[0]).toBe('_orbstack/v1/config.json');
    expect(JSON.parse(config)).toEqual(header);
    expect(names.slice(1).every((n) => n.startsWith('rootfs/'))).toBe(true);
    expect(names).toContain('rootfs/etc/hostname');
    expect(complete).toBe(true);
    // disk size × 0.4 × ORBCTL_SIM_EXPORT_SCALE (0.0005) = 200 kB, give or take the block headers.
    expect(statSync(file).size).toBeGreaterThanOrEqual(200_000);
    expect(statSync(file).size).toBeLessThan(210_000);
    if (hasZstd) expect(spawnSync('zstd', ['-t', '-q', file]).status).toBe(0);
  });

  it('overwrites an existing file and resolves a relative path against the working directory', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'alpine', 'disk_size=100000000');
    const dir = join(s.home, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'vm1.tar.zst'), Buffer.alloc(1_000_000, 7));
    await s.ok(['export', 'vm1', 'vm1.tar.zst'], { cwd: dir });
    const size = statSync(join(dir, 'vm1.tar.zst')).size;
    expect(size).toBeLessThan(100_000);
    expect((await readExportHeader(join(dir, 'vm1.tar.zst'))).record.name).toBe('vm1');
  });

  it('reports a missing folder, the built-in machine and a missing machine as orbctl does', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'alpine');
    const target = join(s.home, 'missing', 'vm1.tar.zst');
    const [noDir, builtin, missing] = await Promise.all([
      s.run(['export', 'vm1', target]),
      s.run(['export', 'docker', join(s.home, 'd.tar.zst')]),
      s.run(['export', 'ghost', join(s.home, 'g.tar.zst')]),
    ]);
    expect(noDir).toMatchObject({
      code: 1,
      stderr: `[-32098] create file: open ${target}: no such file or directory\n`,
    });
    expect(builtin.stderr).toBe('[-32098] cannot export builtin machine\n');
    expect(missing.stderr).toBe("[-32098] machine not found: 'ghost'\n");
    expect(existsSync(join(s.home, 'd.tar.zst'))).toBe(false);
  });

  it('grows the file progressively at disk speed', async () => {
    const s = simulator({ ORBCTL_SIM_SPEED: '12.5', ORBCTL_SIM_EXPORT_SCALE: '0.005' });
    // 1 GB at 80 MB/s / 12.5 = 1 s for a 2 MB file.
    await s.setup('add', 'vm1', 'debian', 'disk_size=1000000000');
    const file = join(s.home, 'grow.tar.zst');
    const child = spawnSim(s.home, ['export', 'vm1', file], {
      env: { ORBCTL_SIM_SPEED: '12.5', ORBCTL_SIM_EXPORT_SCALE: '0.005' },
    });
    const done = collect(child);
    const sizes = new Set<number>();
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      if (existsSync(file)) sizes.add(statSync(file).size);
      await wait(40);
    }
    expect((await done).code).toBe(0);
    const seen = [...sizes].sort((a, b) => a - b);
    const full = statSync(file).size;
    expect(seen.filter((n) => n > 0 && n < full).length).toBeGreaterThanOrEqual(4);
  });

  it('removes the output on an ordinary failure, even one that existed before', async () => {
    const s = simulator({ ORBCTL_SIM_FAULT: 'fail:export' });
    await s.setup('add', 'vm1', 'alpine');
    const file = join(s.home, 'x.tar.zst');
    writeFileSync(file, 'old');
    const r = await s.run(['export', 'vm1', file]);
    expect(r).toMatchObject({ code: 1, stderr: '[-32098] tar: create archive: exit status 1\n' });
    expect(existsSync(file)).toBe(false);
  });

  it('crash: the process dies midway and leaves a partial file behind', async () => {
    const s = simulator({ ORBCTL_SIM_FAULT: 'crash:export:0.5' });
    await s.setup('add', 'vm1', 'alpine', 'disk_size=1000000000');
    const file = join(s.home, 'partial.tar.zst');
    const r = await s.run(['export', 'vm1', file]);
    expect(r.signal).toBe('SIGKILL');
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(200_000);
    // The header is whole; the payload is not.
    expect((await readExportHeader(file)).record.name).toBe('vm1');
    expect(() => decode(file)).toThrow('unexpected EOF');
    if (hasZstd) expect(spawnSync('zstd', ['-t', '-q', file]).status).not.toBe(0);
  });

  it('an interrupted export exits 130/143 and removes its partial file', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'debian', 'disk_size=1000000000');
    const file = join(s.home, 'int.tar.zst');
    const child = spawnSim(s.home, ['export', 'vm1', file], { env: { ORBCTL_SIM_SPEED: '2' } });
    const done = collect(child);
    await eventually(async () => (existsSync(file) && statSync(file).size > 0 ? true : undefined));
    child.kill('SIGINT');
    expect((await done).code).toBe(130);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(s.home, 'state.lock'))).toBe(false);
  });
});
