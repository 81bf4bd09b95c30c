import type { Core } from '../context';

/**
 * Scheduled maintenance of the case search index (issue 15, item 1). FTS5 writes each filing's row into a new
 * small segment and merges them only now and then (automerge); at a million cases the trigram index ended up with
 * many unmerged segments, and every query read each one's doclist (p95 11–23 ms instead of < 10). Merging them
 * back keeps a query to a few b-tree lookups.
 *
 * `INSERT INTO case_search(case_search, rank) VALUES('merge', N)` does at most N pages of merge work and returns;
 * repeated until a step changes nothing it leaves the index fully merged, like 'optimize', but in steps of a few
 * milliseconds each — the host keeps answering between them (the write lock is held per step only).
 */

/** pages of merge work per step (about 10–40 ms at 1M cases on the reference machine) */
const PAGES_PER_STEP = 200;

export interface MergeResult {
  steps: number;
  done: boolean;
}

/** One step of merging; true when there was work to do. */
export function mergeSearchStep(core: Core, pages = PAGES_PER_STEP): boolean {
  const before = core.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  core.sqlite.prepare(`INSERT INTO case_search(case_search, rank) VALUES('merge', ?)`).run(pages);
  const after = core.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  // the merge command counts as one change; more mean segments were written
  return after - before > 1;
}

/** Merges every segment into one at once (the command line, the bench, a quiet night). */
export function optimizeSearch(core: Core): void {
  core.sqlite.prepare(`INSERT INTO case_search(case_search) VALUES('optimize')`).run();
}

/** Merges in steps until there is nothing left (at most `maxSteps`), yielding to the event loop between steps. */
export async function mergeSearchSegments(core: Core, opts: { maxSteps?: number; pages?: number } = {}): Promise<MergeResult> {
  const max = opts.maxSteps ?? 10_000;
  let steps = 0;
  while (steps < max) {
    steps++;
    if (!mergeSearchStep(core, opts.pages)) return { steps, done: true };
    await new Promise((r) => setImmediate(r));
  }
  return { steps, done: false };
}

/**
 * The schedule, for the host and the desktop app: every `everyMs` (default six hours, the first run ten
 * minutes after start) the index is merged in steps. Returns a stop function.
 */
export function startSearchMaintenance(
  core: Core,
  opts: { everyMs?: number; firstMs?: number; onError?: (err: unknown) => void } = {},
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    mergeSearchSegments(core)
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, opts.firstMs ?? 10 * 60_000);
  const timer = setInterval(run, opts.everyMs ?? 6 * 3_600_000);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
