import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from '../context';

/**
 * What the dispatcher knows about the call in progress, reachable from deep inside a handler without
 * threading it through every service: how many write transactions the call has committed (a call that
 * has committed nothing may be retried when the write lock is busy) and a hook that runs first inside each
 * write transaction (the idempotency key is reserved in the same transaction as the first write).
 */
export interface CallScope {
  committedWrites: number;
  /** runs at the start of every write transaction of the call, inside it */
  beforeWrite?: (tx: Tx, scope: CallScope) => void;
}

const storage = new AsyncLocalStorage<CallScope>();

export function runInCallScope<T>(scope: CallScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export function currentCallScope(): CallScope | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` outside any call: work a call leaves running after it returns (a chunked job) must not count as the
 * call's writes nor reserve its idempotency key in a transaction committed later.
 */
export function outsideCallScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
