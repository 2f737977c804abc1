/**
 * The built executable (dist/sim/orbctl-sim.mjs) and a call in the test's own process (in-process.ts) answer
 * alike: most tests run the simulator in-process, so this checks that what they see is what the executable,
 * the one the app and the end-to-end tests start, prints.
 */
import { describe, expect, it } from 'vitest';
import { freshHome, sim, type SimOptions, type SimResult } from '../../test/helpers/sim';

/** A session of calls, each run in both state folders in turn: help, usage errors, state changes, failures. */
const SESSION: Array<[readonly string[], SimOptions?]> = [
  [['--help']],
  [['help', 'create']],
  [['bogus']],
  [['list', '--bogus']],
  [['version']],
  [['status']],
  [['list']],
  [['create', 'alpine', 'a1']],
  [['create', 'alpine', 'a1']],
  [['create', 'ubuntu', 'my_vm']],
  [['create', '--cpus', '2', 'debian', 'd1'], { env: { ORBCTL_SIM_VERSION: '2.1.0' } }],
  [['list', '-f', 'json']],
  [['info', 'a1', '-f', 'json']],
  [['default']],
  [['run', '-m', 'a1', 'sh', '-c', 'echo out; echo err >&2; exit 3']],
  [['run', '-m', 'a1', 'env'], { env: { ORBENV: 'GREETING', GREETING: 'hello' } }],
  [['push', '-m', 'a1', 'missing.txt']],
  [['config', 'set', 'machine.a1.username', 'dev']],
  [['config', 'show']],
  [['stop', 'a1']],
  [['start', 'ghost']],
  [['start', 'a1'], { env: { ORBCTL_SIM_FAULT: 'fail:start:4:[-32098] no room' } }],
  [['export', 'a1', 'a1.tar.zst']],
  [['import', '-n', 'b1', 'a1.tar.zst']],
  [['import', 'nothing-here.tar.zst']],
  [['rename', 'b1', 'c1']],
  [['clone', 'c1', 'c2']],
  [['delete', '-f', 'c1', 'c2']],
  [['logs', 'ghost']],
  [['list'], { env: { ORBCTL_SIM_SPEED: '0' } }],
  [['list'], { env: { ORBCTL_SIM_FAULT: 'explode:list' } }],
  [['stop'], { env: { ORBCTL_SIM_FAULT: 'not-running:vm' } }],
  [['list', '-q']],
];

/** What differs between two state folders by design: ids, addresses, disk sizes, the folder itself, times. */
function comparable(result: SimResult, home: string): SimResult {
  const clean = (text: string) =>
    text
      .replaceAll(home, '<home>')
      .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<ulid>')
      .replace(/\b\d{1,3}(\.\d{1,3}){3}\b/g, '<ip4>')
      .replace(/\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){3,7}\b/g, '<ip6>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
      .replace(/"created_at": \d+/g, '"created_at": <ms>')
      .replace(/"disk_size": \d+/g, '"disk_size": <bytes>')
      .replace(/\b\d+(\.\d+)? ?[KMGT]i?B\b/g, '<size>')
      .replace(/\b\d+ (second|minute)s? ago\b/g, '<ago>');
  return { ...result, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

describe('the executable and an in-process call', () => {
  it('print the same and exit alike through a whole session', { timeout: 120_000 }, async () => {
    const homes = { process: freshHome(), 'in-process': freshHome() } as const;
    for (const [args, options = {}] of SESSION) {
      const seen = await Promise.all(
        (['process', 'in-process'] as const).map(async (launch) =>
          comparable(await sim(homes[launch], args, { ...options, launch }), homes[launch]),
        ),
      );
      expect({ args, ...seen[1] }).toEqual({ args, ...seen[0] });
    }
  });
});
