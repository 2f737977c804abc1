import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { OrbctlVersion } from '../../../shared/machine';
import { orbctlEnv, probeFile } from './locate';
import { runProcess } from './run';
import { parseVersionOutput } from './version';

/** How long the program may take to answer `version`. */
const ANSWER_MS = 5000;
/**
 * What it may print while answering: orbctl's answer is two short lines (docs/orbctl.md#version-output). A
 * program that floods its output (`/usr/bin/yes`) is stopped here rather than held in memory.
 */
const ANSWER_MAX_BYTES = 64 * 1024;

/**
 * Why the file at `path` is not an orbctl OrbDeck will run, in words that follow its path ("is not a program
 * OrbDeck can run"), or its version when it answers `version` the way orbctl does (`Version: 2.2.0
 * (2020000)`). It runs in an empty scratch folder with no input, a deadline and a cap on its output, so a
 * program that is not orbctl has nothing to act on there and cannot hold OrbDeck up.
 */
export async function orbctlAnswer(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): Promise<{ version: OrbctlVersion } | { problem: string }> {
  if (probeFile(path) !== 'executable') return { problem: 'is not a program OrbDeck can run' };
  const scratch = await mkdtemp(join(tmpdir(), 'orbdeck-orbctl-check-'));
  try {
    const result = await runProcess({
      file: path,
      args: ['version'],
      env: orbctlEnv(env, home),
      timeoutMs: ANSWER_MS,
      killGraceMs: 1000,
      label: `${path} version`,
      cwd: scratch,
      maxOutputBytes: ANSWER_MAX_BYTES,
    }).catch((error: unknown) => (error instanceof AppError ? error : null));
    if (result instanceof AppError && result.code === ErrorCode.BAD_OUTPUT) {
      return { problem: 'printed far more than orbctl does when asked its “version”' };
    }
    if (result instanceof AppError && result.code === ErrorCode.TIMEOUT) {
      return { problem: `did not answer “version” within ${ANSWER_MS / 1000} s` };
    }
    const answered = result !== null && !(result instanceof AppError) && result.exitCode === 0;
    const version = answered ? parseVersionOutput(result.stdout) : null;
    if (!answered || !version || !/^\s*Version:/m.test(result.stdout)) {
      return { problem: 'did not answer “version” as orbctl does' };
    }
    return { version };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Checks a file the person chose as orbctl (orbctlAnswer) before it is saved; refuses it with the reason. */
export async function verifyOrbctl(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): Promise<OrbctlVersion> {
  const answer = await orbctlAnswer(path, env, home);
  if ('version' in answer) return answer.version;
  throw new AppError(
    ErrorCode.INVALID_INPUT,
    `'${path}' ${answer.problem}, so OrbDeck did not save it as orbctl.`,
    { field: 'path', notes: [path] },
  );
}
