/**
 * What the usage lines (electron/core/usage/usage-scripts.ts) print on a machine, built the
 * way the machine's own tools would (`grep` keeps matching rows, prefixed with the file's name for two files).
 * The texts are in test/fixtures/machine-texts/ (its README says what each folder shows).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineOutput } from '../../electron/core/usage/sample-reading';

const FIXTURES = join(import.meta.dirname, '../fixtures/machine-texts');

export function fixture(machine: string, file: string): string {
  return readFileSync(join(FIXTURES, machine, file), 'utf8');
}

const has = (machine: string, file: string) => existsSync(join(FIXTURES, machine, file));

/** `grep PATTERN FILE…`: matching rows, `FILE:`-prefixed when there are several files. */
function grep(machine: string, pattern: RegExp, files: Array<[string, string]>, stderr: string[]): string {
  const rows: string[] = [];
  for (const [path, file] of files) {
    if (!has(machine, file)) {
      stderr.push(`grep: ${path}: No such file or directory`);
      continue;
    }
    for (const line of fixture(machine, file).split('\n'))
      if (pattern.test(line)) rows.push(files.length > 1 ? `${path}:${line}` : line);
  }
  return rows.join('\n');
}

const TABLES: Array<[string, string]> = [
  ['/proc/net/tcp', 'net-tcp'],
  ['/proc/net/tcp6', 'net-tcp6'],
];

/** SAMPLE_LINE's output on the machine. */
export function sampleOutput(machine: string): LineOutput {
  const stderr: string[] = [];
  const parts: Array<[string, string]> = [
    ['stat', grep(machine, /^cpu/, [['/proc/stat', 'stat']], stderr)],
    ['meminfo', fixture(machine, 'meminfo')],
    ['loadavg', fixture(machine, 'loadavg')],
    ['uptime', fixture(machine, 'uptime')],
    ['df', fixture(machine, 'df')],
    ['mounts', grep(machine, / \/ /, [['/proc/mounts', 'mounts']], stderr)],
    ['tcp', grep(machine, / 0A /, TABLES, stderr)],
  ];
  const stdout = parts.map(([name, text]) => `@@${name}\n${text.replace(/\n$/, '')}\n`).join('') + '@@end\n';
  return { stdout, stderr: stderr.map((l) => `${l}\n`).join(''), exitCode: 0 };
}

/** PORTS_LINE's output on the machine. */
export function portsOutput(machine: string): LineOutput {
  const stderr: string[] = [];
  const stdout = [
    '@@tcp',
    grep(machine, / 0A /, TABLES, stderr),
    '@@fd',
    fixture(machine, 'ls-fd').trimEnd(),
    '@@comm',
    fixture(machine, 'comm').trimEnd(),
    '@@end',
    '',
  ].join('\n');
  return { stdout, stderr: stderr.map((l) => `${l}\n`).join(''), exitCode: 0 };
}
