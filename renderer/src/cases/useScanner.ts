import { useEffect, useRef } from 'react';
import { ScanDetector } from './scanner';

interface Snapshot {
  el: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
}

function selection(el: HTMLInputElement | HTMLTextAreaElement): [number | null, number | null] {
  try {
    return [el.selectionStart, el.selectionEnd];
  } catch {
    return [null, null];
  }
}

/** Puts back what a field held before the scan typed into it, so that React sees the change too. */
function restore(s: Snapshot): void {
  const proto = s.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(s.el, s.value);
  s.el.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (s.start !== null && s.end !== null) s.el.setSelectionRange(s.start, s.end);
  } catch {
    // a field without a text selection
  }
}

/**
 * Listens for a USB scanner anywhere in the app: a burst of code characters typed faster than a person
 * can, ending in Enter. The Enter is swallowed, whatever the burst typed into the focused field is taken
 * out again, and `onScan` gets the case code.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanDetector();
    let snapshot: Snapshot | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) {
        detector.reset();
        return;
      }
      const step = detector.key(e.key, e.timeStamp);
      if (step.kind === 'char' && step.burstStart) {
        const el = document.activeElement;
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          const [start, end] = selection(el);
          snapshot = { el, value: el.value, start, end };
        } else snapshot = null;
      } else if (step.kind === 'scan') {
        e.preventDefault();
        e.stopPropagation();
        const s = snapshot;
        snapshot = null;
        if (s && s.el.isConnected && s.el.value !== s.value) restore(s);
        handler.current(step.code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
