// Test data shared by the core's and the renderer's tests (never imported by product code).
import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';

export function testMachine(name: string, state = 'running', extra: Partial<Machine> = {}): Machine {
  return {
    id: `id-${name}`,
    name,
    state,
    distro: 'ubuntu',
    version: 'noble',
    arch: 'arm64',
    variant: 'default',
    isolated: false,
    defaultUser: 'me',
    isDefault: false,
    ...extra,
  };
}

export function testJob(
  machine: string,
  state: Job['state'] = 'running',
  kind: Job['kind'] = 'export',
  extra: Partial<Job> = {},
): Job {
  const verb = kind.charAt(0).toUpperCase() + kind.slice(1);
  return {
    id: `job-${machine}-${kind}`,
    kind,
    machine,
    title: `${verb} ${machine}`,
    state,
    createdAt: 1,
    cancellable: true,
    ...extra,
  };
}
