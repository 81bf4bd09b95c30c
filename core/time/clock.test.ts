import { describe, expect, it } from 'vitest';
import { clockStartingAt, FrozenClock, isoShanghai } from './clock';

describe('clockStartingAt', () => {
  it('starts at the given instant and runs at the speed of its base clock', () => {
    const base = new FrozenClock('2026-11-23T09:00:00+08:00');
    const c = clockStartingAt('2027-01-04T09:00:00+08:00', base);
    expect(isoShanghai(c.now())).toBe('2027-01-04T09:00:00.000+08:00');
    base.advanceMinutes(90);
    expect(isoShanghai(c.now())).toBe('2027-01-04T10:30:00.000+08:00');
  });
});
