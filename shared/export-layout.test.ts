import { describe, expect, it } from 'vitest';
import { sniffExport } from './export-layout';

describe('sniffExport', () => {
  const header = Uint8Array.from([0x5c, 0x2a, 0x4d, 0x18, 10, 0, 0, 0, 0xcc, 0x1a, 0xb5, 0x07, 1, 0, 0, 0]);
  it('recognises the OrbStack header bytes of docs/orbctl.md#export-file-layout', () => {
    expect(sniffExport(header)).toBe('export');
  });
  it('refuses other files and plain zstd', () => {
    expect(sniffExport(new TextEncoder().encode('just some text here'))).toBe('not-export');
    expect(sniffExport(Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, ...header.slice(4)]))).toBe('not-export');
  });
  it('cannot tell from a few bytes', () => {
    expect(sniffExport(header.slice(0, 8))).toBe('too-short');
  });
});
