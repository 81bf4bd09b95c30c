import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from './client';

/**
 * Loads data when `deps` change and again on `reload()`: the latest answer and the error of the last failed
 * load (cleared by the next answer). An answer that arrives after the inputs changed is dropped. `load`
 * null waits (nothing to load yet). With `keep`, the data stays on screen while the next load runs;
 * otherwise it is cleared.
 */
export function useOperation<T>(
  load: (() => Promise<T>) | null,
  deps: DependencyList,
  { keep = false }: { keep?: boolean } = {},
): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!load) return;
    let live = true;
    if (!keep) setData(null);
    load()
      .then((v) => {
        if (!live) return;
        setData(v);
        setError(null);
      })
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
    // `load` is a fresh closure on every render: `deps` are what it reads
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
