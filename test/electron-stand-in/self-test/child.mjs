// A utility process: prints what it got, then exits with the code asked for (or waits to be killed).
const [mode, ...rest] = process.argv.slice(2);
process.stdout.write(`args ${rest.join(' ')} parentPort ${typeof process.parentPort}\n`);
process.stderr.write('to stderr\n');
if (mode === 'wait') setInterval(() => {}, 1000);
else process.exitCode = Number(mode);
