/**
 * Sharing the one event loop (the host and the desktop's main process answer every desk from it): long work gives
 * it back in small stretches. One place for the two ways the code does that.
 */

/** Lets the callbacks waiting on the event loop run before going on. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A pace for a loop of small steps: `await pace()` between steps yields to the event loop once the stretch since the
 * last yield has run `budgetMs`, and costs a clock read otherwise.
 */
export function pacer(budgetMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToLoop();
    since = performance.now();
  };
}

/**
 * The next chunk size of work done in write transactions sized to about `targetMs` each: halved after a chunk that
 * ran over 1.6× the target, doubled after one under half of it, within `min`…`max`. Cautious on a busy machine,
 * where sizing a chunk from the last one's pace let the next one overrun (a reader waited 130 ms at 25,000 cases).
 */
export function nextChunkSize(size: number, tookMs: number, o: { targetMs: number; min: number; max: number }): number {
  if (tookMs > o.targetMs * 1.6) return Math.max(o.min, Math.floor(size / 2));
  if (tookMs < o.targetMs / 2) return Math.min(o.max, size * 2);
  return size;
}
