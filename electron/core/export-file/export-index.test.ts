import { describe, expect, it } from 'vitest';
import { indexText, parseIndex } from './export-index';

const entry = {
  machine: 'web',
  file: 'web-20261202-101500.tar.zst',
  distro: 'ubuntu',
  distroVersion: 'noble',
  arch: 'arm64',
  state: 'exported' as const,
  size: 10,
  sha256: 'a'.repeat(64),
};
const index = {
  format: 'orbdeck-export-index' as const,
  version: 1 as const,
  updatedAt: 'now',
  machines: [entry],
};

describe('orbdeck-index.json', () => {
  it('reads back what it writes', () => {
    expect(parseIndex(indexText(index))).toEqual(index);
  });

  it('is not an index when an entry names a path, a hidden file or a bad checksum, or the text is not one', () => {
    for (const file of ['../web.tar.zst', '/etc/passwd', 'a/b.tar.zst', '.hidden.tar.zst', '', '..'])
      expect(parseIndex(JSON.stringify({ ...index, machines: [{ ...entry, file }] })), file).toBeNull();
    expect(parseIndex(JSON.stringify({ ...index, machines: [{ ...entry, sha256: 'xyz' }] }))).toBeNull();
    // Names and reasons people read: no newline, escape or right-to-left override may change how they read.
    for (const change of [
      { machine: 'web\nok' },
      { file: 'invoice\u202Eopm.tar.zst' },
      { distro: '\u001b[2Jubuntu' },
      { state: 'failed', reason: 'fine\u2066hidden\u2069' },
    ])
      expect(
        parseIndex(JSON.stringify({ ...index, machines: [{ ...entry, ...change }] })),
        JSON.stringify(change),
      ).toBeNull();
    expect(parseIndex(JSON.stringify({ ...index, machines: [{ ...entry, state: 'done' }] }))).toBeNull();
    expect(parseIndex(JSON.stringify({ ...index, version: 2 }))).toBeNull();
    expect(parseIndex(JSON.stringify({ ...index, machines: Array(1001).fill(entry) }))).toBeNull();
    for (const text of ['', 'null', '[]', '{"mine": true}', '{"format":"orbdeck-export-index"'])
      expect(parseIndex(text)).toBeNull();
  });
});
