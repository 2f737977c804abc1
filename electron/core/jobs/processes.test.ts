import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { isSameProcess, stopRecordedProcess, systemProbe, type ProcessIdentity } from './processes';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.pid) systemProbe.signalGroup(c.pid, 'SIGKILL');
});

/** A stand-in orbctl in its own process group, as the adapter starts it; `ignoreInt` makes it stubborn. */
function standIn(ignoreInt = false): {
  identity: ProcessIdentity;
  child: ChildProcess;
  ready: Promise<void>;
} {
  const code = `${ignoreInt ? "process.on('SIGINT', () => {});" : ''} console.log('ready'); setTimeout(() => {}, 60000)`;
  const argv = [process.execPath, '-e', code, 'export', 'ubuntu', '/tmp/.u.tar.zst.partial'];
  const child = spawn(argv[0]!, argv.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const ready = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  children.push(child);
  const identity: ProcessIdentity = { pid: child.pid!, argv };
  const ticks = systemProbe.startTicks(child.pid!);
  if (ticks !== undefined) identity.startTicks = ticks;
  return { identity, child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

describe.runIf(process.platform === 'linux' || process.platform === 'darwin')(
  'recorded orbctl processes',
  () => {
    it('recognises the process it recorded, and nothing else under that pid', () => {
      const { identity } = standIn();
      expect(isSameProcess(identity)).toBe(true);
      expect(isSameProcess({ ...identity, argv: [...identity.argv.slice(0, -1), '/tmp/other'] })).toBe(false);
      if (identity.startTicks !== undefined) {
        // The same command line but another start time: the pid was reused.
        expect(isSameProcess({ ...identity, startTicks: identity.startTicks - 1 })).toBe(false);
      }
    });

    it('stops a recorded orbctl with SIGINT, and one that ignores it with SIGKILL', async () => {
      const polite = standIn();
      expect(await stopRecordedProcess(polite.identity, 2000)).toBe('stopped');
      await exited(polite.child);
      expect(polite.child.signalCode).toBe('SIGINT');
      const stubborn = standIn(true);
      await stubborn.ready; // its SIGINT handler is in place
      expect(await stopRecordedProcess(stubborn.identity, 200)).toBe('stopped');
      await exited(stubborn.child);
      expect(stubborn.child.signalCode).toBe('SIGKILL');
    });

    it('leaves alone a process that now runs something else, and knows a pid that is gone', async () => {
      const { identity, child } = standIn();
      const other = { ...identity, argv: ['/usr/local/bin/orbctl', 'import', '-n', 'x', '/tmp/x.tar.zst'] };
      expect(await stopRecordedProcess(other, 100)).toBe('not-orbctl');
      expect(child.exitCode).toBeNull();
      expect(systemProbe.commandLine(child.pid!)).not.toBeNull();
      systemProbe.signalGroup(child.pid!, 'SIGKILL');
      await exited(child);
      expect(await stopRecordedProcess(identity, 100)).toBe('gone');
    });
  },
);
