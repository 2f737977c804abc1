import { GATES, atLeast, type SimVersion } from './version';
import type { StoredMachine } from './store/state';

/** Go's cliutil.ByteCountSI: `512 B`, `962.9 MB`, `1.2 GB` (powers of 1000, lower-case k). */
export function byteCountSI(bytes: number): string {
  const unit = 1000;
  if (bytes < unit) return `${bytes} B`;
  let div = unit;
  let exp = 0;
  for (let n = Math.floor(bytes / unit); n >= unit; n = Math.floor(n / unit)) {
    div *= unit;
    exp++;
  }
  return `${(bytes / div).toFixed(1)} ${'kMGTPE'[exp]}B`;
}

/**
 * Go's text/tabwriter with minwidth 0, padding 2, pad char ' ': every cell but the last of a row is padded to
 * its column's widest cell + 2 (so empty trailing cells still produce spaces, as in orbctl's output).
 */
export function tabwrite(rows: readonly (readonly string[])[], padding = 2): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i < row.length - 1 ? cell.padEnd((widths[i] ?? 0) + padding) : cell)).join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Columns by version (docs/orbctl.md#list-and-info-as-text): 5 before 1.10, + SIZE from 1.10, + IP from 1.11.3. */
export function listColumns(version: SimVersion): string[] {
  const cols = ['NAME', 'STATE', 'DISTRO', 'VERSION', 'ARCH'];
  if (atLeast(version, GATES.listSizeColumn)) cols.push('SIZE');
  if (atLeast(version, GATES.listIpColumn)) cols.push('IP');
  return cols;
}

/** `orbctl list` as text: header and dashes only when stdout is a terminal. */
export function listText(machines: readonly StoredMachine[], version: SimVersion, terminal: boolean): string {
  const cols = listColumns(version);
  const rows: string[][] = [];
  if (terminal) {
    rows.push(cols);
    rows.push(cols.map((c) => '-'.repeat(c.length)));
  }
  for (const m of machines) {
    const row = [m.name, m.state, m.image.distro, m.image.version, m.image.arch];
    if (cols.includes('SIZE')) row.push(m.disk_size === null ? '' : byteCountSI(m.disk_size));
    if (cols.includes('IP')) row.push(m.state === 'running' ? m.ip4 : '');
    rows.push(row);
  }
  return tabwrite(rows);
}

/** `orbctl info NAME` as text (docs/orbctl.md#list-and-info-as-text). */
export function infoText(m: StoredMachine, builtin: boolean, version: SimVersion): string {
  const blocks = [
    [`ID: ${m.id}`, `Name: ${m.name}`, `State: ${m.state}`],
    [`Distro: ${m.image.distro}`, `Version: ${m.image.version}`, `Architecture: ${m.image.arch}`],
  ];
  if (atLeast(version, GATES.infoWrapper)) {
    if (m.disk_size !== null) blocks.push([`Disk usage: ${byteCountSI(m.disk_size)}`]);
    const ips: string[] = [];
    if (m.state === 'running' && m.ip4) ips.push(`IPv4: ${m.ip4}`);
    if (m.state === 'running' && m.ip6) ips.push(`IPv6: ${m.ip6}`);
    if (ips.length > 0) blocks.push(ips);
  }
  if (builtin) blocks.push(['Machine is built-in.']);
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}
