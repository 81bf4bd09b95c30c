import { normaliseCaseCode } from '../../../core/cases/caseCode';

/**
 * A USB barcode scanner is a keyboard that types very fast: the case code's characters a few
 * milliseconds apart, then Enter. People do not type nine characters under 40 ms apart. The detector is
 * fed every keydown (with its time) and answers, at the Enter, whether the burst that preceded it was a
 * scan of a valid case code.
 */
export interface ScanOptions {
  /** the longest gap between two characters of one burst */
  maxGapMs: number;
  /** the fewest characters of a burst (the code has 9) */
  minLength: number;
}

export const DEFAULT_SCAN_OPTIONS: ScanOptions = { maxGapMs: 40, minLength: 9 };

export type ScanStep =
  /** a character: `burstStart` when it begins a new burst (the caller may note what the field held before it) */
  | { kind: 'char'; burstStart: boolean }
  /** Enter after a qualifying burst: the normalised code and how many characters the burst typed */
  | { kind: 'scan'; code: string; typed: number }
  | { kind: 'none' };

const CODE_CHAR = /^[0-9A-Za-z-]$/;
/** keys that do not interrupt a burst: scanners press Shift for capitals */
const NEUTRAL = new Set(['Shift', 'CapsLock']);

export class ScanDetector {
  private chars: string[] = [];
  private last = -Infinity;
  private readonly opts: ScanOptions;

  constructor(opts: Partial<ScanOptions> = {}) {
    this.opts = { ...DEFAULT_SCAN_OPTIONS, ...opts };
  }

  reset(): void {
    this.chars = [];
    this.last = -Infinity;
  }

  /** Feeds one keydown: `key` as KeyboardEvent.key, `time` in ms (event.timeStamp). */
  key(key: string, time: number): ScanStep {
    if (NEUTRAL.has(key)) return { kind: 'none' };
    const fast = time - this.last <= this.opts.maxGapMs;
    if (CODE_CHAR.test(key)) {
      const burstStart = !fast || this.chars.length === 0;
      if (burstStart) this.chars = [];
      this.chars.push(key);
      this.last = time;
      return { kind: 'char', burstStart };
    }
    if (key === 'Enter' && fast && this.chars.length >= this.opts.minLength) {
      const typed = this.chars.length;
      const code = normaliseCaseCode(this.chars.join(''));
      this.reset();
      return code ? { kind: 'scan', code, typed } : { kind: 'none' };
    }
    this.reset();
    return { kind: 'none' };
  }
}
