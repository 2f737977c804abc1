import { readFileSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors';
import { ALL_CHANNELS, CONTRACT, type IpcChannel } from '../../../shared/ipc/contract';
import { createCore } from '../app-core';
import { tempDir } from '../../../test/helpers/processes';

/**
 * Seeded fuzzing of the whole router of a real core: every channel gets thousands of payloads made from a valid
 * example by mutation (wrong types, missing and unknown keys, huge and hostile strings, prototype keys, other
 * shapes altogether). The contract's own schema is the oracle: what it refuses must be answered INVALID_INPUT
 * and must never reach orbctl; everything else must still be answered with a well-formed envelope, never an
 * unexpected error. Rerun a failure with ORBDECK_FUZZ_SEED=<the seed printed>.
 */
const SEED = Number(process.env.ORBDECK_FUZZ_SEED ?? 20261201);
const PAYLOADS = Number(process.env.ORBDECK_FUZZ_COUNT ?? 12_000);

/** mulberry32: small, fast and the same everywhere for a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One valid request per channel; `satisfies` makes a new channel without an example a compile error. */
const EXAMPLES = {
  ['app:info']: {},
  ['orbctl:status']: {},
  ['app:visibility']: { visible: true },
  ['orbstack:start']: {},
  ['orbctl:choose']: { path: '/nowhere/orbctl' },
  ['settings:get']: {},
  ['settings:set']: { pollIntervalMs: 5000, notifications: false },
  ['notices:list']: {},
  ['notices:dismiss']: { id: 'notice-abc-1' },
  ['machines:snapshot']: {},
  ['machines:refresh']: {},
  ['machines:read-after']: { jobIds: ['job-abc-1'] },
  ['machine:info']: { name: 'ubuntu' },
  ['machine:logs']: { name: 'ubuntu', all: true },
  ['machine:limits']: { name: 'ubuntu' },
  ['machine:ssh']: { name: 'ubuntu' },
  ['machine:set-user']: { name: 'ubuntu', user: 'dev' },
  ['machine:open']: { name: 'ubuntu', target: 'terminal' },
  ['machine:start']: { name: 'ubuntu' },
  ['machine:stop']: { name: 'ubuntu' },
  ['machine:restart']: { name: 'ubuntu' },
  ['machine:create']: { distro: 'ubuntu', version: 'noble', name: 'box', arch: 'arm64', cpus: 2 },
  ['machine:delete']: { name: 'ubuntu' },
  ['machine:rename']: { name: 'ubuntu', newName: 'box' },
  ['machine:set-default']: { name: 'ubuntu' },
  ['machine:set-limits']: { name: 'ubuntu', cpus: 2, memory: '4G' },
  ['machine:clone']: { name: 'ubuntu', newName: 'box' },
  ['machine:export']: { name: 'ubuntu', path: '/nowhere/u.tar.zst', overwrite: false },
  ['machine:export-suggest']: { name: 'ubuntu' },
  ['machine:import']: { path: '/nowhere/u.tar.zst', name: 'box' },
  ['machine:push']: { name: 'ubuntu', paths: ['/nowhere/a.txt'] },
  ['import:inspect']: { path: '/nowhere/u.tar.zst' },
  ['machine:export-bundle']: { names: ['ubuntu'], folder: '/nowhere' },
  ['import:inspect-folder']: { path: '/nowhere' },
  ['jobs:list']: {},
  ['jobs:cancel']: { id: 'job-abc-1' },
  ['jobs:history']: {},
  ['jobs:history-clear']: {},
  ['jobs:history-export']: { format: 'csv' },
  ['desktop:pick-export-path']: { defaultPath: '/nowhere/u.tar.zst' },
  ['desktop:pick-files']: { purpose: 'import' },
  ['desktop:show-item']: { path: '/nowhere/u.tar.zst' },
  ['desktop:context-menu']: { items: [{ id: 'start', label: 'Start', enabled: true }] },
  ['desktop:pick-export-folder']: { names: ['ubuntu'] },
  ['upload:discard']: { path: '/nowhere/upload' },
  ['machines:visible']: { names: ['ubuntu', 'web'] },
  ['setup:list']: {},
  ['userdata:read']: { path: '/nowhere/user-data.yaml' },
  ['userdata:check']: { text: '#cloud-config\nruncmd:\n  - echo hi\n' },
  ['setup:log']: { name: 'ubuntu' },
  ['setup:dismiss']: { name: 'ubuntu' },
  ['export:verify']: { path: '/nowhere/u.tar.zst', token: 'v-1' },
  ['export:verify-cancel']: { token: 'v-1' },
  ['checkpoint:list']: {},
  ['checkpoint:save']: { name: 'ubuntu', label: 'before upgrade' },
  ['checkpoint:revert']: { checkpoint: 'ubuntu--cp-20261201-101500' },
  ['checkpoint:delete']: { checkpoint: 'ubuntu--cp-20261201-101500' },
  ['machine:run']: { name: 'ubuntu', command: 'uname -a', as: 'default', workdir: '/tmp' },
  ['run:output']: { id: 'job-abc-1' },
  ['run:history']: { name: 'ubuntu' },
  ['machine:pull']: { name: 'ubuntu', source: 'notes.txt', path: '/nowhere/notes.txt' },
  ['desktop:pick-save-path']: { defaultPath: '/nowhere/notes.txt', purpose: 'pull' },
  ['machine:open-web']: { name: 'ubuntu' },
  ['link:open']: { url: 'orbdeck://machine/ubuntu' },
  ['machine:pull-suggest']: { name: 'ubuntu', source: 'notes.txt' },
  ['presets:list']: {},
  ['presets:save']: { name: 'Web', distro: 'ubuntu', memory: '4G' },
  ['presets:duplicate']: { id: 'preset-abc-1' },
  ['presets:delete']: { id: 'preset-abc-1' },
  ['presets:export']: {},
  ['presets:preview']: { text: '{"orbdeck":"presets","version":1,"presets":[]}' },
  ['presets:import']: { text: '{}' },
  ['machine:create-from-preset']: { id: 'preset-abc-1' },
  ['usage:watch']: { machine: 'ubuntu', view: 'usage', rows: ['ubuntu', 'web'] },
  ['machine:usage']: { name: 'ubuntu' },
  ['machine:largest-folders']: { name: 'ubuntu', path: '/var' },
  ['machine:show-files']: { name: 'ubuntu' },
  ['sandbox:list']: {},
  ['sandbox:create']: { distro: 'ubuntu', name: 'sandbox', timeLimit: { seconds: 3600, then: 'reset' } },
  ['sandbox:create-from-preset']: { id: 'preset-abc-1', timeLimit: { seconds: 600, then: 'delete' } },
  ['sandbox:reset']: { name: 'ubuntu' },
  ['sandbox:delete']: { name: 'ubuntu' },
  ['sandbox:save-golden']: { name: 'ubuntu' },
  ['sandbox:extend']: { name: 'ubuntu', seconds: 3600 },
  ['sandbox:set-time-limit']: { name: 'ubuntu', timeLimit: null },
  ['sandbox:write-file']: { name: 'ubuntu', path: 'notes.txt', base64: 'aGVsbG8=' },
  ['sandbox:read-file']: { name: 'ubuntu', path: 'notes.txt' },
  ['sandbox:file-content']: { id: 'job-abc-1' },
  ['policy:list']: {},
  ['policy:set']: { name: 'ubuntu', startWithApp: true },
  ['policy:start-all']: {},
  ['policy:stop-all']: {},
} satisfies Record<IpcChannel, Record<string, unknown>>;

const HOSTILE = [
  '',
  ' ',
  '-rf',
  '--help',
  '-',
  '..',
  '../../etc/passwd',
  '/etc/shadow',
  '~/.ssh/id_rsa',
  'a\0b',
  'line\nbreak',
  'tab\there',
  '\u202egnp.exe',
  '\u2066x\u2069',
  'ünïcödé',
  '😀',
  '$(reboot)',
  '`id`',
  '; rm -rf /',
  '|',
  "'",
  '"',
  '\\',
  'grant:AAAAAAAAAAAAAAAAAAAAAA',
  'job-',
  'docker',
  'default',
  'NaN',
  'null',
  '{}',
];

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  /** A string that carries `token`, so a refused payload can be traced if it ever reached orbctl. */
  const str = (token: string): string => {
    switch (int(6)) {
      case 0:
        return `${pick(HOSTILE)}${token}`;
      case 1:
        return `${token}${'x'.repeat(int(2) ? 300 : 70_000)}`;
      case 2:
        return `-${token}`;
      case 3:
        return `/${token}/${pick(HOSTILE)}`;
      case 4:
        return `${token}${String.fromCharCode(int(0x10000))}`;
      default:
        return `${token}`;
    }
  };
  const value = (token: string, depth = 0): unknown => {
    switch (int(depth > 2 ? 7 : 10)) {
      case 0:
        return str(token);
      case 1:
        return pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 65_536, 1000]);
      case 2:
        return next() < 0.5;
      case 3:
        return null;
      case 4:
        return undefined;
      case 5:
        return pick([Number.NaN, Number.POSITIVE_INFINITY]);
      case 6:
        return str(token);
      case 7:
        return [value(token, depth + 1), value(token, depth + 1)];
      case 8:
        return { [str(token)]: value(token, depth + 1) };
      default:
        return JSON.parse(`{"__proto__": {"polluted": "${token}"}, "constructor": {"prototype": 1}}`);
    }
  };
  const mutate = (example: Record<string, unknown>, token: string): unknown => {
    const keys = Object.keys(example);
    switch (int(8)) {
      case 0:
        return value(token);
      case 1: {
        if (keys.length === 0) return { [str(token)]: value(token) };
        const copy = { ...example };
        delete copy[pick(keys)];
        return copy;
      }
      case 2:
        return { ...example, [pick([str(token), '__proto__', 'constructor', 'prototype'])]: value(token) };
      case 3:
        return [example];
      default: {
        const copy: Record<string, unknown> = { ...example };
        for (const key of keys) if (next() < 0.6) copy[key] = value(token);
        return copy;
      }
    }
  };
  return { int, pick, mutate, str, next };
}

