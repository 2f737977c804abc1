import type { ExportedMachine } from '../../shared/export-config';

/** A config as `orbctl export` writes it, for tests. */
export function sampleExportConfig(overrides: Partial<ExportedMachine> = {}): ExportedMachine {
  return {
    version: 1,
    record: {
      id: '01K2G8TY5GM9C3CN95KCB4ZG8B',
      name: 'web-server',
      image: { distro: 'ubuntu', version: 'jammy', arch: 'arm64', variant: 'default' },
      config: { isolated: false, default_username: 'ubuntu' },
      builtin: false,
      state: 'running',
    },
    exported_at: '2025-08-20T10:11:12.123456789Z',
    host_uid: 501,
    host_gid: 20,
    source_fs: 'btrfs',
    subvolumes: [],
    ...overrides,
  };
}
