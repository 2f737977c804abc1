import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Job } from '../../shared/jobs';
import { isExportedFile } from './known-files';
import { APP_LINKS, isAllowedExternalUrl, isAppLink, machineOfUrl } from './external-urls';
import { terminalUrl, vscodeUrl, webUrl } from '../core/machines/ssh-urls';

const known = (name: string) => ['ubuntu', 'web-1.dev'].includes(name);

describe('what may be opened outside the app', () => {
  it('the app’s own https pages: the Help menu’s and OrbStack’s install page, as the browser writes them', () => {
    expect([...APP_LINKS].sort()).toEqual(['https://docs.orbstack.dev/', 'https://orbstack.dev/']);
    expect(isAppLink('https://docs.orbstack.dev')).toBe(true);
    expect(isAppLink('https://ORBSTACK.dev/')).toBe(true);
  });

  it('the ssh:// and vscode:// addresses OrbDeck builds, for a machine that exists', () => {
    for (const url of [
      terminalUrl('ubuntu'),
      vscodeUrl('ubuntu', 'mac-user'),
      vscodeUrl('ubuntu', 'root'),
      terminalUrl('web-1.dev'),
      vscodeUrl('web-1.dev', 'dev_2'),
    ]) {
      expect(isAllowedExternalUrl(url, known), url).toBe(true);
    }
    expect(machineOfUrl(vscodeUrl('web-1.dev', 'root'))).toBe('web-1.dev');
  });

  it('the http://NAME.orb.local/ address of a machine that exists', () => {
    expect(webUrl('ubuntu')).toBe('http://ubuntu.orb.local/');
    expect(isAllowedExternalUrl(webUrl('ubuntu'), known)).toBe(true);
    expect(isAllowedExternalUrl(webUrl('web-1.dev'), known)).toBe(true);
    expect(machineOfUrl('http://web-1.dev.orb.local/')).toBe('web-1.dev');
  });

  it('one of its ports, as the Ports tab links them', () => {
    expect(webUrl('ubuntu', 8080)).toBe('http://ubuntu.orb.local:8080/');
    expect(isAllowedExternalUrl(webUrl('ubuntu', 8080), known)).toBe(true);
    expect(isAllowedExternalUrl('http://ubuntu.orb.local:65535/', known)).toBe(true);
  });

  it.each([
    ['an https page the app does not link to', 'https://evil.example/'],
    ['a look-alike of an app link', 'https://orbstack.dev.evil.example/'],
    ['an app link with credentials in front', 'https://orbstack.dev@evil.example/'],
    ['an app link with a different path', 'https://orbstack.dev/download/../../x'],
    ['an app link with a fragment', 'https://docs.orbstack.dev/#x'],
    ['plain http', 'http://orbstack.dev/'],
    ['a file', 'file:///etc/passwd'],
    ['an app bundle', 'file:///System/Applications/Calculator.app'],
    ['javascript', 'javascript:alert(1)'],
    ['another scheme', 'smb://server/share'],
    ['ssh to an unknown machine', terminalUrl('nope')],
    ['ssh to another host', 'ssh://ubuntu@evil.example'],
    ['ssh with a port', 'ssh://ubuntu@orb:22'],
    ['ssh with a path', 'ssh://ubuntu@orb/x'],
    ['ssh with an option-like name', 'ssh://-oProxyCommand=x@orb'],
    ['ssh with an encoded name that is not what OrbDeck writes', 'ssh://ub%75ntu@orb'],
    ['vscode for an unknown machine', vscodeUrl('nope', 'root')],
    ['vscode to another folder', 'vscode://vscode-remote/ssh-remote+ubuntu%40orb/etc'],
    ['vscode with a traversing home', 'vscode://vscode-remote/ssh-remote+ubuntu%40orb/home/../etc'],
    ['vscode with an unencoded host', 'vscode://vscode-remote/ssh-remote+ubuntu@orb/root'],
    ['vscode to another host', 'vscode://vscode-remote/ssh-remote+ubuntu%40evil/root'],
    ['vscode opening a file', 'vscode://file/etc/passwd'],
    ['vscode with a query', `${vscodeUrl('ubuntu', 'root')}?windowId=_blank`],
    ['an empty string', ''],
    // Only a known machine's own NAME.orb.local, exactly as OrbDeck writes it.
    ['orb.local of an unknown machine', webUrl('nope')],
    ['orb.local with a path', 'http://ubuntu.orb.local/admin'],
    ['orb.local with port 0', 'http://ubuntu.orb.local:0/'],
    ['orb.local with a port past 65535', 'http://ubuntu.orb.local:65536/'],
    ['orb.local with a port written another way', 'http://ubuntu.orb.local:08080/'],
    ['orb.local with a port and a path', 'http://ubuntu.orb.local:8080/admin'],
    ['orb.local of an unknown machine with a port', webUrl('nope', 80)],
    ['orb.local with credentials', 'http://x@ubuntu.orb.local/'],
    ['orb.local look-alike', 'http://ubuntu.orb.local.evil.example/'],
    ['orb.local itself', 'http://orb.local/'],
    ['a bare machine host', 'http://ubuntu/'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url, known)).toBe(false);
  });
});

describe('which files may be shown in Finder', () => {
  const job = (over: Partial<Job>): Job => ({
    id: 'j',
    kind: 'export',
    machine: 'ubuntu',
    title: 'Export ubuntu',
    state: 'succeeded',
    createdAt: 1,
    cancellable: false,
    path: '/Users/me/ubuntu.tar.zst',
    ...over,
  });
  const entry = (over: Partial<Job>) => ({ ...job(over), endedAt: 2 }) as HistoryEntry;

  it('the target of an export that finished, in this session or in the history', () => {
    expect(isExportedFile('/Users/me/ubuntu.tar.zst', [job({})], [])).toBe(true);
    expect(isExportedFile('/Users/me/old.tar.zst', [], [entry({ path: '/Users/me/old.tar.zst' })])).toBe(
      true,
    );
  });

  it.each([
    ['a path no export wrote', '/Users/me/.ssh/id_rsa', [job({})]],
    ['a failed export’s target', '/Users/me/ubuntu.tar.zst', [job({ state: 'failed' })]],
    ['a running export’s target', '/Users/me/ubuntu.tar.zst', [job({ state: 'running' })]],
    ['an import’s source', '/Users/me/ubuntu.tar.zst', [job({ kind: 'import' })]],
    ['the same file written differently', '/Users/me/./ubuntu.tar.zst', [job({})]],
  ])('not %s', (_what, path, jobs) => {
    expect(isExportedFile(path, jobs, [])).toBe(false);
  });
});
