/**
 * The tools that change something, every one on sandboxes only (the core refuses anything else, whatever this
 * program sends): create, run a command, copy a file in or out, reset, delete; start and stop.
 */
import { z } from 'zod';
import { MAX_COMMAND_LENGTH, type RunOutput } from '../../shared/inside';
import type { Job } from '../../shared/jobs';
import { MAX_CLOUD_INIT_CHARS } from '../../shared/machine-options';
import type { Preset } from '../../shared/presets';
import { MAX_SANDBOX_FILE_BYTES, type SandboxFileContent, type SandboxRecord } from '../../shared/sandboxes';
import { describeSandbox } from './read-tools';
import { ended, json, tool, waitFor } from './tool-kit';

const sandbox = z.string().min(1).max(255).describe('The sandbox’s name.');
const path = z
  .string()
  .min(1)
  .max(4096)
  .describe('A path in the sandbox, relative to its user’s home or absolute.');

export const SANDBOX_TOOLS = [
  tool({
    name: 'create_sandbox',
    title: 'Create a sandbox',
    description:
      'Creates an isolated machine (no access to the Mac’s files) and keeps its state, once its cloud-init is done, ' +
      'as its golden checkpoint: reset_sandbox goes back to it. From a preset by name, or from a distro. Waits ' +
      'until it is ready (at most wait_seconds), then says its state. Optional time limit: it is reset or deleted ' +
      'when the time runs out.',
    input: {
      name: z
        .string()
        .min(2)
        .max(63)
        .optional()
        .describe('A name for the machine; a free one when left out.'),
      preset: z.string().min(1).max(64).optional().describe('Start from this preset (list_presets).'),
      distro: z
        .string()
        .min(2)
        .max(32)
        .optional()
        .describe('e.g. ubuntu, debian, alpine; ubuntu by default.'),
      version: z.string().min(1).max(32).optional(),
      cloud_init: z
        .string()
        .max(MAX_CLOUD_INIT_CHARS)
        .optional()
        .describe('cloud-init user data (#cloud-config).'),
      cpus: z.number().int().min(1).max(64).optional(),
      memory: z.string().max(16).optional().describe('e.g. 4G'),
      disk: z.string().max(16).optional().describe('e.g. 64G'),
      time_limit_minutes: z
        .number()
        .min(1)
        .max(7 * 24 * 60)
        .optional(),
      when_time_runs_out: z.enum(['reset', 'delete']).optional(),
      wait_seconds: z
        .number()
        .int()
        .min(0)
        .max(600)
        .optional()
        .describe('How long to wait for it to be ready (50).'),
    },
    readOnly: false,
    channels: ['presets:list', 'sandbox:create', 'sandbox:create-from-preset', 'sandbox:list'],
    run: async (args, ctx) => {
      const client = await ctx.client();
      const timeLimit = args.time_limit_minutes
        ? { seconds: Math.round(args.time_limit_minutes * 60), then: args.when_time_runs_out ?? 'reset' }
        : undefined;
      let job: Job;
      if (args.preset) {
        const presets = await client.invoke<Preset[]>('presets:list', {});
        const preset = presets.find((p) => p.name === args.preset);
        if (!preset) throw new Error(`There is no preset named “${args.preset}”.`);
        job = await client.invoke<Job>('sandbox:create-from-preset', {
          id: preset.id,
          ...(args.name ? { name: args.name } : {}),
          ...(timeLimit ? { timeLimit } : {}),
        });
      } else {
        job = await client.invoke<Job>('sandbox:create', {
          distro: args.distro ?? 'ubuntu',
          ...(args.name ? { name: args.name } : {}),
          ...(args.version ? { version: args.version } : {}),
          ...(args.cloud_init ? { cloudInit: args.cloud_init } : {}),
          ...(args.cpus ? { cpus: args.cpus } : {}),
          ...(args.memory ? { memory: args.memory } : {}),
          ...(args.disk ? { disk: args.disk } : {}),
          ...(timeLimit ? { timeLimit } : {}),
        });
      }
      const name = job.machine;
      ended(await waitFor(job, ctx, client));
      ctx.progress(`Waiting for ${name} to be set up and its golden checkpoint saved`);
      const now = await client.invoke<SandboxRecord[]>('sandbox:list', {});
      const settled = (r: SandboxRecord) => r.state === 'ready' || r.state === 'no-golden';
      const record = await client.untilSandbox(name, now, settled, (args.wait_seconds ?? 50) * 1000);
      if (!record)
        return `${name} was created and is still being set up: list_sandboxes says when it is ready.`;
      return json(describeSandbox(record));
    },
  }),
  tool({
    name: 'run_in_sandbox',
    title: 'Run a command in a sandbox',
    description:
      'Runs a command line in the sandbox’s shell (sh -c), as its default user or root, and answers its exit ' +
      'code and output (the last 256 KB). Stopped after timeout_seconds.',
    input: {
      sandbox,
      command: z.string().min(1).max(MAX_COMMAND_LENGTH),
      as_root: z.boolean().optional(),
      workdir: path.optional(),
      timeout_seconds: z.number().int().min(1).max(3600).optional().describe('120 by default.'),
    },
    readOnly: false,
    channels: ['machine:run', 'run:output', 'jobs:cancel', 'jobs:list'],
    run: async (args, ctx) => {
      const client = await ctx.client();
      const job = await client.invoke<Job>('machine:run', {
        name: args.sandbox,
        command: args.command,
        as: args.as_root ? 'root' : 'default',
        ...(args.workdir ? { workdir: args.workdir } : {}),
      });
      const timeout = AbortSignal.timeout((args.timeout_seconds ?? 120) * 1000);
      const signal = AbortSignal.any([ctx.signal, timeout]);
      let done: Job;
      try {
        done = await waitFor(job, { ...ctx, signal }, client);
      } catch (error) {
        if (!timeout.aborted) throw error;
        done = await client.finished(job.id);
      }
      const output = await client.invoke<RunOutput | null>('run:output', { id: job.id });
      const text = (stream: 'stdout' | 'stderr') =>
        (output?.chunks ?? [])
          .filter((c) => c.stream === stream)
          .map((c) => c.text)
          .join('');
      const code = output?.end?.exitCode;
      const head =
        code === null || code === undefined
          ? `The command was stopped (${timeout.aborted ? 'it ran out of time' : done.state}).`
          : `exit code: ${code}`;
      return `${head}\n\nstdout:\n${text('stdout')}\nstderr:\n${text('stderr')}`;
    },
  }),
  tool({
    name: 'copy_into_sandbox',
    title: 'Write a file in a sandbox',
    description: `Writes a file in the sandbox from its content: text, or base64 for bytes (at most ${MAX_SANDBOX_FILE_BYTES / 1024 / 1024} MiB).`,
    input: {
      sandbox,
      path,
      text: z.string().max(MAX_SANDBOX_FILE_BYTES).optional(),
      base64: z
        .string()
        .max(Math.ceil(MAX_SANDBOX_FILE_BYTES / 3) * 4)
        .optional(),
    },
    readOnly: false,
    channels: ['sandbox:write-file'],
    run: async (args, ctx) => {
      if ((args.text === undefined) === (args.base64 === undefined))
        throw new Error('Give text or base64, not both.');
      const base64 = args.base64 ?? Buffer.from(args.text!, 'utf8').toString('base64');
      const client = await ctx.client();
      const job = await client.invoke<Job>('sandbox:write-file', {
        name: args.sandbox,
        path: args.path,
        base64,
      });
      return ended(await waitFor(job, ctx, client));
    },
  }),
  tool({
    name: 'copy_from_sandbox',
    title: 'Read a file in a sandbox',
    description: `Reads a file of the sandbox (at most ${MAX_SANDBOX_FILE_BYTES / 1024 / 1024} MiB): as text when it is UTF-8 text, else as base64.`,
    input: { sandbox, path },
    readOnly: true,
    channels: ['sandbox:read-file', 'sandbox:file-content'],
    run: async (args, ctx) => {
      const client = await ctx.client();
      const job = await client.invoke<Job>('sandbox:read-file', { name: args.sandbox, path: args.path });
      ended(await waitFor(job, ctx, client));
      const file = await client.invoke<SandboxFileContent>('sandbox:file-content', { id: job.id });
      const bytes = Buffer.from(file.base64, 'base64');
      const text = bytes.toString('utf8');
      const isText = !text.includes('\uFFFD') && !text.includes('\0');
      return isText ? text : `(${file.bytes} bytes, not text; base64:)\n${file.base64}`;
    },
  }),
  tool({
    name: 'reset_sandbox',
    title: 'Reset a sandbox',
    description: 'Puts the sandbox back to its golden checkpoint: everything changed since is gone.',
    input: { sandbox },
    readOnly: false,
    destructive: true,
    channels: ['sandbox:reset'],
    run: async (args, ctx) => {
      const client = await ctx.client();
      return ended(
        await waitFor(await client.invoke<Job>('sandbox:reset', { name: args.sandbox }), ctx, client),
      );
    },
  }),
  tool({
    name: 'delete_sandbox',
    title: 'Delete a sandbox',
    description: 'Deletes the sandbox and its golden checkpoint. Only sandboxes can be deleted.',
    input: { sandbox },
    readOnly: false,
    destructive: true,
    channels: ['sandbox:delete'],
    run: async (args, ctx) => {
      const client = await ctx.client();
      return ended(
        await waitFor(await client.invoke<Job>('sandbox:delete', { name: args.sandbox }), ctx, client),
      );
    },
  }),
  ...(['start', 'stop'] as const).map((action) =>
    tool({
      name: `${action}_machine`,
      title: action === 'start' ? 'Start a machine' : 'Stop a machine',
      description:
        `${action === 'start' ? 'Starts' : 'Stops'} a sandbox; other machines only where OrbDeck’s Settings ` +
        'let agents start and stop every machine.',
      input: { machine: z.string().min(1).max(255) },
      readOnly: false,
      channels: [`machine:${action}`],
      run: async (args, ctx) => {
        const client = await ctx.client();
        const job = await client.invoke<Job>(`machine:${action}`, { name: args.machine });
        return ended(await waitFor(job, ctx, client));
      },
    }),
  ),
];
