/**
 * cloud-init inside a simulated machine (docs/simulator.md, "cloud-init"). A machine created with `-c` runs its
 * user data after it has started: `cloud-init status` says `running` until the run is over, then `done`, or
 * `error` when one of its `runcmd` entries is `false` or `exit N` (N > 0), the one way a test can make it fail.
 * The simulator has no daemon, so the run is a planned end time, and its log is written whole at create.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredCloudInit {
  /** Epoch ms when the run ends. */
  ends_at: number;
  result: 'done' | 'error';
  errors: string[];
}

export const CLOUD_INIT_LOG = '/var/log/cloud-init-output.log';
const VERSION = '24.4.1-0ubuntu0~24.04.1';

/** The runcmd entries of simple user data (`runcmd:` then `- item` lines), enough for the simulator. */
function runcmd(userData: string): string[] {
  const lines = userData.split('\n');
  const at = lines.findIndex((l) => /^runcmd:\s*$/.test(l));
  if (at === -1) return [];
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item) items.push(item[1]!.replace(/^\[|\]$/g, '').trim());
    else if (line.trim() !== '' && !line.startsWith(' ')) break;
  }
  return items;
}

/** What the run of `userData` will do, starting at `startsAt` and lasting `durationMs`. */
export function planCloudInit(userData: string, startsAt: number, durationMs: number): StoredCloudInit {
  const failing = runcmd(userData).find((c) => /^(false|exit\s+[1-9]\d*)\b/.test(c));
  return {
    ends_at: startsAt + durationMs,
    result: failing ? 'error' : 'done',
    errors: failing
      ? [`('scripts_user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))`]
      : [],
  };
}

/** `/var/log/cloud-init-output.log` as the run leaves it, in the machine's files. */
export function writeCloudInitLog(rootfs: string, userData: string, plan: StoredCloudInit): void {
  const commands = runcmd(userData);
  const lines = [
    `Cloud-init v. ${VERSION} running 'init' at ${new Date(plan.ends_at - 1000).toUTCString()}.`,
    `Cloud-init v. ${VERSION} running 'modules:config'.`,
    ...commands.flatMap((c) => {
      const code = /^exit\s+(\d+)/.exec(c)?.[1] ?? (c === 'false' ? '1' : null);
      return code
        ? [`+ ${c}`, `Failed running /var/lib/cloud/instance/scripts/runcmd [${code}]`]
        : [`+ ${c}`];
    }),
    ...(plan.result === 'error'
      ? [
          '2026 - cc_scripts_user.py[WARNING]: Failed to run module scripts_user (scripts in /var/lib/cloud/instance/scripts)',
        ]
      : []),
    `Cloud-init v. ${VERSION} finished at ${new Date(plan.ends_at).toUTCString()}. Datasource DataSourceNoCloud. Up 3.21 seconds`,
  ];
  const dir = join(rootfs, 'var', 'log');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cloud-init-output.log'), lines.join('\n') + '\n');
}

/**
 * `cloud-init status [--long] [--wait]` as cloud-init 24 prints it: `status: running|done|error`, exit 0, 0 or
 * 1; `--long` adds the detail and the errors. Answers the exit code; `wait` is told how long to sleep first.
 */
export async function cloudInitStatus(
  plan: StoredCloudInit | undefined,
  args: readonly string[],
  io: { out(text: string): void; err(text: string): void; now(): number; wait(ms: number): Promise<void> },
): Promise<number> {
  if (args[0] !== 'status') {
    io.err(`usage: /usr/bin/cloud-init [-h] [--version] {init,modules,status,...}\n`);
    return 2;
  }
  if (!plan) {
    io.out('status: disabled\n');
    return 0;
  }
  if (args.includes('--wait') && io.now() < plan.ends_at) await io.wait(plan.ends_at - io.now());
  const status = io.now() < plan.ends_at ? 'running' : plan.result;
  io.out(`status: ${status}\n`);
  if (args.includes('--long')) {
    const detail =
      status === 'running'
        ? 'Running in stage: modules-final'
        : 'DataSourceNoCloud [seed=/dev/vdb][dsmode=net]';
    io.out(`extended_status: ${status}\nboot_status_code: enabled-by-generator\ndetail: ${detail}\n`);
    io.out(status === 'error' ? `errors:\n${plan.errors.map((e) => `\t- ${e}\n`).join('')}` : 'errors: []\n');
  }
  return status === 'error' ? 1 : 0;
}
