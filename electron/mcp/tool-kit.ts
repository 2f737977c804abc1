/**
 * What every tool of the MCP program is built from: its definition (name, words for the agent, input schema,
 * the core channels it calls) and the pieces tools share: waiting for a job with progress, and its words.
 */
import type { z } from 'zod';
import type { IpcChannel } from '../../shared/ipc/contract';
import type { Job } from '../../shared/jobs';
import type { AgentClient } from '../agent-endpoint/client';

export interface ToolContext {
  client(): Promise<AgentClient>;
  /** Aborted when the MCP client cancels the call. */
  signal: AbortSignal;
  /** A line of progress for a client that asked for it. */
  progress(message: string): void;
}

export interface Tool {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  /** Reads only (the MCP readOnlyHint); `destructive`: may delete what it acts on. */
  readOnly: boolean;
  destructive?: boolean;
  /** The core channels it calls: each must be one the core lets agents use (checked by a test). */
  channels: readonly IpcChannel[];
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<string>;
}

/** A tool whose `run` sees its arguments as its schema types them. */
export function tool<S extends z.ZodRawShape>(
  definition: Omit<Tool, 'input' | 'run'> & {
    input: S;
    run(args: z.infer<z.ZodObject<S>>, ctx: ToolContext): Promise<string>;
  },
): Tool {
  return definition as unknown as Tool;
}

/** Waits for a job the tool started, saying each step; a cancelled call cancels the job when it can be. */
export async function waitFor(job: Job, ctx: ToolContext, client: AgentClient): Promise<Job> {
  let said = '';
  const onChange = (j: Job) => {
    const words = j.progress?.step?.words ?? (j.state === 'queued' ? (j.waitingFor ?? 'Waiting') : j.title);
    if (words !== said) ctx.progress((said = words));
  };
  try {
    return await client.finished(job.id, onChange, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted && job.cancellable)
      await client.invoke('jobs:cancel', { id: job.id }).catch(() => {});
    throw error;
  }
}

/** How a finished job ended, in one line, or an Error that says why it did not succeed. */
export function ended(job: Job): string {
  if (job.state === 'succeeded') return job.outcome ?? `${job.title}: done.`;
  if (job.state === 'cancelled') throw new Error(job.outcome ?? `${job.title}: cancelled.`);
  throw new Error(`${job.title} failed: ${job.error?.message ?? 'no reason given'}`);
}

export const json = (value: unknown) => JSON.stringify(value, null, 1);
