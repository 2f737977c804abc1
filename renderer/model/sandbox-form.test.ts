import { describe, expect, it } from 'vitest';
import { distroByCli } from '../../shared/distros';
import type { OrbctlCapabilities } from '../../shared/machine';
import { sandboxRequest, type SandboxForm } from './sandbox-form';

const caps: OrbctlCapabilities = {
  version: '2.2.0',
  clone: true,
  export: true,
  import: true,
  isolated: true,
  resourceLimits: true,
};
const form: SandboxForm = {
  preset: '',
  distro: 'ubuntu',
  version: '',
  arch: '',
  name: 'sandbox',
  user: '',
  cloudInit: '#cloud-config\n',
  isolated: false,
  cpus: '2',
  memory: '4g',
  disk: '',
  timeLimit: 3600,
  then: 'delete',
};
const ubuntu = distroByCli('ubuntu')!;

describe('the New Sandbox sheet', () => {
  it('asks for an isolated machine with its limits, cloud-init and time limit', () => {
    expect(sandboxRequest(form, ubuntu, caps)).toEqual({
      problem: null,
      request: {
        channel: 'sandbox:create',
        request: {
          distro: 'ubuntu',
          name: 'sandbox',
          cloudInit: '#cloud-config\n',
          cpus: 2,
          memory: '4G',
          timeLimit: { seconds: 3600, then: 'delete' },
        },
      },
    });
    expect(sandboxRequest({ ...form, timeLimit: 0 }, ubuntu, caps).request?.request).not.toHaveProperty(
      'timeLimit',
    );
  });

  it('starts from a preset when one is chosen, and refuses an OrbStack without isolated machines', () => {
    expect(sandboxRequest({ ...form, preset: 'preset-web-1' }, ubuntu, caps).request).toEqual({
      channel: 'sandbox:create-from-preset',
      request: { id: 'preset-web-1', name: 'sandbox', timeLimit: { seconds: 3600, then: 'delete' } },
    });
    expect(sandboxRequest(form, ubuntu, { ...caps, isolated: false, version: '2.0.5' }).problem).toBe(
      'A sandbox is an isolated machine: that needs OrbStack 2.1 or newer (this is 2.0.5).',
    );
    expect(sandboxRequest({ ...form, cpus: 'many' }, ubuntu, caps).problem).toMatch(/CPU/);
  });
});
