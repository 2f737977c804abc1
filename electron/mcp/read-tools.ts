/** The tools that only read: machines, one machine's details, sandboxes, presets. */
import { z } from 'zod';
import type { MachinesSnapshot } from '../../shared/ipc/types';
import type { MachineInfo } from '../../shared/machine';
import type { Preset } from '../../shared/presets';
import type { SandboxRecord } from '../../shared/sandboxes';
import { json, tool } from './tool-kit';

const machineName = z.string().min(1).max(255).describe('The machine’s name (or its id).');

export const READ_TOOLS = [
  tool({
    name: 'list_machines',
    title: 'List machines',
    description:
      'Every OrbStack machine OrbDeck sees: name, state, distro, architecture, and whether it is isolated. ' +
      'Agents may read every machine; they change sandboxes only (list_sandboxes).',
    input: {},
    readOnly: true,
    channels: ['machines:snapshot'],
    run: async (_args, ctx) => {
      const snapshot = await (await ctx.client()).invoke<MachinesSnapshot>('machines:snapshot', {});
      return json(
        snapshot.machines.map((m) => ({
          name: m.name,
          state: m.state,
          distro: `${m.distro} ${m.version}`,
          arch: m.arch,
          isolated: m.isolated,
        })),
      );
    },
  }),
  tool({
    name: 'machine_info',
    title: 'Machine details',
    description:
      'Everything OrbStack says about one machine: distro, addresses, disk size, default user, id.',
    input: { machine: machineName },
    readOnly: true,
    channels: ['machine:info'],
    run: async ({ machine }, ctx) =>
      json(await (await ctx.client()).invoke<MachineInfo>('machine:info', { name: machine })),
  }),
  tool({
    name: 'list_sandboxes',
    title: 'List sandboxes',
    description:
      'The sandboxes: isolated machines an agent may change. Each has a state (setting-up, saving-golden, ready, ' +
      'no-golden), its golden checkpoint (what reset_sandbox goes back to) and any time limit.',
    input: {},
    readOnly: true,
    channels: ['sandbox:list'],
    run: async (_args, ctx) => {
      const records = await (await ctx.client()).invoke<SandboxRecord[]>('sandbox:list', {});
      return json(records.map(describeSandbox));
    },
  }),
  tool({
    name: 'list_presets',
    title: 'List presets',
    description: 'The person’s presets (saved machine set-ups), by name: create_sandbox can start from one.',
    input: {},
    readOnly: true,
    channels: ['presets:list'],
    run: async (_args, ctx) => {
      const presets = await (await ctx.client()).invoke<Preset[]>('presets:list', {});
      return json(presets.map((p) => ({ name: p.name, distro: p.distro, version: p.version ?? 'latest' })));
    },
  }),
];

export function describeSandbox(r: SandboxRecord) {
  return {
    name: r.name,
    state: r.state,
    golden: r.golden ? new Date(r.golden.savedAt).toISOString() : null,
    ...(r.timeLimit
      ? {
          timeLeftSeconds: Math.max(0, Math.round((r.timeLimit.endsAt - Date.now()) / 1000)),
          whenTimeRunsOut: r.timeLimit.then,
        }
      : {}),
    ...(r.problem ? { problem: r.problem } : {}),
  };
}
