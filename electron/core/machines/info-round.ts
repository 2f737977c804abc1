import type { Machine } from '../../../shared/machine';
import { planInfo } from './info-plan';
import type { MachineSource } from './machine-poller';
import type { MachineStore } from './machine-store';

/** `orbctl info` calls at once. */
const INFO_CONCURRENCY = 4;
/** Of those, how many may ask about rows off screen: work nobody waits for (README, Performance). */
const BACKGROUND_INFO_CONCURRENCY = 1;

export interface InfoRoundOptions {
  source: MachineSource;
  store: MachineStore;
  signal: AbortSignal;
  now: () => number;
  /** The names the window shows now (asked again at every pick: rows may have scrolled). */
  shown: () => readonly string[] | null;
  /** Settles when no list poll runs or waits to: a list poll goes first. */
  pollsDone: () => Promise<void>;
  /** While true, rows off screen are not asked (an action runs); `wake()` when it turns false. */
  holdBackground: () => boolean;
  /** After each call about a row off screen, before the next one (PollIntervals.backgroundPauseMs). */
  backgroundPauseMs: number;
  /** A row on screen got its numbers. */
  onShownInfo: () => void;
}

export interface InfoRound {
  readonly done: Promise<void>;
  /** Rows came into view: workers waiting for something to ask look again. */
  wake(): void;
  /** An action began: calls about rows off screen stop where they are (a later round asks them again). */
  stopBackground(): void;
}

/**
 * One round of `orbctl info`: what the window shows, then up to a round's share of the rest. Each worker picks
 * its next machine when it is free, on screen first, so rows that came into view meanwhile are asked next. The
 * rest is asked by one worker at a time, with a pause after each call, at a low priority, and not while an
 * action runs (a call under way stops as one begins): the others wait for rows to come into view (or for the round to end), so work nobody
 * waits for never crowds out a list poll or the orbctl of an action. What a round leaves unasked is asked by
 * a later one.
 */
export function startInfoRound(options: InfoRoundOptions): InfoRound {
  const { store, source, signal } = options;
  const asked = new Set<string>();
  const offScreen = planInfo(store.list(), store.infos, options.now(), options.shown()).offScreen;
  let background = 0;
  /** Stops the background calls under way. */
  let backgroundCalls = new AbortController();
  const waiting: (() => void)[] = [];
  const wake = () => waiting.splice(0).forEach((resume) => resume());

  const next = (): { machine: Machine; onScreen: boolean } | undefined => {
    const onScreen = planInfo(store.list(), store.infos, options.now(), options.shown()).onScreen;
    const pick =
      onScreen.map((machine) => ({ machine, onScreen: true })).find((p) => !asked.has(p.machine.name)) ??
      (background < BACKGROUND_INFO_CONCURRENCY && !options.holdBackground()
        ? offScreen.map((machine) => ({ machine, onScreen: false })).find((p) => !asked.has(p.machine.name))
        : undefined);
    if (pick) asked.add(pick.machine.name);
    // Counted as it is picked: the other workers pick before this one runs it.
    if (pick && !pick.onScreen) background++;
    return pick;
  };

  const worker = async () => {
    while (!signal.aborted) {
      await options.pollsDone();
      // No await from here to the call: a poll cannot begin between the check and the info it allows.
      const p = next();
      if (!p) {
        if (background === 0) return;
        await new Promise<void>((resume) => waiting.push(resume));
        continue;
      }
      try {
        const call = p.onScreen ? signal : AbortSignal.any([signal, backgroundCalls.signal]);
        store.setInfo(p.machine, await source.info(p.machine.name, call, !p.onScreen));
        if (p.onScreen) options.onShownInfo();
      } catch {
        // Deleted or renamed between list and info: the next poll sorts it out.
      } finally {
        if (!p.onScreen) {
          await pause(options.backgroundPauseMs, signal);
          background--;
        }
        wake();
      }
    }
  };

  const done = Promise.all(Array.from({ length: INFO_CONCURRENCY }, worker)).then(() => {});
  const stopBackground = () => {
    backgroundCalls.abort();
    backgroundCalls = new AbortController();
  };
  return { done, wake, stopBackground };
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    // Not unref'd: whoever awaits the round (infoIdle) must not find the process ended under it.
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
