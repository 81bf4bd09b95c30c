import { describe, expect, it } from 'vitest';
import { DOCKET_TEXT_MIN, DOCKET_WIDTHS as W, docketLayout } from './docketLayout';

// the docket table's width in a window of this width: the side menu (200), the page's padding (2 × 24), the card's (2 × 12)
const inWindow = (w: number) => w - 200 - 48 - 24;

describe('docket table layout', () => {
  it('at 1024 px the centre view folds 案由 and 当事人 under the 案号 and keeps the urgency columns', () => {
    const layout = docketLayout(inWindow(1024), true);
    expect(layout).toMatchObject({ splitText: false, amount: false, filed: false });
    // and the fixed columns fit: no sideways scrolling at 1024 px
    expect(layout.minWidth).toBeLessThanOrEqual(inWindow(1024));
  });

  it('at 1366 px 案由 and 当事人 have columns of their own; the judge’s desk (no judge column) shows the amount too', () => {
    expect(docketLayout(inWindow(1366), true)).toMatchObject({ splitText: true, amount: false, filed: false });
    expect(docketLayout(inWindow(1366), false)).toMatchObject({ splitText: true, amount: true, filed: false });
    expect(docketLayout(inWindow(1920), true)).toMatchObject({ splitText: true, amount: true, filed: true });
  });

  it('never gives the fixed columns less than their widths (the table scrolls sideways instead)', () => {
    const narrow = docketLayout(400, true);
    expect(narrow).toMatchObject({ splitText: false, amount: false, filed: false });
    expect(narrow.minWidth).toBe(W.number + W.procedure + W.judge + W.due + W.tier);
    // each optional part appears exactly when its width is left over
    const base = narrow.minWidth;
    expect(docketLayout(base + 2 * DOCKET_TEXT_MIN - 1, true).splitText).toBe(false);
    expect(docketLayout(base + 2 * DOCKET_TEXT_MIN, true)).toMatchObject({ splitText: true, amount: false });
    expect(docketLayout(base + 2 * DOCKET_TEXT_MIN + W.amount, true)).toMatchObject({ amount: true, filed: false });
  });
});
