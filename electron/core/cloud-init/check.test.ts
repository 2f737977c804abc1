import { describe, expect, it } from 'vitest';
import { MAX_CLOUD_INIT_CHARS } from '../../../shared/machine-options';
import { checkCloudInit } from './check';

const errors = (text: string) => checkCloudInit(text).filter((p) => p.severity === 'error');

describe('basic checks of cloud-init user data', () => {
  it('passes good user data, scripts and the other kinds cloud-init reads, and nothing at all', () => {
    expect(checkCloudInit('#cloud-config\npackages:\n  - git\nruncmd:\n  - echo hi\n  - [ls, -l]\n')).toEqual(
      [],
    );
    expect(checkCloudInit('#!/bin/sh\necho hi\n')).toEqual([]);
    expect(checkCloudInit('#include\nhttps://example.com/x\n')).toEqual([]);
    expect(checkCloudInit('')).toEqual([]);
    expect(checkCloudInit('#cloud-config\n')).toEqual([]);
  });

  it('names the line of what cloud-init would ignore or choke on', () => {
    expect(errors('packages:\n  - git\n')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('#cloud-config') }),
    ]);
    expect(errors('#cloud-config\nruncmd:\n\t- echo hi\n')).toEqual([
      { line: 3, message: 'Tabs are not allowed as indentation', severity: 'error' },
    ]);
    expect(errors('#cloud-config\na: 1\na: 2\n')).toEqual([
      { line: 3, message: 'Map keys must be unique', severity: 'error' },
    ]);
    expect(errors('#cloud-config\nruncmd: [unclosed\n')[0]?.line).toBe(3);
    expect(errors('#cloud-config\n- a\n- b\n')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('The top level must be keys') }),
    ]);
    expect(errors('#cloud-config\npackages: git\n')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('“packages:” must be a list') }),
    ]);
    expect(errors('#cloud-config\nwrite_files:\n  - content: x\n')).toEqual([
      expect.objectContaining({ line: 3, message: 'Each of “write_files:” needs a “path:”.' }),
    ]);
    expect(errors('#cloud-config\n' + 'x'.repeat(MAX_CLOUD_INIT_CHARS))[0]?.message).toMatch(
      /at most 256 KiB/,
    );
  });

  it('warns of a near miss of a known key, and lets it through', () => {
    expect(checkCloudInit('#cloud-config\npackges:\n  - git\n')).toEqual([
      {
        line: 2,
        message: '“packges:” is not a key cloud-init knows: did you mean “packages:”?',
        severity: 'warning',
      },
    ]);
    expect(checkCloudInit('#cloud-config\nmy_own_key: 1\n')).toEqual([]);
  });
});
