import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, session: {}, shell: {} }));
const { allowsPermission } = await import('./security');

const isAppUrl = (url: string) => url.split('#')[0] === 'file:///app/index.html';

describe('allowsPermission', () => {
  it("lets the app's own page write the clipboard (its Copy buttons)", () => {
    expect(allowsPermission('clipboard-sanitized-write', 'file:///app/index.html', isAppUrl)).toBe(true);
  });

  it('denies everything else, and everything to any other page', () => {
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal'])
      expect(allowsPermission(permission, 'file:///app/index.html', isAppUrl)).toBe(false);
    expect(allowsPermission('clipboard-sanitized-write', 'https://evil.example/', isAppUrl)).toBe(false);
    expect(allowsPermission('clipboard-sanitized-write', '', isAppUrl)).toBe(false);
  });
});