describe('the router under fuzzing', () => {
  const dir = tempDir('orbdeck-fuzz-');
  afterAll(() => dir.remove());

  it(`answers ${PAYLOADS} generated payloads over every channel with an envelope, and orbctl never sees a refused one`, async () => {
    // A fake orbctl that answers at once and writes down every argv, so the test can see what reached it.
    const log = join(dir.path, 'orbctl-calls.log');
    const orbctl = join(dir.path, 'orbctl');
    writeFileSync(
      orbctl,
      [
        '#!/bin/sh',
        `printf '%s\\n' "$*" >> '${log}'`,
        'case "$1" in',
        '  version) echo "Version: 2.2.0 (2020000)"; exit 0 ;;',
        '  list) echo "[]"; exit 0 ;;',
        'esac',
        `echo "[-32098] machine not found: 'x'" >&2`,
        'exit 1',
      ].join('\n'),
    );
    chmodSync(orbctl, 0o755);
    const core = createCore({
      version: 'fuzz',
      dataDir: join(dir.path, 'data'),
      demo: false,
      env: { PATH: process.env.PATH, HOME: dir.path, ORBDECK_ORBCTL: orbctl },
    });
    await core.machines.settledSnapshot();
    core.machines.stop();
    const gen = generator(SEED);
    const refusedTokens: string[] = [];
    const counts = { refused: 0, accepted: 0, unknownChannel: 0 };
    const problems: string[] = [];
    for (let i = 0; i < PAYLOADS; i++) {
      const token = `fz${i}q`;
      const unknown = gen.int(40) === 0;
      const channel = unknown ? gen.str(token) : gen.pick(ALL_CHANNELS);
      const example = unknown ? {} : (EXAMPLES[channel as IpcChannel] as Record<string, unknown>);
      const payload = gen.int(10) === 0 ? example : gen.mutate(example, token);
      const result = await core.router.invoke(channel, payload, { transport: 'headless' });
      const wellFormed =
        typeof result === 'object' &&
        result !== null &&
        (result.ok === true
          ? 'data' in result
          : typeof result.error?.message === 'string' &&
            Object.values(ErrorCode).includes(result.error.code));
      if (!wellFormed) problems.push(`#${i} ${String(channel)}: not an envelope: ${JSON.stringify(result)}`);
      if (!result.ok && result.error.code === ErrorCode.INTERNAL)
        problems.push(`#${i} ${String(channel)}: unexpected error: ${result.error.message}`);
      if (unknown) {
        counts.unknownChannel++;
        if (result.ok || result.error.code !== ErrorCode.UNKNOWN_CHANNEL)
          problems.push(`#${i}: an unknown channel was not refused`);
        continue;
      }
      const schemaSays = CONTRACT[channel as IpcChannel].request.safeParse(payload ?? {}).success;
      if (!schemaSays) {
        counts.refused++;
        refusedTokens.push(token);
        if (result.ok || result.error.code !== ErrorCode.INVALID_INPUT)
          problems.push(
            `#${i} ${String(channel)}: the schema refuses it but the router answered ${JSON.stringify(result).slice(0, 200)}`,
          );
      } else counts.accepted++;
    }
    await Promise.race([core.jobs.whenIdle(), new Promise((r) => setTimeout(r, 20_000))]);
    await core.dispose();
    const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    const reached = new Set(refusedTokens.filter((t) => calls.some((c) => c.includes(t))));
    console.log(
      `[fuzz] seed ${SEED}: ${PAYLOADS} payloads over ${ALL_CHANNELS.length} channels — ` +
        `${counts.refused} refused by the contract, ${counts.accepted} accepted, ${counts.unknownChannel} to unknown channels; ` +
        `${calls.filter(Boolean).length} orbctl calls, ${reached.size} from refused payloads`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...reached]).toEqual([]);
    // Nothing a payload said became a flag: every argument orbctl got that came from a payload is not an option.
    const injected = calls.filter((c) => /(^| )-[^ ]*fz\d+q/.test(c));
    expect(injected).toEqual([]);
    expect(counts.refused).toBeGreaterThan(PAYLOADS / 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 300_000); // a hang guard: about 45 s on 2 busy cores, twice that when the whole suite shares them
});
