import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, type Harness } from '../../test/harness';
import { seedVariedFigures } from '../../test/figuresVariedSeed';
import { centreOverview } from './overview';

/**
 * The centre's figures on a register of every shape (test/figuresVariedSeed.ts), for a month, a quarter, a year,
 * a span that cuts months in two, and the whole register: the JSON must stay byte for byte what it was before the
 * figures were read in fewer passes (the snapshot was written by the per-grouping queries of session 10).
 * The names of group 0 (no organisation or mediator on the roster) changed on purpose in session 12: they were
 * the name of whichever outside organisation or mediator SQLite met first, which put one outside organisation's
 * name on the figures of all of them; they are now what the group holds, （院外组织或未分派） and （院外调解员或未分派）.
 */
const PERIODS = [
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-17', to: '2025-08-09' },
  { from: '2025-01-01', to: '2026-12-31' },
];

let h: Harness;
beforeAll(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  await setUpCourt(h);
  seedVariedFigures(h.core.sqlite, 4000);
  h.core.sqlite.exec('ANALYZE');
});
afterAll(() => h.close());

describe('the overview on a varied register', () => {
  it('is the same JSON as before, period by period', async () => {
    const out = PERIODS.map((p) => JSON.stringify(centreOverview(h.core, p, '2026-12-02')));
    await expect(out.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/figuresEquality.jsonl');
  });
});
