import type { Tx } from '../context';

/**
 * Other areas that store dates computed from the holiday calendar (the docket's stored trial-period due dates)
 * register here, through their own module, so this area never imports them. Listeners run inside the transaction
 * that changes the holidays: a stored date is never out of step with the calendar it was computed from, and if a
 * listener fails the holiday edit is not saved either.
 */
export type HolidaysChangedListener = (tx: Tx, years: number[]) => void;

const listeners: HolidaysChangedListener[] = [];

/** Registers a listener; returns the function that removes it again. */
export function onHolidaysChanged(listener: HolidaysChangedListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export function emitHolidaysChanged(tx: Tx, years: number[]): void {
  for (const l of [...listeners]) l(tx, years);
}
