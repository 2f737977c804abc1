import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { Handler } from '../cli/specs';
import type { Ctx } from '../context';
import { cloudInitStatus } from '../cloud-init';
import { SimFailure } from '../failure';
import type { StoredMachine } from '../store/state';
import { runInsideTool } from '../inside/shell-tools';
import { homeOf, linuxPath, runningTarget } from './target';

interface RunOptions {
  machine: string | null;
  user: string | null;
  workdir: string | null;
  command: string[];
  help: boolean;
}

const VALUE_FLAGS: Record<string, keyof Pick<RunOptions, 'machine' | 'user' | 'workdir'>> = {
  '-m': 'machine',
  '--machine': 'machine',
  '-u': 'user',
  '--user': 'user',
  '-w': 'workdir',
  '--workdir': 'workdir',
};

/** run.go's own parser: flags only before the command; `--machine=x` and `-m x`; `--` ends flags. */
export function parseRunArgs(args: readonly string[]): RunOptions {
  const o: RunOptions = { machine: null, user: null, workdir: null, command: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      o.command = args.slice(i + 1);
      return o;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const key = VALUE_FLAGS[name];
    if (key) {
      const value = name !== arg ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new SimFailure(`flag needs an argument: ${arg}`);
      o[key] = value;
    } else if (['-s', '--shell', '-p', '--path'].includes(arg)) {
      // login shell / path translation: nothing to simulate
    } else if (arg === '-h' || arg === '--help') {
      o.help = true;
      return o;
    } else {
      o.command = args.slice(i);
      return o;
    }
  }
  return o;
}

/** Splits `sh -c` text into words, honouring single and double quotes (no expansion). */
export function shellWords(text: string): string[] {
  return shellList(text).flatMap((step) => [step, ...step.pipeTo].flatMap((c) => c.words));
}

/** One simple command: its words, `>&2` (its output to stderr), `2>/dev/null` (its errors dropped). */
export interface ShellCommand {
  words: string[];
  toStderr: boolean;
  quietErrors: boolean;
}

/** A pipeline of a `sh -c` list, and the operator that joins it to the one before. */
export interface ShellStep extends ShellCommand {
  /** How it follows the previous step: always (`;`), on success (`&&`), on failure (`||`). */
  after: ';' | '&&' | '||';
  /** The commands its output is piped through (`a | b | c`: b and c). */
  pipeTo: ShellCommand[];
}

/**
 * Splits `sh -c` text into pipelines joined by `;`, `&&` and `||` (outside quotes), with `|` between commands,
 * `>&2`/`1>&2` sending a command's output to stderr and `2>/dev/null` dropping its errors. Enough of a shell to
 * show streamed, mixed and failing output, and to read a machine's usage (inside/shell-tools.ts).
 */
export function shellList(text: string): ShellStep[] {
  const steps: ShellStep[] = [];
  const command = (): ShellCommand => ({ words: [], toStderr: false, quietErrors: false });
  let step: ShellStep = { ...command(), after: ';', pipeTo: [] };
  let current: ShellCommand = step;
  const re = /"([^"]*)"|'([^']*)'|(&&|\|\||;)|(\|)|(1?>&2)|(2>\/dev\/null)|([^\s;&|"']+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] !== undefined) {
      steps.push(step);
      step = { ...command(), after: m[3] as ShellStep['after'], pipeTo: [] };
      current = step;
    } else if (m[4] !== undefined) {
      current = command();
      step.pipeTo.push(current);
    } else if (m[5] !== undefined) current.toStderr = true;
    else if (m[6] !== undefined) current.quietErrors = true;
    else current.words.push(m[1] ?? m[2] ?? m[7] ?? '');
  }
  steps.push(step);
  return steps.filter((s) => s.words.length > 0);
}

/** Runs a pipeline: each command's output is the next one's input; the last one's goes to the caller. */
async function pipeline(
  ctx: Ctx,
  m: StoredMachine,
  user: string,
  cwd: string,
  step: ShellStep,
): Promise<number> {
  let stdin: string | null = null;
  let code = 0;
  const commands = [step, ...step.pipeTo];
  for (const [i, c] of commands.entries()) {
    const last = i === commands.length - 1;
    let captured = '';
    const output = {
      ...ctx.output,
      out: last ? (c.toStderr ? ctx.output.err : ctx.output.out) : (text: string) => void (captured += text),
      err: c.quietErrors ? () => {} : ctx.output.err,
    };
    code = await execute({ ...ctx, output }, m, user, cwd, c.words, stdin);
    stdin = captured;
  }
  return code;
}

const KERNEL = '6.15.11-orbstack-00360-g1f5b5e6ca8a4';

/**
 * A tiny stand-in for a Linux shell: echo, true, false, exit N, hostname, whoami, id -un, pwd, uname, cat, ls,
 * env, sleep, seq, `cloud-init status` (cloud-init.ts), grep, df, du and /proc (inside/), and `sh -c`/`bash -c`
 * of a list of them (`;`, `&&`, `||`, `|`, `>&2`, `2>/dev/null`). Anything else is "command not found" (127).
 */
