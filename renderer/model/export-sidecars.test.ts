import { describe, expect, it } from 'vitest';
import { pairSidecars } from './export-sidecars';

const f = (name: string) => ({ name });

describe('pairSidecars', () => {
  it('puts an export’s checksum and manifest with it, and leaves other files apart', () => {
    const files = [
      f('web.tar.zst.sha256'),
      f('web.tar.zst'),
      f('notes.txt'),
      f('web.tar.zst.manifest.json'),
      f('db.tar.zst.sha256'),
    ];
    const { exports, others } = pairSidecars(files, [false, true, false, false, false]);
    expect(exports).toEqual([
      { file: f('web.tar.zst'), sidecars: [f('web.tar.zst.sha256'), f('web.tar.zst.manifest.json')] },
    ]);
    // A checksum whose export is not among the files is not an export either.
    expect(others).toEqual([f('notes.txt'), f('db.tar.zst.sha256')]);
  });
});
