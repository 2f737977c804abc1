import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeExportHeader } from '../export/encode-header';
import { sampleExportConfig } from '../../../test/helpers/export-files';
import { TAR_END, encodeTarFile } from '../export/tar';
import { encodeRawZstdFrame } from '../export/zstd-frame';
import { PROCESS_TESTS, simulator } from '../../../test/helpers/sim';

const P = '[-32098] import container from host path: ';
const NOT_AN_EXPORT = `${P}read config: can't find '_orbstack/config.v1.json' in archive. is this a valid OrbStack machine export?\n`;

describe.concurrent('import (docs/orbctl.md#export-file-layout, #resulting-states)', PROCESS_TESTS, () => {
  it('round-trips an export: stopped, same image and config, disk size and files from the file', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'fedora', 'username=dev', 'disk_size=777000000');
    writeFileSync(join(s.home, 'hello.txt'), 'hi\n');
    await s.ok(['push', '-m', 'vm1', 'hello.txt', 'docs/']);
    const file = join(s.home, 'vm1.tar.zst');
    await s.ok(['export', 'vm1', file]);
    // Without -n the name in the file is used, and it is taken.
    expect((await s.run(['import', file])).stderr).toBe(`${P}machine already exists: 'vm1'\n`);
    expect(await s.run(['import', '-n', 'copy', file])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const [copy, vm1] = await s.records();
    expect(copy).toMatchObject({ name: 'copy', state: 'stopped', image: vm1!.image, config: vm1!.config });
    expect(copy!.id).not.toBe(vm1!.id);
    const info = await s.json<{ disk_size: number }>(['info', 'copy', '-f', 'json']);
    expect(info.disk_size).toBe(777000003);
    expect(await s.ok(['run', '-m', 'copy', 'cat', 'docs/hello.txt'])).toBe('hi\n');
    // After the original is gone, the file's own name is free again.
    await s.ok(['delete', '-f', 'vm1']);
    await s.ok(['import', file]);
    expect(await s.names()).toEqual(['copy', 'vm1']);
  });

  it('refuses files that are not exports with the "read config" family', async () => {
    const s = simulator();
    const file = (name: string, bytes: Buffer | string): string => {
      writeFileSync(join(s.home, name), bytes);
      return join(s.home, name);
    };
    const header = encodeExportHeader(sampleExportConfig());
    mkdirSync(join(s.home, 'folder'));
    const cases: [string, string][] = [
      [file('empty.tar.zst', ''), NOT_AN_EXPORT],
      [
        file('notes.txt', 'just some text\n'),
        `${P}read config: read tar entry: invalid input: magic number mismatch\n`,
      ],
      [
        file('plain.zst', encodeRawZstdFrame(Buffer.from('not a tar '.repeat(100)))),
        `${P}read config: read tar entry: archive/tar: invalid tar header\n`,
      ],
      [file('header-only.tar.zst', header), NOT_AN_EXPORT],
      [
        file('cut-header.tar.zst', header.subarray(0, 20)),
        `${P}read config: read tar entry: unexpected EOF\n`,
      ],
      [
        join(s.home, 'folder'),
        `${P}read config: read tar entry: read ${join(s.home, 'folder')}: is a directory\n`,
      ],
      [
        join(s.home, 'nope.tar.zst'),
        `${P}open file: open ${join(s.home, 'nope.tar.zst')}: no such file or directory\n`,
      ],
    ];
    const results = await Promise.all(cases.map(([path]) => s.run(['import', '-n', 'x1', path])));
    results.forEach((r, i) =>
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: cases[i]![1] }),
    );
    expect(await s.names()).toEqual([]);
  });

  it('fails later, extracting, when the payload is truncated or has no rootfs', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'alpine', 'disk_size=1000000000');
    const good = join(s.home, 'good.tar.zst');
    await s.ok(['export', 'vm1', good]);
    const bytes = readFileSync(good);
    const cut = join(s.home, 'cut.tar.zst');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const config = sampleExportConfig();
    const noRootfs = join(s.home, 'no-rootfs.tar.zst');
    const tar = Buffer.concat([
      encodeTarFile('_orbstack/v1/config.json', Buffer.from(JSON.stringify(config)), 0),
      TAR_END,
    ]);
    writeFileSync(noRootfs, Buffer.concat([encodeExportHeader(config), encodeRawZstdFrame(tar)]));
    const [truncated, empty] = await Promise.all([
      s.run(['import', '-n', 'x1', cut]),
      s.run(['import', '-n', 'x2', noRootfs]),
    ]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(
      /^\[-32098\] import container from host path: make rootfs: extract archive: exit status 1; output: bsdtar: Truncated input file/,
    );
    expect(empty.stderr).toBe(`${P}rootfs dir not found. is this a valid OrbStack machine export?\n`);
    expect(await s.names()).toEqual(['vm1']);
  });

  it('checks the new name like create does', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'alpine');
    const file = join(s.home, 'vm1.tar.zst');
    await s.ok(['export', 'vm1', file]);
    expect((await s.run(['import', '--name=bad_name', file])).stderr).toBe(
      `${P}invalid machine name 'bad_name'\n`,
    );
    const args = await s.run(['import', file, 'extra']);
    expect(args.stderr).toMatch(/^Error: accepts 1 arg\(s\), received 2\n/);
  });
});
