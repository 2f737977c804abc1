import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/bad-inputs.md and SECURITY.md name, for every bad input and every promise, the test that checks it as
 * `file` › “words from the test”. A catalogue that names a test that is not there is worse than none: this
 * keeps both honest, and prints how much they catalogue.
 */
const root = resolve(__dirname, '..');
const REFERENCE = /`([^`]+\.(?:ts|tsx))` › “([^”]+)”/g;

function references(doc: string): Array<{ line: number; file: string; words: string }> {
  return readFileSync(join(root, doc), 'utf8')
    .split('\n')
    .flatMap((text, i) =>
      [...text.matchAll(REFERENCE)].map((m) => ({ line: i + 1, file: m[1]!, words: m[2]! })),
    );
}

describe('the catalogues of bad inputs and promises', () => {
  for (const doc of ['docs/bad-inputs.md', 'SECURITY.md']) {
    it(`${doc} names only tests that exist`, () => {
      const refs = references(doc);
      const missing = refs.filter(
        (r) => !existsSync(join(root, r.file)) || !readFileSync(join(root, r.file), 'utf8').includes(r.words),
      );
      expect(missing.map((r) => `${doc}:${r.line} ${r.file} › ${r.words}`)).toEqual([]);
      expect(refs.length).toBeGreaterThan(10);
      if (doc === 'docs/bad-inputs.md') {
        const rows = readFileSync(join(root, doc), 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('| ') && !l.startsWith('| input') && !l.startsWith('|---'));
        console.log(
          `[bad inputs] ${rows.length} kinds of bad input catalogued, each with a test that exists`,
        );
      } else {
        console.log(`[security] ${refs.length} promises, each checked by a test that exists`);
      }
    });
  }
});
