import type { Handler } from '../cli/specs';
import { daemonError } from '../failure';
import { findMachine, notFoundError, pickDefault } from '../machines';
import { colorsEnabled, red } from '../output';
import { buildCode, commitHash } from '../version';
import { ensureVm } from '../vm';

/**
 * `orbctl default [NAME]`: prints the default machine, picking (and keeping) the alphabetically first one
 * when none is set; with a name, sets it (docs/orbctl.md#version-output).
 */
export const defaultCommand: Handler = async (ctx, args) => {
  const key = args.positionals[0];
  await ensureVm(ctx);
  const name = await ctx.store.update((state) => {
    if (key === undefined) {
      const current = state.machines.find((m) => m.id === state.default_id) ?? pickDefault(state);
      if (!current) throw daemonError('no machines found');
      state.default_id = current.id;
      return current.name;
    }
    const found = findMachine(state, key, ctx.env.hostArch);
    if (!found) throw notFoundError(key, ctx.env.version);
    if (found.builtin) throw daemonError('cannot set builtin machine as default');
    state.default_id = found.machine.id;
    return null;
  });
  if (name !== null) ctx.output.out(`${name}\n`);
  return 0;
};

/** `orbctl logs NAME [-a]`: a missing machine is reported on stdout with exit 0 (logs.go's quirk). */
export const logs: Handler = async (ctx, args) => {
  const key = args.positionals[0] as string;
  await ensureVm(ctx);
  const found = findMachine(await ctx.store.read(), key, ctx.env.hostArch);
  if (!found) {
    const failure = notFoundError(key, ctx.env.version);
    ctx.output.out(`${red(failure.text, colorsEnabled(ctx.output))}\n`);
    return 0;
  }
  const m = found.machine;
  const at = (offset: number): string => new Date(m.created_at + offset).toISOString();
  const lines: string[] = [];
  if (args.flags.all === true) {
    lines.push(
      'Runtime:',
      `${at(0)} INFO creating machine ${m.name} (${m.image.distro} ${m.image.version} ${m.image.arch})`,
    );
    lines.push(`${at(1200)} INFO machine ${m.name} is ${m.state}`, '', 'Console:');
  }
  lines.push(
    `[    0.000000] Linux version 6.15.11-orbstack-00360-g1f5b5e6ca8a4 (${m.image.arch})`,
    `[    0.412345] systemd[1]: Set hostname to <${m.name}>.`,
    `[    0.873210] systemd[1]: Reached target multi-user.target - Multi-User System.`,
  );
  if (m.state !== 'running') lines.push('[   42.000000] systemd-shutdown[1]: Powering off.');
  ctx.output.out(`${lines.join('\n')}\n`);
  return 0;
};

/** `orbctl ssh`: static instructions (ssh.go). */
export const ssh: Handler = async (ctx) => {
  ctx.output.out(
    [
      'OrbStack runs an SSH server for all machines.',
      '',
      'Connect to the default machine:',
      '    ssh orb',
      'Connect to a specific machine:',
      '    ssh MACHINE@orb',
      'Connect as a specific user:',
      '    ssh USER@MACHINE@orb',
      '',
      'For other apps and IDEs:',
      '    Host: localhost',
      '    Port: 32222',
      '    User: default (or MACHINE, or USER@MACHINE)',
      '    Private key: ~/.orbstack/ssh/id_ed25519',
      '',
    ].join('\n'),
  );
  return 0;
};

/** `orbctl status`: Running (0), Starting (2) or Stopped (1); never starts OrbStack. */
export const status: Handler = async (ctx) => {
  if (ctx.faults.notRunning()) {
    ctx.output.out('Stopped\n');
    return 1;
  }
  const { vm } = await ctx.store.read();
  if (vm.state === 'starting') {
    ctx.output.out('Starting\n');
    return 2;
  }
  if (vm.state === 'stopped') {
    ctx.output.out('Stopped\n');
    return 1;
  }
  ctx.output.out('Running\n');
  return 0;
};

/** `orbctl version`: `Version: X.Y.Z (code)` and `Commit: <sha> (vX.Y.Z)`. */
export const version: Handler = async (ctx) => {
  const v = ctx.env.version;
  ctx.output.out(`Version: ${v.text} (${buildCode(v)})\nCommit: ${commitHash(v)} (v${v.text})\n`);
  return 0;
};
