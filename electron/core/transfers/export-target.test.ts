import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { encodeExportHeader } from '../../../tools/orbctl-sim/export/encode-header';
import { sampleExportConfig } from '../../../test/helpers/export-files';
import { tempDir } from '../../../test/helpers/processes';
import { ExportTargets, type ExportClaim } from './export-target';

let dir: { path: string; remove: () => void };
let home: string;
let targets: ExportTargets;
beforeEach(() => {
  dir = tempDir();
  home = join(dir.path, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  targets = new ExportTargets(home);
});
afterEach(() => dir.remove());

const at = (name: string) => join(dir.path, name);
const anExport = () => encodeExportHeader(sampleExportConfig());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** What orbctl does with the partial file: write the export into it. */
async function exportInto(claim: ExportClaim, bytes = anExport()): Promise<void> {
  await claim.prepare();
  await writeFile(claim.partial, bytes);
}

describe('ExportTargets', () => {
  it('writes a private partial file beside the target and moves it into place when complete', async () => {
    const claim = await targets.claim(at('a.tar.zst'), false);
    expect(claim.partial).toMatch(new RegExp(`^${dir.path}/\\.a\\.tar\\.zst\\.[0-9a-f]{8}\\.partial$`));
    await exportInto(claim);
    expect(statSync(claim.partial).mode & 0o777).toBe(0o600);
    expect(existsSync(at('a.tar.zst'))).toBe(false);
    const landed = await claim.promote();
    expect(landed).toEqual({ path: at('a.tar.zst'), bytes: anExport().length });
    expect(statSync(at('a.tar.zst')).mode & 0o777).toBe(0o600);
    expect(existsSync(claim.partial)).toBe(false);
  });

  it('refuses a second export to a target another export holds, and frees it when the first ends', async () => {
    const first = await targets.claim(at('a.tar.zst'), false);
    const second = await rejection(targets.claim(at('a.tar.zst'), true));
    expect(second.code).toBe('BUSY');
    expect(second.message).toBe(`Another export is already writing '${at('a.tar.zst')}'.`);
    await first.discard();
    await (await targets.claim(at('a.tar.zst'), false)).discard();
  });

  it('two requests for one path at the same moment: exactly one gets it', async () => {
    const results = await Promise.allSettled([
      targets.claim(at('a.tar.zst'), false),
      targets.claim(at('a.tar.zst'), false),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('frees a target whose job ended without running (cancelled while queued)', async () => {
    let active = true;
    const claim = await targets.claim(at('a.tar.zst'), false);
    claim.holdWhile(() => active);
    expect(targets.isClaimed(at('a.tar.zst'))).toBe(true);
    active = false;
    expect(targets.isClaimed(at('a.tar.zst'))).toBe(false);
  });

  it('asks before replacing a file, and replaces only an OrbStack export', async () => {
    writeFileSync(at('old.tar.zst'), anExport());
    expect((await rejection(targets.claim(at('old.tar.zst'), false))).code).toBe('ALREADY_EXISTS');
    const claim = await targets.claim(at('old.tar.zst'), true);
    await exportInto(claim, Buffer.concat([anExport(), Buffer.from('new')]));
    expect(readFileSync(at('old.tar.zst'))).toEqual(anExport());
    expect((await claim.promote()).path).toBe(at('old.tar.zst'));
    expect(readFileSync(at('old.tar.zst')).subarray(-3).toString()).toBe('new');

    writeFileSync(at('notes.tar.zst'), 'my notes');
    const notes = await rejection(targets.claim(at('notes.tar.zst'), true));
    expect(notes.message).toBe(
      "'notes.tar.zst' is not an OrbStack export, so OrbDeck will not replace it. Choose another name.",
    );
    expect(readFileSync(at('notes.tar.zst'), 'utf8')).toBe('my notes');
  });

  it('never replaces a file that appeared, or changed, while exporting: the export gets a free name', async () => {
    const fresh = await targets.claim(at('a.tar.zst'), false);
    await exportInto(fresh);
    writeFileSync(at('a.tar.zst'), 'someone else’s file');
    const landed = await fresh.promote();
    expect(landed.path).toBe(at('a (2).tar.zst'));
    expect(landed.note).toBe(
      "a file named 'a.tar.zst' appeared while exporting, so nothing was replaced: the export was saved as 'a (2).tar.zst'.",
    );
    expect(readFileSync(at('a.tar.zst'), 'utf8')).toBe('someone else’s file');

    writeFileSync(at('b.tar.zst'), anExport());
    const replacing = await targets.claim(at('b.tar.zst'), true);
    await exportInto(replacing);
    writeFileSync(at('b.tar.zst'), Buffer.concat([anExport(), Buffer.from('changed meanwhile')]));
    const second = await replacing.promote();
    expect(second.path).toBe(at('b (2).tar.zst'));
    expect(second.note).toMatch(/^'b.tar.zst' changed while exporting/);
    expect(readFileSync(at('b.tar.zst')).subarray(-17).toString()).toBe('changed meanwhile');
  });

  it('discard removes the partial file and leaves the target as it was', async () => {
    writeFileSync(at('old.tar.zst'), anExport());
    const claim = await targets.claim(at('old.tar.zst'), true);
    await exportInto(claim, Buffer.from('half'));
    await claim.discard();
    expect(existsSync(claim.partial)).toBe(false);
    expect(readFileSync(at('old.tar.zst'))).toEqual(anExport());
  });

  it('refuses names that are not exports, folders, missing folders and places that hold secrets', async () => {
    const cases: Array<[string, string, RegExp]> = [
      [at('a.txt'), 'INVALID_INPUT', /^Export files end in \.tar\.zst: add it to 'a\.txt'\.$/],
      [at('.hidden.tar.zst'), 'INVALID_INPUT', /^Export file names cannot start with “\.”\.$/],
      [at('missing/a.tar.zst'), 'INVALID_INPUT', /does not exist/],
      [join(home, '.ssh', 'a.tar.zst'), 'FORBIDDEN', /^OrbDeck does not write exports into your SSH keys\.$/],
    ];
    mkdirSync(at('dir.tar.zst'));
    cases.push([at('dir.tar.zst'), 'INVALID_INPUT', /is a folder/]);
    // A link that leads into ~/.ssh is judged by where it leads.
    symlinkSync(join(home, '.ssh'), at('innocent'));
    cases.push([at('innocent/a.tar.zst'), 'FORBIDDEN', /your SSH keys/]);
    for (const [path, code, message] of cases) {
      const e = await rejection(targets.claim(path, true));
      expect([path, e.code]).toEqual([path, code]);
      expect(e.message).toMatch(message);
      expect(targets.isClaimed(path)).toBe(false);
    }
  });
});
