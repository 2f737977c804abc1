import { describe, expect, it } from 'vitest';
import { parseCloudInitStatus } from './cloud-init';

describe('cloud-init status --long', () => {
  it('reads the states cloud-init prints, and its errors only when it failed', () => {
    expect(parseCloudInitStatus('status: running\nextended_status: running\n', 0)).toEqual({
      state: 'running',
      errors: [],
    });
    expect(parseCloudInitStatus('status: not started\n', 0).state).toBe('running');
    expect(parseCloudInitStatus('status: done\nerrors: []\n', 0).state).toBe('done');
    expect(parseCloudInitStatus('status: disabled\n', 0).state).toBe('disabled');
    expect(
      parseCloudInitStatus(
        "status: error\nextended_status: error\ndetail: DataSourceNoCloud\nerrors:\n\t- ('scripts_user', RuntimeError('x'))\n\t- second\n",
        1,
      ),
    ).toEqual({ state: 'error', errors: ["('scripts_user', RuntimeError('x'))", 'second'] });
  });

  it('calls a recoverable error (done, exit 2) an error, and anything else unknown', () => {
    expect(parseCloudInitStatus('status: done\nextended_status: degraded done\n', 2).state).toBe('error');
    expect(parseCloudInitStatus('', 127).state).toBe('unknown');
    expect(parseCloudInitStatus('bash: cloud-init: command not found\n', 127).state).toBe('unknown');
  });
});
