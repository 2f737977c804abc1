import { describe, expect, it } from 'vitest';
import { checkImage, checkMachineRef, checkNewName } from './validate';
import { caught } from '../../../test/helpers/processes';

const BAD_NAMES: [string, string][] = [
  ['', 'Enter a name'],
  ['a', 'at least 2'],
  ['my_vm', 'underscores'],
  ['my vm', 'spaces'],
  ['ünïcode', 'accents'],
  ['-rf', 'start with a letter'],
  ['x'.repeat(300), 'at most 63'],
  ['docker', 'reserved'],
  ['default', 'reserved'],
];

describe('new machine names', () => {
  it.each(BAD_NAMES)('refuses %j with INVALID_NAME and a reason', (name, reason) => {
    const e = caught(() => checkNewName(name));
    expect(e.code).toBe('INVALID_NAME');
    expect(e.message).toContain(reason);
    expect(e.detail?.field).toBe('name');
    // A 300-character name is shortened in the message.
    expect(e.message.length).toBeLessThan(200);
  });

  it.each(['ab', 'web-1', 'a.b', 'Dev2'])('accepts %s', (name) => {
    expect(checkNewName(name)).toBe(name);
  });
});

describe('references to existing machines', () => {
  it('use orbctl\'s exact rule: no leading "-", no spaces, no reserved word', () => {
    for (const name of ['', 'a', '-rf', '--all', 'my vm', 'my_vm', 'ünï', 'docker', '$(x)']) {
      expect(caught(() => checkMachineRef(name)).code).toBe('INVALID_NAME');
    }
  });

  it('accept what orbctl accepts even where OrbDeck is stricter for new names (long names, "Docker")', () => {
    expect(checkMachineRef('x'.repeat(80))).toBe('x'.repeat(80));
    expect(checkMachineRef('Docker')).toBe('Docker');
    expect(checkMachineRef('01K2G8TY5GM9C3CN95KCB4ZG8B')).toBe('01K2G8TY5GM9C3CN95KCB4ZG8B');
  });
});

describe('distro words', () => {
  it('take the CLI word and a version', () => {
    expect(checkImage('ubuntu', '22.04').image).toBe('ubuntu:22.04');
    expect(checkImage('rocky').image).toBe('rocky');
    expect(checkImage('centos', '9-Stream').image).toBe('centos:9-Stream');
  });

  it('refuse JSON-side names and unknown words, listing the choices', () => {
    const e = caught(() => checkImage('rockylinux'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('rocky');
    expect(e.detail?.field).toBe('distro');
    expect(caught(() => checkImage('ubuntu', ':noble')).detail?.field).toBe('version');
  });
});
