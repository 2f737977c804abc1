/**
 * Calls `sample` every `everyMs` until stopped, never two at once (a slow `stat` just delays the next tick).
 * Returns the stop function, which waits for a sample under way.
 */
export function tick(sample: () => Promise<void> | void, everyMs = 250): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = Promise.resolve()
      .then(sample)
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, everyMs);
      });
  };
  timer = setTimeout(loop, everyMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
