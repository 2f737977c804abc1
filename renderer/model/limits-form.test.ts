import { describe, expect, it } from 'vitest';
import { formFromLimits, limitsChange, limitWords } from './limits-form';

const set = { cpus: 2, memoryMib: 4096, diskBytes: 64 * 1024 ** 3 };
const none = { cpus: null, memoryMib: null, diskBytes: null };

describe('a machine’s limits in the form and in Info', () => {
  it('shows the current values as the form takes them, and as people read them', () => {
    expect(formFromLimits(set)).toEqual({ cpus: '2', memory: '4G', disk: '64G' });
    expect(formFromLimits(none)).toEqual({ cpus: '', memory: '', disk: '' });
    expect(limitWords(set)).toEqual({ cpus: '2', memory: '4 GB', disk: '64 GB' });
    expect(limitWords({ ...none, memoryMib: 512 })).toEqual({
      cpus: 'No limit',
      memory: '512 MB',
      disk: 'No limit',
    });
  });

  it('sends only what changed, and says that a limit cannot be taken away', () => {
    const current = formFromLimits(set);
    expect(limitsChange(current, current)).toEqual({ limits: {}, problem: null });
    expect(limitsChange({ ...current, cpus: '3', memory: '8g' }, current)).toEqual({
      limits: { cpus: 3, memory: '8G' },
      problem: null,
    });
    expect(limitsChange({ ...current, disk: '' }, current).problem).toBe(
      'Disk cannot be set back to no limit here; give a value.',
    );
    expect(limitsChange({ cpus: '', memory: '', disk: '32G' }, formFromLimits(none)).limits).toEqual({
      disk: '32G',
    });
  });
});
