import { describe, expect, it } from 'vitest';
import { demoExportNote } from './demo-exports';

describe('demoExportNote', () => {
  it('says in the demo how big the files the simulator writes are, and nothing outside it', () => {
    expect(demoExportNote(0.01)).toBe(
      'Demo: the simulator writes a stand-in file, about 100 times smaller than a real export of this machine.',
    );
    expect(demoExportNote(1)).toBe(
      'Demo: the simulator writes a file as big as a real export of this machine would be.',
    );
    expect(demoExportNote(undefined)).toBeNull();
  });
});
