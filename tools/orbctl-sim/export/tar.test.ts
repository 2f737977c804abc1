import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TAR_END, TarStreamParser, encodeTarDir, encodeTarFile, encodeTarHeader, type TarEvent } from './tar';

const hasTar = spawnSync('tar', ['--version']).status === 0;

function parse(
  bytes: Buffer,
  step = 512,
): { names: string[]; files: Record<string, string>; ended: boolean } {
  const parser = new TarStreamParser();
  const events: TarEvent[] = [];
  for (let i = 0; i < bytes.length; i += step) events.push(...parser.push(bytes.subarray(i, i + step)));
  const names: string[] = [];
  const files: Record<string, string> = {};
  let current = '';
  for (const e of events) {
    if (e.kind === 'entry') {
      names.push(e.entry.name);
      current = e.entry.name;
      files[current] = '';
    } else if (e.kind === 'data') files[current] += e.chunk.toString();
  }
  return { names, files, ended: parser.complete };
}

describe('tar', () => {
  const archive = Buffer.concat([
    encodeTarFile('_orbstack/v1/config.json', Buffer.from('{"version":1}'), 1_700_000_000),
    encodeTarDir('rootfs', 1_700_000_000),
    encodeTarFile(`rootfs/${'deep/'.repeat(30)}file.txt`, Buffer.from('x'.repeat(700)), 1_700_000_000),
    TAR_END,
  ]);

  it('round-trips entries, long paths and data, in any chunking', () => {
    for (const step of [1, 100, 512, 4096]) {
      const { names, files, ended } = parse(archive, step);
      expect(names).toEqual(['_orbstack/v1/config.json', 'rootfs/', `rootfs/${'deep/'.repeat(30)}file.txt`]);
      expect(files['_orbstack/v1/config.json']).toBe('{"version":1}');
      expect(files[names[2]!]).toHaveLength(700);
      expect(ended).toBe(true);
    }
  });

  it('knows an archive without its end marker is incomplete', () => {
    expect(parse(archive.subarray(0, archive.length - 1024)).ended).toBe(false);
  });

  it('refuses a header with a bad checksum like Go does', () => {
    const bad = Buffer.from(encodeTarHeader({ name: 'a', size: 0, type: '0', mode: 0o644, mtime: 0 }));
    bad[0] = 0x62;
    expect(() => new TarStreamParser().push(bad)).toThrow('archive/tar: invalid tar header');
  });

  it.skipIf(!hasTar)('is readable by the system tar', () => {
    const listing = execFileSync('tar', ['-tf', '-'], { input: archive }).toString().trim().split('\n');
    expect(listing[0]).toBe('_orbstack/v1/config.json');
    expect(listing).toHaveLength(3);
  });

  it.skipIf(!hasTar)('reads PAX and GNU long names written by the system tar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const long = 'n'.repeat(120);
    mkdirSync(join(dir, 'rootfs'));
    writeFileSync(join(dir, 'rootfs', long), 'hello');
    for (const format of ['pax', 'gnu']) {
      const bytes = execFileSync('tar', [`--format=${format}`, '-C', dir, '-cf', '-', 'rootfs']);
      const { names, files } = parse(bytes, 333);
      expect(names).toContain(`rootfs/${long}`);
      expect(files[`rootfs/${long}`]).toBe('hello');
    }
  });
});
