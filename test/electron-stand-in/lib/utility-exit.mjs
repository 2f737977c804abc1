// How a utility process's end is told, whether it ran as a process (utility-process.mjs) or inside the main
// process (utility-in-process.mjs). After shell/browser/api/electron_api_utility_process.cc.
import { constants } from 'node:os';

/** The exit code Electron reports: the process's own, or the signal's number; 0 when kill() ended it. */
export function exitCodeOf(code, signal, endedByKill) {
  if (endedByKill && (signal === 'SIGTERM' || signal === 'SIGKILL')) return 0;
  return code ?? (signal ? constants.signals[signal] : 1);
}

/** Emits 'exit', then lets the output streams go: their listeners are removed (the caller drops them). */
export function emitExit(emitter, code, streams) {
  try {
    emitter.emit('exit', code);
  } finally {
    for (const stream of streams) stream?.removeAllListeners();
  }
}
