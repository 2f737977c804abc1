import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { OrbctlVersion } from '../../../shared/machine';
import { orbctlEnv, probeFile } from './locate';
import { runProcess } from './run';
import { parseVersionOutput } from './version';

const ANSWER_MS = 5000;

/**
 * Checks that a file the person chose as orbctl answers `version` the way orbctl does (docs/orbctl.md#version-output:
 * `Version: 2.2.0 (2020000)`) before it is saved. It runs in an empty scratch folder with no input, so a program
 * that is not orbctl has nothing to act on there; anything but orbctl's answer refuses the choice.
 */
export async function verifyOrbctl(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): Promise<OrbctlVersion> {
  const refuse = (why: string) =>
    new AppError(ErrorCode.INVALID_INPUT, `'${path}' ${why}, so OrbDeck did not save it as orbctl.`, {
      field: 'path',
      notes: [path],
    });
  if (probeFile(path) !== 'executable') throw refuse('is not a program OrbDeck can run');
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
    }).catch(() => null);
    const version = result?.exitCode === 0 ? parseVersionOutput(result.stdout) : null;
    if (!version || !/^\s*Version:/m.test(result?.stdout ?? '')) {
      throw refuse('did not answer “version” as orbctl does');
    }
    return version;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
