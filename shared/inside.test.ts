import { describe, expect, it } from 'vitest';
import { commandLineProblem, linuxPathProblem, OutputBuffer, runAsChoices, runEndWords } from './inside';

describe('the scroll-back', () => {
  it('keeps stdout and stderr apart and merges what follows on the same stream', () => {
    const b = new OutputBuffer(100);
    b.append({ stream: 'stdout', text: 'a' });
    b.append({ stream: 'stdout', text: 'b' });
    b.append({ stream: 'stderr', text: 'E' });
    b.append({ stream: 'stdout', text: 'c' });
    expect(b.chunks).toEqual([
      { stream: 'stdout', text: 'ab' },
      { stream: 'stderr', text: 'E' },
      { stream: 'stdout', text: 'c' },
    ]);
    expect(b.text()).toBe('abEc');
  });

  it('drops the oldest characters past its limit and counts them', () => {
    const b = new OutputBuffer(5);
    b.append({ stream: 'stdout', text: '123' });
    b.append({ stream: 'stderr', text: '45' });
    b.append({ stream: 'stdout', text: '678' });
    expect(b.text()).toBe('45678');
    expect(b.chunks[0]).toEqual({ stream: 'stderr', text: '45' });
    expect(b.droppedChars).toBe(3);
    b.append({ stream: 'stdout', text: 'x'.repeat(12) });
    expect(b.text()).toBe('xxxxx');
    expect(b.length).toBe(5);
    expect(b.droppedChars).toBe(15);
  });

  it('stays fast with a million small writes', () => {
    const b = new OutputBuffer();
    const t0 = performance.now();
    for (let i = 0; i < 1_000_000; i++) b.append({ stream: i % 2 ? 'stdout' : 'stderr', text: 'line\n' });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(b.length).toBe(256 * 1024);
  });
});

describe('the rules', () => {
  it('refuses empty, huge and NUL-carrying command lines', () => {
    expect(commandLineProblem('uname -a')).toBeNull();
    expect(commandLineProblem('   ')).toBe('Type a command to run.');
    expect(commandLineProblem('x'.repeat(8193))).toMatch(/at most 8192/);
    expect(commandLineProblem('a\0b')).toMatch(/NUL/);
    expect(commandLineProblem('-c reboot')).toMatch(/cannot start with/);
    expect(commandLineProblem(' -x')).toBeNull();
  });

  it('refuses machine paths orbctl would read as a flag', () => {
    expect(linuxPathProblem('docs/a.txt')).toBeNull();
    expect(linuxPathProblem('/etc/hosts')).toBeNull();
    expect(linuxPathProblem('-rf')).toMatch(/cannot start with/);
    expect(linuxPathProblem('')).toMatch(/Give a path/);
  });

  it('words how a run ended', () => {
    expect(runEndWords({ exitCode: 0, durationMs: 1234 })).toBe('exited with 0 in 1.2 s');
    expect(runEndWords({ exitCode: null, durationMs: 12_345 })).toBe('stopped after 12 s');
  });
});

describe('runAsChoices', () => {
  it('offers the default user and root, or root once when the default user is root', () => {
    expect(runAsChoices(['alice']).map((c) => c.label)).toEqual(['alice (default user)', 'root']);
    expect(runAsChoices(['root'])).toEqual([{ as: 'default', label: 'root (default user)' }]);
    expect(runAsChoices(['root', 'root']).map((c) => c.label)).toEqual([
      'root (each machine’s default user)',
    ]);
    expect(runAsChoices(['root', 'ubuntu']).map((c) => c.as)).toEqual(['default', 'root']);
    expect(runAsChoices([null]).map((c) => c.label)).toEqual(['Default user', 'root']);
  });
});
