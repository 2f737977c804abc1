/**
 * The jobs of commands in machines: a command run in a machine (`orbctl run`, its output streamed) and a file copied out of one
 * (`orbctl pull`). Copying in is the push job (transfer-jobs.ts), with a destination folder.
 */
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { runEndWords, type RunAs, type RunRecord } from '../../../shared/inside';
import { shown } from '../../../shared/machine-options';
import type { RunOutputSink } from './run-outputs';
import { placePulled, type PullTarget } from './pull-target';
import type { Orbctl } from '../orbctl';
import type { JobSpec } from '../jobs/job-manager';
import type { MachineSource } from '../jobs/reconcile';
import { honestly } from '../jobs/reconcile';
import { tick } from '../jobs/ticker';

export interface RunJobDeps {
  orbctl: Pick<Orbctl, 'runCommand' | 'pull'>;
  machines: MachineSource;
}

export interface RunRequest {
  machine: string;
  command: string;
  as: RunAs;
  workdir?: string | undefined;
}

/**
 * Runs the command line in the machine's shell, as its default user or root. Output goes to `output` (once the
 * job knows its id) as it comes; a code other than 0 fails the job with COMMAND_FAILED, carrying the code.
 * `record` hears how every run ended, for the per-machine history.
 */
export function runJob(
  req: RunRequest,
  deps: RunJobDeps,
  output: Promise<RunOutputSink>,
  record: (entry: Omit<RunRecord, 'jobId'>) => void,
): JobSpec {
  const { machine, command, as } = req;
  return {
    kind: 'run',
    machine,
    title: `Run “${shown(command.replace(/\s+/g, ' '), 60)}” in ${machine}${as === 'root' ? ' as root' : ''}`,
    run: async (ctx) => {
      const sink = await output;
      const at = Date.now();
      const started = performance.now();
      const base = { command, as, at, ...(req.workdir ? { workdir: req.workdir } : {}) };
      let end = { exitCode: null as number | null, durationMs: 0 };
      try {
        end = await deps.orbctl.runCommand(machine, command, {
          signal: ctx.signal,
          ...(as === 'root' ? { user: 'root' } : {}),
          ...(req.workdir ? { workdir: req.workdir } : {}),
          onOutput: (stream, text) => sink.write({ stream, text }),
          onTimed: (r) => {
            end.durationMs = r.durationMs;
          },
        });
      } catch (error) {
        if (end.durationMs === 0) end.durationMs = performance.now() - started;
        throw error;
      } finally {
        sink.end(end);
        record({ ...base, ...end });
      }
      if (end.exitCode !== 0) {
        throw new AppError(ErrorCode.COMMAND_FAILED, `The command ${runEndWords(end)}.`, {
          exitCode: end.exitCode,
          durationMs: Math.round(end.durationMs),
        });
      }
      return { outcome: `The command ${runEndWords(end)}.` };
    },
  };
}

/**
 * Copies `source` out of the machine into the hidden partial name of `target` (files/pull-target.ts), moved
 * into place only once complete: a failed or cancelled copy never damages what was there, and only the file
 * the person agreed to replace is ever replaced. Progress is the partial file's growth (orbctl says nothing
 * while it copies).
 */
export function pullJob(machine: string, source: string, target: PullTarget, deps: RunJobDeps): JobSpec {
  const { partial } = target;
  return {
    kind: 'pull',
    machine,
    title: `Copy ${basename(source.replace(/\/+$/, '')) || source} from ${machine}`,
    path: target.path,
    scratchFiles: [partial],
    run: (ctx) =>
      honestly(
        deps.machines,
        { happened: null, cancelled: 'Cancelled; nothing was written where you chose.' },
        async () => {
          const stopTicker = tick(async () => {
            const size = (await stat(partial).catch(() => null))?.size;
            if (size !== undefined) ctx.report({ bytesDone: size });
          }, 250);
          try {
            const { bytes } = await deps.orbctl.pull(machine, source, partial, { signal: ctx.signal });
            await stopTicker();
            const placed = await placePulled(target);
            if (placed.path !== target.path) ctx.note({ path: placed.path });
            return { bytes, ...(placed.note ? { outcome: placed.note } : {}) };
          } catch (error) {
            await stopTicker();
            await rm(partial, { recursive: true, force: true });
            throw error;
          }
        },
      ),
  };
}
