/**
 * The half-filled 立案登记 form, kept in localStorage so that an accidental close (window, crash, power)
 * loses nothing. One draft per user on this computer; cleared when the case is saved or the clerk
 * discards it.
 */
export interface Draft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'court.filingDraft.v1.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function draftKey(username: string): string {
  return PREFIX + username;
}

export function loadDraft<T>(key: string, store: Storage | null = storage()): Draft<T> | null {
  const raw = store?.getItem(key);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft<T>;
    if (!d || typeof d !== 'object' || typeof d.savedAt !== 'string' || typeof d.values !== 'object' || d.values === null) return null;
    return d;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, values: T, now: Date = new Date(), store: Storage | null = storage()): void {
  try {
    store?.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values } satisfies Draft<T>));
  } catch {
    // storage full or unavailable: the form itself still holds the input
  }
}

export function clearDraft(key: string, store: Storage | null = storage()): void {
  try {
    store?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Calls `fn` once `ms` after the last call; `flush` runs a pending call at once (page hide, unmount). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.flush = run;
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return call;
}
