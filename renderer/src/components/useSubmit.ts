import { useCallback, useRef, useState } from 'react';
import { beginSubmit } from '../api/client';

/**
 * Runs a form submission once at a time: `busy` drives the button's spinner, and a second Enter while
 * the first request is under way is ignored (the fields stay enabled so errors can take the focus).
 * Calls sent during the submission carry a request id, so a retry after a lost answer saves nothing twice.
 */
export function useSubmit(): [busy: boolean, run: (work: () => Promise<void>) => Promise<void>] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const endSubmit = beginSubmit();
    try {
      await work();
    } finally {
      endSubmit();
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
