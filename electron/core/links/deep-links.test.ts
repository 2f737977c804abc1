import { describe, expect, it } from 'vitest';
import { DeepLinkQueue, linksFromArgv } from './deep-links';

describe('links that reach the app', () => {
  it('wait until a window can carry them out, then go straight through', () => {
    const q = new DeepLinkQueue();
    const got: string[] = [];
    q.add('orbdeck://machine/a');
    q.add('https://evil.example/');
    q.ready((url) => got.push(url));
    q.add('orbdeck://machine/b/start');
    expect(got).toEqual(['orbdeck://machine/a', 'orbdeck://machine/b/start']);
  });

  it('are found among a second launch’s arguments', () => {
    expect(linksFromArgv(['/app', '--flag', 'orbdeck://machine/a'])).toEqual(['orbdeck://machine/a']);
    // Schemes are case-insensitive: the system may hand one over as typed.
    expect(linksFromArgv(['/app', 'ORBDECK://machine/a/stop'])).toEqual(['ORBDECK://machine/a/stop']);
  });
});
