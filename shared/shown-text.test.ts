import { describe, expect, it } from 'vitest';
import { plainText, shownTextProblem } from './shown-text';

describe('text people see as a name', () => {
  it('refuses control characters, line breaks and the bidirectional controls', () => {
    for (const bad of [
      'line\nbreak',
      'tab\there',
      'esc\u001b[31mred',
      'nul\0',
      'invoice\u202Efdp.exe',
      '\u202Aembedded\u202C',
      '\u2066isolated\u2069',
      'mark\u200F',
      'arabic\u061Cmark',
      'separator\u2028',
    ]) {
      expect(shownTextProblem(bad, 'A preset name'), JSON.stringify(bad)).toBe(
        'A preset name cannot hold control characters, line breaks or right-to-left marks.',
      );
    }
  });

  it('takes every ordinary name, in any script', () => {
    for (const good of ['Web box', 'ünïcödé', 'שרת', '服务器 2', '😀 fun', 'a - b (2)'])
      expect(shownTextProblem(good)).toBeNull();
  });

  it('turns such characters into spaces in text OrbDeck writes itself', () => {
    expect(plainText('failed:\nsee \u202Elog')).toBe('failed: see  log');
  });
});
