/**
 * Which columns a docket table shows at a given width. The columns that carry the urgency — 案号, 程序, 承办法官,
 * 审限届满, 预警 — always show at fixed widths that fit their longest content on one line (a 案号 like
 * （2026）浙0522民初12345号, 审限不足五日（督办）). What is left goes, in this order, to 案由 and 当事人 as columns of
 * their own (otherwise they fold into one grey line under the 案号), then 标的额, then 立案日期.
 */

/**
 * Column widths in px, cell padding included (size="small": 8px each side), from the rendered text at 14px: a 案号
 * with a five-digit serial 191, 小额诉讼程序 84, 2026-11-20（超 123 日） 163, the tag 审限不足五日（督办） 136 and its
 * margin 8. At 1024 px (a 752 px table in the centre view) the fixed columns take 730 px.
 */
export const DOCKET_WIDTHS = {
  number: 214,
  amount: 112,
  procedure: 100,
  judge: 76,
  filed: 104,
  due: 180,
  tier: 160,
} as const;

/** The least width each of 案由 and 当事人 gets as a column of its own (beyond it: ellipsis, full text as the title). */
export const DOCKET_TEXT_MIN = 132;

export interface DocketLayout {
  /** 案由 and 当事人 as columns of their own (else one line under the 案号) */
  splitText: boolean;
  amount: boolean;
  filed: boolean;
  /** the width below which the table scrolls sideways rather than squeeze a column */
  minWidth: number;
}

export function docketLayout(width: number, showJudge: boolean): DocketLayout {
  const w = DOCKET_WIDTHS;
  const base = w.number + w.procedure + (showJudge ? w.judge : 0) + w.due + w.tier;
  let room = width - base;
  const take = (need: number) => {
    if (room < need) return false;
    room -= need;
    return true;
  };
  const splitText = take(2 * DOCKET_TEXT_MIN);
  const amount = take(w.amount);
  const filed = take(w.filed);
  return { splitText, amount, filed, minWidth: base };
}
