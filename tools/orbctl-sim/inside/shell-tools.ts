/**
 * The few tools a usage reading runs in a machine, answered from the made-up inside (procfs.ts): `cat` and
 * `grep` of `/proc` files, `ls -l /proc/PID/fd`, `df -P -k` and `du -x -k -d 1`, with `/proc/[0-9]*` globs.
 * Output is GNU coreutils' on glibc distros and busybox's on Alpine, as the real tools print it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { StoredMachine } from '../store/state';
import { linuxPath } from '../commands/target';
import { processesOf, procText, socketLinksOf } from './procfs';

export interface ToolIo {
  out(text: string): void;
  err(text: string): void;
  /** What a pipe feeds the tool; null when it reads files. */
  stdin: string | null;
}

export interface ToolPlace {
  machine: StoredMachine;
  rootfs: string;
  cwd: string;
  now: number;
}

const busybox = (m: StoredMachine) => m.image.distro === 'alpine';

/** `/proc/[0-9]*` and its like, expanded against the machine's processes in the shell's (text) order. */
export function expandGlobs(words: readonly string[], m: StoredMachine): string[] {
  return words.flatMap((word) => {
    if (!word.startsWith('/proc/') || !/[*?[]/.test(word)) return [word];
    const pattern = new RegExp(
      `^${word
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    const matches = [...processesOf(m).keys()]
      .map((pid) => word.replace(/^\/proc\/[^/]+/, `/proc/${pid}`))
      .filter((path) => pattern.test(path))
      .sort();
    return matches.length > 0 ? matches : [word];
  });
}

/** A file's text: /proc from procfs.ts, anything else from the machine's folder; undefined when missing. */
function readText(place: ToolPlace, path: string): string | undefined {
  if (path.startsWith('/proc/')) return procText(place.machine, path, place.now);
  const file = linuxPath(place.rootfs, place.cwd, path);
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
}

function grep(args: string[], place: ToolPlace, io: ToolIo): number {
  const patterns: RegExp[] = [];
  const files: string[] = [];
  let withNames = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-H') withNames = true;
    else if (arg === '-e') patterns.push(new RegExp(args[++i] ?? ''));
    else if (patterns.length === 0 && files.length === 0 && !arg.startsWith('-'))
      patterns.push(new RegExp(arg));
    else files.push(arg);
  }
  let matched = false;
  let failed = false;
  const search = (text: string, name: string | null) => {
    for (const line of text.replace(/\n$/, '').split('\n'))
      if (patterns.some((p) => p.test(line))) {
        matched = true;
        io.out(`${name === null ? '' : `${name}:`}${line}\n`);
      }
  };
  if (files.length === 0) search(io.stdin ?? '', null);
  for (const file of files) {
    const text = readText(place, file);
    if (text === undefined) {
      io.err(`grep: ${file}: No such file or directory\n`);
      failed = true;
    } else search(text, withNames || files.length > 1 ? file : null);
  }
  return failed ? 2 : matched ? 0 : 1;
}

function lsFds(dirs: string[], place: ToolPlace, io: ToolIo): number {
  const wide = !busybox(place.machine);
  dirs.forEach((dir, i) => {
    const pid = Number(/^\/proc\/(\d+)\/fd$/.exec(dir)?.[1]);
    if (!processesOf(place.machine).has(pid)) {
      io.err(`ls: cannot access '${dir}': No such file or directory\n`);
      return;
    }
    const links = [
      ['0', '/dev/null'],
      ...socketLinksOf(place.machine, pid).map((inode, n) => [String(n + 3), `socket:[${inode}]`]),
    ];
    io.out(`${i > 0 ? '\n' : ''}${dir}:\ntotal 0\n`);
    for (const [fd, target] of links)
      io.out(
        wide
          ? `lrwx------ 1 root root 64 Dec  6 09:12 ${fd} -> ${target}\n`
          : `lrwx------    1 root     root            64 Dec  6 09:12 ${fd} -> ${target}\n`,
      );
  });
  return 0;
}

/** The root filesystem: the disk limit or `fs_total` in size, the machine's disk size in use. */
export function filesystemOf(m: StoredMachine): { totalKib: number; usedKib: number } {
  const total = m.inside?.fs_total ?? m.limits?.disk_bytes ?? 128e9;
  return {
    totalKib: Math.floor(total / 1024),
    usedKib: Math.floor(Math.min(total, m.disk_size ?? 0) / 1024),
  };
}

function df(place: ToolPlace, io: ToolIo): number {
  const { totalKib, usedKib } = filesystemOf(place.machine);
  const free = totalKib - usedKib;
  const capacity = `${totalKib === 0 ? 0 : Math.ceil((usedKib / totalKib) * 100)}%`;
  if (busybox(place.machine)) {
    io.out('Filesystem           1024-blocks    Used Available Capacity Mounted on\n');
    io.out(
      `${'/dev/vdb1'.padEnd(20)} ${String(totalKib).padStart(10)} ${String(usedKib).padStart(9)} ${String(free).padStart(9)} ${capacity.padStart(4)} /\n`,
    );
  } else {
    const w = Math.max(11, String(totalKib).length);
    io.out(
      `Filesystem     ${'1024-blocks'.padStart(w)} ${'Used'.padStart(w)} ${'Available'.padStart(w)} Capacity Mounted on\n`,
    );
    io.out(
      `/dev/vdb1      ${String(totalKib).padStart(w)} ${String(usedKib).padStart(w)} ${String(free).padStart(w)} ${capacity.padStart(8)} /\n`,
    );
  }
  return 0;
}

/** What each well-known folder holds, as a share of its parent. */
const TREE: Record<string, Record<string, number>> = {
  '/': {
    usr: 0.42,
    var: 0.28,
    home: 0.12,
    opt: 0.08,
    root: 0.03,
    etc: 0.01,
    tmp: 0.01,
    srv: 0,
    mnt: 0,
    media: 0,
  },
  '/usr': { lib: 0.5, share: 0.25, bin: 0.15, local: 0.05, include: 0.05 },
  '/var': { lib: 0.55, cache: 0.25, log: 0.15, tmp: 0.05 },
};

function sharesOf(path: string): { kib: number; children: Record<string, number> } | undefined {
  if (path === '/') return { kib: 1, children: TREE['/']! };
  const [, top] = /^\/([^/]+)$/.exec(path) ?? [];
  if (!top || TREE['/']![top] === undefined) return undefined;
  return { kib: TREE['/']![top]!, children: TREE[path] ?? {} };
}

function du(args: string[], place: ToolPlace, io: ToolIo): number {
  const path = (args.filter((a) => !a.startsWith('-') && !/^\d+$/.test(a)).pop() ?? '.').replace(
    /(.)\/+$/,
    '$1',
  );
  const shares = sharesOf(path);
  if (!shares) {
    io.err(`du: cannot access '${path}': No such file or directory\n`);
    return 1;
  }
  const disk = Math.floor((place.machine.disk_size ?? 0) / 1024);
  const own = Math.round(disk * shares.kib);
  let sum = 4;
  for (const [child, share] of Object.entries(shares.children)) {
    const kib = Math.max(4, Math.round(own * share));
    sum += kib;
    io.out(`${kib}\t${path === '/' ? '' : path}/${child}\n`);
  }
  io.out(`${Math.max(sum, own)}\t${path}\n`);
  return 0;
}

/**
 * Runs one of the tools when the command is one (or `cat`/`ls` of /proc); undefined when it is not, so the
 * rest of the shell answers.
 */
export function runInsideTool(cmd: string, args: string[], place: ToolPlace, io: ToolIo): number | undefined {
  const words = expandGlobs(args, place.machine);
  switch (cmd) {
    case 'grep':
      return grep(words, place, io);
    case 'df':
      return df(place, io);
    case 'du':
      return du(words, place, io);
    case 'ls':
      return words.includes('-l') && words.some((w) => w.startsWith('/proc/'))
        ? lsFds(
            words.filter((w) => w !== '-l'),
            place,
            io,
          )
        : undefined;
    case 'cat': {
      if (!words.some((w) => w.startsWith('/proc/'))) return undefined;
      let code = 0;
      for (const file of words) {
        const text = readText(place, file);
        if (text === undefined) {
          io.err(`cat: ${file}: No such file or directory\n`);
          code = 1;
        } else io.out(text);
      }
      return code;
    }
  }
  return undefined;
}
