import { describe, expect, it } from 'vitest';
import { byteCountSI, listText, tabwrite } from './format';
import { parseVersion } from './version';
import type { StoredMachine } from './store/state';

const v = (text: string) => parseVersion(text)!;

describe('text formats (docs/orbctl.md#list-and-info-as-text)', () => {
  it('formats sizes like Go cliutil.ByteCountSI', () => {
    expect(byteCountSI(512)).toBe('512 B');
    expect(byteCountSI(962_924_544)).toBe('962.9 MB');
    expect(byteCountSI(1_200_000_000)).toBe('1.2 GB');
    expect(byteCountSI(1500)).toBe('1.5 kB');
  });

  it('pads columns like tabwriter (padding 2, last column unpadded)', () => {
    expect(
      tabwrite([
        ['NAME', 'STATE'],
        ['ubuntu', 'running'],
      ]),
    ).toBe('NAME    STATE\nubuntu  running\n');
  });

  it('reproduces the 5-column table orbstack#323 pasted from a terminal', () => {
    const m = (name: string, state: string, distro: string, version: string): StoredMachine => ({
      id: name,
      name,
      state,
      image: { distro, version, arch: 'arm64', variant: 'default' },
      config: { isolated: false, default_username: 'u' },
      disk_size: null,
      ip4: '',
      ip6: '',
      created_at: 0,
    });
    const text = listText(
      [
        m('centos', 'stopped', 'centos', '9-Stream'),
        m('openeuler', 'running', 'openeuler', '22.03'),
        m('ubuntu', 'stopped', 'ubuntu', 'jammy'),
      ],
      v('1.9.5'),
      true,
    );
    expect(text).toBe(
      [
        'NAME       STATE    DISTRO     VERSION   ARCH',
        '----       -----    ------     -------   ----',
        'centos     stopped  centos     9-Stream  arm64',
        'openeuler  running  openeuler  22.03     arm64',
        'ubuntu     stopped  ubuntu     jammy     arm64',
        '',
      ].join('\n'),
    );
  });
});
