import { describe, expect, it } from 'vitest';
import { parseInfoJson, parseListJson } from './parse';
import { caught as rejects } from '../../../test/helpers/processes';

const record = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '01K2G8TY5GM9C3CN95KCB4ZG8B',
  name: 'web-server',
  image: { distro: 'ubuntu', version: 'jammy', arch: 'arm64', variant: 'default' },
  config: { isolated: false, default_username: 'ubuntu' },
  builtin: false,
  state: 'running',
  ...over,
});

const pretty = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

describe('parseListJson (docs/orbctl.md#list-json)', () => {
  it('normalises a record', () => {
    expect(parseListJson(pretty([record()]))).toEqual([
      {
        id: '01K2G8TY5GM9C3CN95KCB4ZG8B',
        name: 'web-server',
        state: 'running',
        distro: 'ubuntu',
        version: 'jammy',
        arch: 'arm64',
        variant: 'default',
        isolated: false,
        defaultUser: 'ubuntu',
        isDefault: false,
      },
    ]);
  });

  it('accepts an empty list', () => {
    expect(parseListJson('[]\n')).toEqual([]);
  });

  it('ignores unknown fields, keeps unknown states, tolerates a missing config and variant', () => {
    const [m] = parseListJson(
      pretty([
        record({
          state: 'hibernating',
          networking: { mode: 'bridged' },
          image: { distro: 'archlinux', version: 'current', arch: 'amd64', flavour: 'x' },
          config: { isolated: true, default_username: 'me', cpu: 4, memory_mib: 4096 },
        }),
        {
          ...record({ name: 'bare', id: '01K2G8TY5GM9C3CN95KCB4ZG8C' }),
          config: undefined,
          builtin: undefined,
        },
      ]),
    );
    expect(m).toMatchObject({
      state: 'hibernating',
      distro: 'archlinux',
      variant: 'default',
      isolated: true,
    });
    expect(m).not.toHaveProperty('networking');
    expect(parseListJson(pretty([{ ...record(), config: undefined }]))[0]).toMatchObject({
      isolated: false,
      defaultUser: '',
    });
  });

  it('drops the built-in Docker machine should a newer orbctl list it', () => {
    const list = parseListJson(pretty([record(), record({ name: 'docker', builtin: true })]));
    expect(list.map((m) => m.name)).toEqual(['web-server']);
  });

  it('turns bad JSON into BAD_OUTPUT carrying the raw stdout', () => {
    const e = rejects(() => parseListJson('NAME STATE\nubuntu running\n', { argv: ['orbctl', 'list'] }));
    expect(e.code).toBe('BAD_OUTPUT');
    expect(e.detail?.stdout).toBe('NAME STATE\nubuntu running\n');
    expect(e.detail?.argv).toEqual(['orbctl', 'list']);
  });

  it('turns a wrong shape into BAD_OUTPUT naming the field', () => {
    const e = rejects(() => parseListJson(pretty({ machines: [] })));
    expect(e.code).toBe('BAD_OUTPUT');
    expect(rejects(() => parseListJson(pretty([record({ name: 42 })]))).detail?.notes?.join()).toContain(
      '0.name',
    );
  });
});

describe('parseInfoJson (docs/orbctl.md#info-json)', () => {
  it('reads the ≥ 1.10 wrapper with disk size and IPs', () => {
    const info = parseInfoJson(
      pretty({
        record: record(),
        disk_size: 962924544,
        ip4: '198.19.249.76',
        ip6: 'fd07:b51a:cc66:0:b476:dbff:fe73:161e',
      }),
    );
    expect(info).toMatchObject({ name: 'web-server', diskSize: 962924544, ip4: '198.19.249.76' });
    expect(info.ip6).toBe('fd07:b51a:cc66:0:b476:dbff:fe73:161e');
  });

  it('accepts disk_size null and missing IPs (a stopped machine)', () => {
    const info = parseInfoJson(pretty({ record: record({ state: 'stopped' }), disk_size: null }));
    expect(info.diskSize).toBeNull();
    expect(info).not.toHaveProperty('ip4');
    expect(info).not.toHaveProperty('ip6');
  });

  it('reads the pre-1.10 bare record', () => {
    const info = parseInfoJson(pretty(record({ state: 'stopped' })));
    expect(info).toMatchObject({ name: 'web-server', state: 'stopped', diskSize: null });
  });

  it('ignores unknown top-level fields', () => {
    const info = parseInfoJson(pretty({ record: record(), disk_size: 1, limits: { cpus: 2 } }));
    expect(info).not.toHaveProperty('limits');
  });

  it('BAD_OUTPUT for garbage, keeping stdout', () => {
    const e = rejects(() => parseInfoJson('ID: 01K…\nName: x\n'));
    expect(e.code).toBe('BAD_OUTPUT');
    expect(e.detail?.stdout).toBe('ID: 01K…\nName: x\n');
    expect(rejects(() => parseInfoJson(pretty({ record: { name: 'x' } }))).code).toBe('BAD_OUTPUT');
  });
});