async function execute(
  ctx: Ctx,
  m: StoredMachine,
  user: string,
  cwd: string,
  argv: string[],
  stdin: string | null = null,
): Promise<number> {
  const [cmd, ...rest] = argv;
  const out = (text: string): void => ctx.output.out(text);
  const rootfs = ctx.store.rootfs(m.id);
  const tool =
    cmd === undefined
      ? undefined
      : runInsideTool(cmd, rest, { machine: m, rootfs, cwd, now: Date.now() }, { ...ctx.output, stdin });
  if (tool !== undefined) return tool;
  const machineArch = m.image.arch === 'amd64' ? 'x86_64' : m.image.arch === 'i386' ? 'i686' : 'aarch64';
  switch (cmd) {
    case undefined:
      return 0;
    case 'sh':
    case 'bash':
      if (rest[0] === '-c' && rest[1] !== undefined) {
        let code = 0;
        for (const step of shellList(rest[1])) {
          if ((step.after === '&&' && code !== 0) || (step.after === '||' && code === 0)) continue;
          code = await pipeline(ctx, m, user, cwd, step);
          if (step.words[0] === 'exit') return code;
        }
        return code;
      }
      break;
    case 'seq': {
      const [from, to] = rest.length > 1 ? [Number(rest[0]), Number(rest[1])] : [1, Number(rest[0] ?? 1)];
      for (let i = from; i <= to; i++) out(`${i}\n`);
      return 0;
    }
    case 'echo': {
      const newline = rest[0] !== '-n';
      out(`${(newline ? rest : rest.slice(1)).join(' ')}${newline ? '\n' : ''}`);
      return 0;
    }
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      return Number(rest[0] ?? 0) & 0xff;
    case 'hostname':
      out(`${m.name}\n`);
      return 0;
    case 'whoami':
      out(`${user}\n`);
      return 0;
    case 'id':
      out(rest.includes('-un') || rest.includes('-u') ? `${user}\n` : `uid=501(${user}) gid=501(${user})\n`);
      return 0;
    case 'pwd':
      out(`${cwd}\n`);
      return 0;
    case 'uname': {
      const parts: Record<string, string> = { s: 'Linux', n: m.name, r: KERNEL, m: machineArch };
      const wanted = rest.includes('-a') ? ['s', 'n', 'r', 'm'] : rest.map((r) => r.replace('-', ''));
      out(`${(wanted.length > 0 ? wanted : ['s']).map((k) => parts[k] ?? '').join(' ')}\n`);
      return 0;
    }
    case 'env': {
      const env = ctx.proc.env;
      const passed = (env.ORBENV ?? '').split(':').filter((k) => k && env[k] !== undefined);
      out([`HOME=${homeOf(user)}`, `USER=${user}`, ...passed.map((k) => `${k}=${env[k]}`)].join('\n') + '\n');
      return 0;
    }
    case 'sleep':
      await ctx.sleep(Number(rest[0] ?? 0) * 1000);
      return 0;
    case 'cat':
    case 'ls': {
      let code = 0;
      for (const arg of rest.length > 0 ? rest : cmd === 'ls' ? ['.'] : []) {
        const path = linuxPath(rootfs, cwd, arg);
        if (!existsSync(path)) {
          ctx.output.err(`${cmd}: ${arg}: No such file or directory\n`);
          code = cmd === 'ls' ? 2 : 1;
        } else if (statSync(path).isDirectory()) {
          if (cmd === 'cat') ctx.output.err(`cat: ${arg}: Is a directory\n`);
          else
            out(
              readdirSync(path)
                .sort()
                .map((n) => `${n}\n`)
                .join(''),
            );
        } else out(cmd === 'cat' ? readFileSync(path, 'utf8') : `${arg}\n`);
      }
      return code;
    }
    case 'cloud-init':
      return cloudInitStatus(m.cloud_init, rest, {
        ...ctx.output,
        now: Date.now,
        wait: (ms) => ctx.sleep(ms),
      });
  }
  ctx.output.err(`bash: line 1: ${cmd}: command not found\n`);
  return 127;
}

/** `orbctl run [-m M] [-u U] [-w DIR] [--] CMD ARGS...`; the exit code is the command's. */
export const run: Handler = async (ctx, args) => {
  const o = parseRunArgs(args.positionals);
  if (o.help) {
    ctx.output.out('Usage:\n  orbctl run [flags] -- [COMMAND] [ARGS]...\n');
    return 0;
  }
  const m = await runningTarget(ctx, o.machine);
  if (o.command.length === 0) {
    throw new SimFailure('orbctl-sim: interactive shells are not simulated; give a command to run');
  }
  const user = o.user ?? m.config.default_username;
  return execute(ctx, m, user, o.workdir ?? homeOf(user), o.command);
};
