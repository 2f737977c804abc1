import { describe, expect, it } from 'vitest';
import { sensitivePlace } from './sensitive';

describe('sensitivePlace', () => {
  const home = '/Users/me';
  it('names the places that hold secrets or the system’s configuration', () => {
    expect(sensitivePlace('/Users/me/.ssh/id_rsa', home)).toBe('your SSH keys');
    expect(sensitivePlace('/Users/me/.ssh', home)).toBe('your SSH keys');
    expect(sensitivePlace('/Users/me/.gnupg/private-keys-v1.d/x.key', home)).toBe('your GnuPG keys');
    expect(sensitivePlace('/Users/me/.config/gcloud/credentials.db', home)).toBe(
      'your Google Cloud credentials',
    );
    expect(sensitivePlace('/Users/me/Library/Keychains/login.keychain-db', home)).toBe('your keychains');
    expect(sensitivePlace('/etc/shadow', home)).toBe('the system’s configuration (/etc)');
    expect(sensitivePlace('/private/etc/master.passwd', home)).toBe('the system’s configuration (/etc)');
  });

  it('leaves ordinary places alone, look-alike names included', () => {
    for (const path of [
      '/Users/me/Downloads/a.tar.zst',
      '/Users/me/.sshd-notes.txt',
      '/Users/me/projects/.ssh-config-template',
      '/etcetera/file',
      '/Users/other/.ssh/id_rsa',
    ]) {
      expect([path, sensitivePlace(path, home)]).toEqual([path, null]);
    }
  });
});
