import { describe, expect, it } from 'vitest';
import { freeMachineName, isValidMachineName, machineNameProblem } from './names';

describe('machine names follow orbctl (docs/orbctl.md#names)', () => {
  it.each(['ab', 'ubuntu', 'web-1', 'a.b', 'Dev2', '9lives'])('accepts %s', (name) => {
    expect(isValidMachineName(name)).toBe(true);
  });

  it.each([
    ['', 'Enter a name.'],
    ['a', 'at least 2'],
    ['_x', 'no spaces, underscores'],
    ['-rf', 'start with a letter'],
    ['my_vm', 'no spaces, underscores'],
    ['my vm', 'no spaces, underscores'],
    ['ünï', 'accents'],
    ['x'.repeat(300), 'at most 63'],
    ['docker', 'reserved'],
    ['default', 'reserved'],
    ['K8s', 'reserved'],
  ])('refuses %j with a reason', (name, reason) => {
    expect(machineNameProblem(name)).toContain(reason);
  });

  it('proposes a free variant of a taken name', () => {
    expect(freeMachineName('ubuntu', [])).toBe('ubuntu');
    expect(freeMachineName('ubuntu', ['ubuntu', 'ubuntu-2'])).toBe('ubuntu-3');
    expect(freeMachineName('my_vm', [])).toBe('my-vm');
    expect(isValidMachineName(freeMachineName('docker', ['docker']))).toBe(true);
  });
});
