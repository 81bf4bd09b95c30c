/**
 * Hook points other areas register on through the area descriptor (core/mediation/index.ts), so this area never
 * imports them (the fast-track docket picks up a failed 委托 that returns to the trial track, for triage).
 * Listeners run after the change has committed; a listener's error is reported, never undoes the mediation.
 */
export interface MediationFailedEvent {
  mediationId: number;
  flow: string;
  /** the case that goes to trial: the 民初 case of a 委托, or the new 民初 case of a converted 委派 (null if not filed) */
  trialCaseId: number | null;
  reason: string;
  undisputedFacts: string | null;
  on: string;
}

export type MediationFailedListener = (event: MediationFailedEvent) => void;

export const mediationFailedListeners: MediationFailedListener[] = [];

/** Registers a listener; returns the function that removes it again. */
export function onMediationFailed(listener: MediationFailedListener): () => void {
  mediationFailedListeners.push(listener);
  return () => {
    const i = mediationFailedListeners.indexOf(listener);
    if (i >= 0) mediationFailedListeners.splice(i, 1);
  };
}

export function emitMediationFailed(event: MediationFailedEvent): void {
  for (const l of [...mediationFailedListeners]) {
    try {
      l(event);
    } catch (err) {
      console.error('mediation: an "on mediation failed" listener failed', err);
    }
  }
}
