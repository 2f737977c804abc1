import { describe, expect, it } from 'vitest';
import { parsePresetsFile, presetsDocument } from './presets';

const file = (presets: unknown[]) => JSON.stringify({ orbdeck: 'presets', version: 1, presets });

describe('presets files', () => {
  it('round-trips what OrbDeck writes', () => {
    const text = presetsDocument([
      {
        id: 'preset-a',
        name: 'Web',
        distro: 'ubuntu',
        version: 'noble',
        cpus: 2,
        memory: '4G',
        cloudInit: '#cloud-config\n',
      },
    ]);
    expect(parsePresetsFile(text)).toEqual({
      presets: [
        {
          name: 'Web',
          distro: 'ubuntu',
          version: 'noble',
          cpus: 2,
          memory: '4G',
          cloudInit: '#cloud-config\n',
        },
      ],
      problems: [],
    });
    expect(text).not.toContain('preset-a');
  });

  it('names every bad field by its place, and takes nothing', () => {
    const result = parsePresetsFile(
      file([
        { name: 'ok', distro: 'debian' },
        { name: '', distro: 'windows', memory: '1.5G', cpus: 0, extra: 1 },
        { name: 'x', distro: 'ubuntu', arch: 'sparc', user: 'Root!' },
      ]),
    );
    expect(result.presets).toEqual([]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'presets[1].name: Give the preset a name.',
        expect.stringMatching(/^presets\[1\]\.distro: 'windows' is not a distro orbctl can create/),
        expect.stringMatching(/^presets\[1\]\.memory: /),
        expect.stringMatching(/^presets\[1\]\.cpus: /),
        expect.stringMatching(/^presets\[1\]: Unrecognized key/),
        expect.stringMatching(/^presets\[2\]\.arch: /),
        expect.stringMatching(/^presets\[2\]\.user: /),
      ]),
    );
  });

  it('refuses a preset name that would read differently from what it is', () => {
    const file = JSON.stringify({
      orbdeck: 'presets',
      version: 1,
      presets: [
        { name: 'Web\u202Exod', distro: 'ubuntu' },
        { name: 'Two\nlines', distro: 'ubuntu' },
      ],
    });
    expect(parsePresetsFile(file)).toEqual({
      presets: [],
      problems: [
        'presets[0].name: A preset name cannot hold control characters, line breaks or right-to-left marks.',
        'presets[1].name: A preset name cannot hold control characters, line breaks or right-to-left marks.',
      ],
    });
  });

  it('says what is wrong with a file that is not a presets file', () => {
    expect(parsePresetsFile('{oops').problems[0]).toMatch(/^The file is not JSON/);
    expect(parsePresetsFile(JSON.stringify({ orbdeck: 'other', version: 1, presets: [] })).problems).toEqual([
      'orbdeck: This is not an OrbDeck presets file.',
    ]);
    expect(
      parsePresetsFile(JSON.stringify({ orbdeck: 'presets', version: 2, presets: [] })).problems,
    ).toEqual(['version: This presets file is from a newer OrbDeck.']);
  });
});
