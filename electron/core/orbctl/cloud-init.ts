/**
 * Cloud-init inside a machine, asked through `orbctl run` as root (docs/orbctl.md#cloud-init):
 * `cloud-init status --long` says `status: running|done|error|disabled|not started` (exit 1 on error, 2 on a
 * recoverable error), and its log is `/var/log/cloud-init-output.log`. Both are read-only questions.
 */
import type { CallOptions } from './invoke';
import type { Orbctl } from './orbctl';

export type CloudInitState = 'running' | 'done' | 'error' | 'disabled' | 'unknown';

export interface CloudInitStatus {
  state: CloudInitState;
  /** The errors cloud-init lists (empty unless it failed). */
  errors: string[];
}

export const CLOUD_INIT_LOG = '/var/log/cloud-init-output.log';
/** Only the end of a long log is kept: where a failure is. */
export const MAX_LOG_CHARS = 256 * 1024;

/** What `cloud-init status --long` printed, and how it exited. */
export function parseCloudInitStatus(stdout: string, exitCode: number | null): CloudInitStatus {
  const word = /^status:\s*(.+?)\s*$/m.exec(stdout)?.[1];
  const errors = [...stdout.matchAll(/^\s*-\s+(.+?)\s*$/gm)]
    .filter((m) => stdout.lastIndexOf('errors:', m.index) !== -1)
    .map((m) => m[1]!);
  const state: CloudInitState =
    word === 'running' || word === 'not started'
      ? 'running'
      : word === 'error' || (word === 'done' && exitCode === 2)
        ? 'error'
        : word === 'done'
          ? 'done'
          : word === 'disabled'
            ? 'disabled'
            : 'unknown';
  return { state, errors: state === 'error' ? errors : [] };
}

/** Runs `line` as root in `machine`, keeping at most `max` characters from the end of its output. */
async function output(
  orbctl: Orbctl,
  machine: string,
  line: string,
  call: CallOptions,
  max: number,
): Promise<{ text: string; exitCode: number | null; truncated: boolean }> {
  let text = '';
  let truncated = false;
  const { exitCode } = await orbctl.runCommand(machine, line, {
    ...call,
    user: 'root',
    onOutput: (stream, chunk) => {
      if (stream !== 'stdout') return;
      text += chunk;
      if (text.length > max) {
        text = text.slice(-max);
        truncated = true;
      }
    },
  });
  return { text, exitCode, truncated };
}

export async function readCloudInitStatus(
  orbctl: Orbctl,
  machine: string,
  call: CallOptions = {},
): Promise<CloudInitStatus> {
  const { text, exitCode } = await output(orbctl, machine, 'cloud-init status --long', call, 64 * 1024);
  return parseCloudInitStatus(text, exitCode);
}

export async function readCloudInitLog(
  orbctl: Orbctl,
  machine: string,
  call: CallOptions = {},
): Promise<{ text: string; truncated: boolean }> {
  const { text, truncated } = await output(orbctl, machine, `cat ${CLOUD_INIT_LOG}`, call, MAX_LOG_CHARS);
  return { text, truncated };
}
