import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/processes';
import { checkPullTarget, placePulled } from './pull-target';

let dir: { path: string; remove: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());
const at = (name: string) => join(dir.path, name);

describe('where a copy out of a machine lands', () => {
  it('refuses a link, a named pipe and a folder at the target, saying what is there', async () => {
    writeFileSync(at('real.txt'), 'x');
    symlinkSync(at('real.txt'), at('link.txt'));
    execFileSync('mkfifo', [at('pipe')]);
    mkdirSync(at('empty'));
    await expect(checkPullTarget(at('link.txt'), true)).rejects.toThrow("'link.txt' is a link, not a file.");
    await expect(checkPullTarget(at('pipe'), true)).rejects.toThrow("'pipe' is a named pipe, not a file.");
    await expect(checkPullTarget(at('empty'), true)).rejects.toThrow("'empty' is a folder with 0 items.");
    expect(readFileSync(at('real.txt'), 'utf8')).toBe('x');
  });

  it('replaces the file the person agreed to replace, and nothing that changed or appeared meanwhile', async () => {
    writeFileSync(at('a.txt'), 'old');
    const agreed = await checkPullTarget(at('a.txt'), true);
    writeFileSync(agreed.partial, 'new');
    expect(await placePulled(agreed)).toEqual({ path: at('a.txt') });
    expect(readFileSync(at('a.txt'), 'utf8')).toBe('new');

    const changed = await checkPullTarget(at('a.txt'), true);
    writeFileSync(at('a.txt'), 'changed by someone else, and longer');
    writeFileSync(changed.partial, 'copy');
    expect(await placePulled(changed)).toEqual({
      path: at('a (2).txt'),
      note: "'a.txt' changed while copying, so nothing was replaced: the copy was saved as 'a (2).txt'.",
    });
    expect(readFileSync(at('a.txt'), 'utf8')).toBe('changed by someone else, and longer');

    const free = await checkPullTarget(at('b.txt'), false);
    mkdirSync(at('b.txt'));
    writeFileSync(free.partial, 'copy');
    expect((await placePulled(free)).path).toBe(at('b (2).txt'));
  });
});
