import { describe, expect, it } from 'vitest';
import { parseMachineLimits } from './parse-config';

describe('parseMachineLimits', () => {
  it('reads each machine’s cpu, memory_mib and disk_bytes from config show, quoted names too', () => {
    const text = [
      'cpu: 8',
      'machine."my.box".memory_mib: 2048',
      'machine.my.box2.cpu: 1',
      'machine.web.cpu: 2',
      'machine.web.disk_bytes: 68719476736',
      'machine.web.memory_mib: 4096',
      'machine.web.username: alice',
      'machine.db.cpu: 0',
      'memory_mib: 8192',
      '',
    ].join('\n');
    const limits = parseMachineLimits(text);
    expect(limits.get('web')).toEqual({ cpus: 2, memoryMib: 4096, diskBytes: 68719476736 });
    expect(limits.get('my.box')).toEqual({ cpus: null, memoryMib: 2048, diskBytes: null });
    expect(limits.get('my.box2')).toEqual({ cpus: 1, memoryMib: null, diskBytes: null });
    // 0 is no limit; global settings are not a machine's.
    expect(limits.has('db')).toBe(false);
    expect([...limits.keys()].sort()).toEqual(['my.box', 'my.box2', 'web']);
  });
});
