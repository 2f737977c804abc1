import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/presets';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';
import { readDataFile } from './data-file';

disposeCoresAfterEach();

const numbers = (raw: unknown) =>
  Array.isArray(raw)
    ? {
        value: raw.filter((n) => typeof n === 'number'),
        leftOut: raw.some((n) => typeof n !== 'number') ? ['something that is not a number'] : [],
      }
    : null;

describe('reading a file of the data folder', () => {
  it('keeps a damaged file, or one with entries left out, under a new name, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbdeck-data-'));
    const file = join(dir, 'numbers.json');
    expect(readDataFile(file, 'the numbers', numbers)).toEqual({ value: null, problem: null });

    writeFileSync(file, '[1, 2');
    const broken = readDataFile(file, 'the numbers', numbers);
    expect(broken.value).toBeNull();
    expect(broken.problem).toMatch(
      /^numbers\.json was not valid JSON, so the numbers start empty; the damaged file was kept as numbers\.json\.bad-\d{8}-\d{6}$/,
    );
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, '{"a": 1}');
    expect(readDataFile(file, 'the numbers', numbers).problem).toMatch(
      /^numbers\.json did not hold the numbers as OrbDeck keeps them, so they start empty; the damaged file was kept as numbers\.json\.bad-\d{8}-\d{6}-2$/,
    );

    writeFileSync(file, '[1, "x", 3]');
    const partly = readDataFile(file, 'the numbers', numbers, undefined, (v) => JSON.stringify(v));
    expect(partly.value).toEqual([1, 3]);
    expect(partly.problem).toMatch(
      /^numbers\.json: left out something that is not a number; the file as it was is kept as numbers\.json\.bad-\d{8}-\d{6}-3$/,
    );
    // Kept aside as it was, and rewritten with what was kept: the next read has nothing more to say.
    expect(
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((n) => n.endsWith('-3'))!,
        ),
        'utf8',
      ),
    ).toBe('[1, "x", 3]');
    expect(readDataFile(file, 'the numbers', numbers)).toEqual({ value: [1, 3], problem: null });
    expect(readdirSync(dir)).toHaveLength(4);
  });
});

describe('a core started on damaged files', () => {
  it('says each once, keeps each under a new name, and keeps at most 200 presets', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-damaged-'));
    const preset = (i: number) => ({ id: `preset-p${i}`, name: `P${i}`, distro: 'ubuntu' });
    const presets = Array.from({ length: 20_001 }, (_, i) => preset(i));
    presets.splice(1, 0, { ...preset(99_999), memory: 'lots' } as never);
    writeFileSync(join(dataDir, 'presets.json'), JSON.stringify({ presets }));
    writeFileSync(join(dataDir, 'setup.json'), '{"version": 1, "records": [');
    writeFileSync(join(dataDir, 'run-history.json'), 'not json');
    writeFileSync(join(dataDir, 'checkpoints.json'), JSON.stringify({ version: 2, records: [] }));
    const { core, invoke } = startCore({}, dataDir);

    const loaded = await invoke<Preset[]>('presets:list', {});
    expect(loaded).toHaveLength(200);
    expect(loaded[1]?.name).toBe('P1');
    const texts = core.notices.list().map((n) => `${n.level}: ${n.text}`);
    expect(texts).toEqual([
      expect.stringMatching(
        /^warning: Presets: presets\.json: left out 1 preset with a bad or repeated field and 19,801 presets past the 200 OrbDeck keeps; the file as it was is kept as presets\.json\.bad-\d{8}-\d{6}\.$/,
      ),
      expect.stringMatching(
        /^warning: Machines being set up: setup\.json was not valid JSON, so the machines being set up start empty; the damaged file was kept as setup\.json\.bad-\d{8}-\d{6}\.$/,
      ),
      expect.stringMatching(
        /^warning: Checkpoints: checkpoints\.json did not hold the checkpoint labels as OrbDeck keeps them, so they start empty; the damaged file was kept as checkpoints\.json\.bad-/,
      ),
      expect.stringMatching(/^warning: Recent commands: run-history\.json was not valid JSON/),
    ]);
    const kept = readdirSync(dataDir).filter((n) => n.includes('.bad-'));
    expect(kept.map((n) => n.replace(/\.bad-.*/, '')).sort()).toEqual([
      'checkpoints.json',
      'presets.json',
      'run-history.json',
      'setup.json',
    ]);
    // Said once: the next start finds nothing more to say.
    const again = startCore({}, dataDir);
    expect(await again.invoke<Preset[]>('presets:list', {})).toHaveLength(200);
    expect(again.core.notices.list()).toEqual([]);
  });
});
