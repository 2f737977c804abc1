import { describe, expect, it } from 'vitest';
import { asksFirst, deepLinkQuestion, parseDeepLink } from './deep-link';

describe('orbdeck:// links', () => {
  it.each([
    ['orbdeck://machine/ubuntu', { kind: 'show', machine: 'ubuntu' }],
    ['orbdeck://machine/web-1.dev/', { kind: 'show', machine: 'web-1.dev' }],
    ['orbdeck://machine/ubuntu/start', { kind: 'power', action: 'start', machine: 'ubuntu' }],
    ['orbdeck://machine/ubuntu/stop', { kind: 'power', action: 'stop', machine: 'ubuntu' }],
    ['orbdeck://machine/ubuntu/restart', { kind: 'power', action: 'restart', machine: 'ubuntu' }],
    ['orbdeck://machine/ubuntu/export', { kind: 'export', machine: 'ubuntu' }],
    ['orbdeck://preset/Web%20box/create', { kind: 'create-from-preset', preset: 'Web box' }],
    // A scheme's case does not matter (RFC 3986); the rest of the link is OrbDeck's own and stays lower case.
    ['ORBDECK://machine/ubuntu/stop', { kind: 'power', action: 'stop', machine: 'ubuntu' }],
    ['OrbDeck://machine/ubuntu', { kind: 'show', machine: 'ubuntu' }],
  ])('reads %s', (url, link) => {
    expect(parseDeepLink(url)).toEqual({ link });
  });

  it.each([
    ['another scheme', 'https://machine/ubuntu'],
    ['a destructive verb it does not offer', 'orbdeck://machine/ubuntu/delete'],
    ['an option-like name', 'orbdeck://machine/-rf/stop'],
    ['a traversing name', 'orbdeck://machine/../stop'],
    ['a query', 'orbdeck://machine/ubuntu/stop?force=1'],
    ['a bad encoding', 'orbdeck://preset/%E0%A4%A/create'],
    ['an unknown thing', 'orbdeck://settings/x'],
    ['an empty string', ''],
  ])('refuses %s', (_what, url) => {
    expect(parseDeepLink(url)).toHaveProperty('problem');
  });

  it('asks first for everything that changes something, and says what', () => {
    const stop = parseDeepLink('orbdeck://machine/ubuntu/stop');
    const show = parseDeepLink('orbdeck://machine/ubuntu');
    if (!('link' in stop) || !('link' in show)) throw new Error('parsed');
    expect(asksFirst(stop.link)).toBe(true);
    expect(asksFirst(show.link)).toBe(false);
    expect(deepLinkQuestion(stop.link)).toBe('Stop ubuntu?');
  });
});
