export interface HeadlessArgs {
  port: number;
  demo: boolean;
  open: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run serve -- [--port N] [--demo] [--no-open]

  --port N    listen on 127.0.0.1:N (0, the default, picks any free port)
  --demo      use the built-in orbctl simulator instead of OrbStack's orbctl
  --no-open   do not try to open a browser`;

/** Parses the headless host's flags; throws with a message for anything else. */
export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  const args: HeadlessArgs = { port: 0, demo: false, open: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    switch (flag) {
      case '--port': {
        const value = inline ?? argv[++i];
        const port = Number(value);
        if (value === undefined || !/^\d+$/.test(value) || port > 65535)
          throw new Error(`--port needs a number from 0 to 65535, not ${value ?? 'nothing'}.`);
        args.port = port;
        break;
      }
      case '--demo':
        args.demo = true;
        break;
      case '--no-open':
        args.open = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
    }
  }
  return args;
}
