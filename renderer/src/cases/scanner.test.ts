import { describe, expect, it } from 'vitest';
import { caseCodeForId } from '../../../core/cases/caseCode';
import { ScanDetector, type ScanStep } from './scanner';

function feed(d: ScanDetector, keys: string[], start: number, gap: number): ScanStep[] {
  return keys.map((k, i) => d.key(k, start + i * gap));
}

const CODE = caseCodeForId(1);

describe('ScanDetector', () => {
  it('recognises a fast burst of a valid code ending in Enter', () => {
    const d = new ScanDetector();
    const steps = feed(d, [...CODE, 'Enter'], 1000, 8);
    expect(steps[0]).toEqual({ kind: 'char', burstStart: true });
    expect(steps[1]).toEqual({ kind: 'char', burstStart: false });
    expect(steps.at(-1)).toEqual({ kind: 'scan', code: CODE, typed: 9 });
  });

  it('accepts lower case and Shift presses between characters', () => {
    const d = new ScanDetector();
    const keys = [...CODE.toLowerCase()].flatMap((c) => ['Shift', c]);
    expect(feed(d, [...keys, 'Enter'], 0, 4).at(-1)).toEqual({ kind: 'scan', code: CODE, typed: 9 });
  });

  it('ignores the same characters typed at human speed', () => {
    const d = new ScanDetector();
    expect(feed(d, [...CODE, 'Enter'], 0, 90).at(-1)).toEqual({ kind: 'none' });
  });

  it('a slow start followed by a burst: only the burst counts', () => {
    const d = new ScanDetector();
    feed(d, ['a', 'b'], 0, 200);
    const steps = feed(d, [...CODE, 'Enter'], 1000, 10);
    expect(steps[0]).toEqual({ kind: 'char', burstStart: true });
    expect(steps.at(-1)).toEqual({ kind: 'scan', code: CODE, typed: 9 });
  });

  it('refuses a fast burst that is not a valid code (wrong check character, too short)', () => {
    const wrong = CODE.slice(0, 8) + (CODE[8] === '0' ? '1' : '0');
    expect(feed(new ScanDetector(), [...wrong, 'Enter'], 0, 5).at(-1)).toEqual({ kind: 'none' });
    expect(feed(new ScanDetector(), [...CODE.slice(0, 8), 'Enter'], 0, 5).at(-1)).toEqual({ kind: 'none' });
  });

  it('a pause before Enter, or another key in the burst, breaks it', () => {
    const d = new ScanDetector();
    feed(d, [...CODE], 0, 5);
    expect(d.key('Enter', 500)).toEqual({ kind: 'none' });
    const e = new ScanDetector();
    feed(e, [...CODE.slice(0, 4), 'Backspace', ...CODE.slice(4)], 0, 5);
    expect(e.key('Enter', 60)).toEqual({ kind: 'none' });
  });
});
