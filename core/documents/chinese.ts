import Nzh from 'nzh/cn';

/**
 * Chinese text for documents (docs/DOMAIN.md “文书格式”): dates of signature in Chinese numerals, statute articles,
 * amounts in words and ￥ amounts from integer fen. Formatting happens only here, at the edge (ARCHITECTURE
 * rule 5): inside the core money is integer fen and dates are `YYYY-MM-DD`.
 */

const DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`日期不存在：${iso}`);
  }
  return { y, m: mo, d };
}

/** 1–31 as written in a date: 十, 十一, 二十, 二十三, 三十一 (no 一十, no padding). */
function smallNumber(n: number): string {
  if (n < 10) return DIGIT[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGIT[tens]}十${ones ? DIGIT[ones] : ''}`;
}

/** 2026-11-23 → 二〇二六年十一月二十三日 (〇 is U+3007; the year digit by digit; month and day unpadded). */
export function chineseDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  const year = String(y)
    .split('')
    .map((c) => DIGIT[Number(c)])
    .join('');
  return `${year}年${smallNumber(m)}月${smallNumber(d)}日`;
}

/** 2026-11-03 → 2026年11月3日 (dates inside the text are in Arabic numerals, unpadded). */
export function arabicDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}年${m}月${d}日`;
}

/** A count in Chinese numerals as read: 205 → 二百零五, 10 → 十, 110 → 一百一十. */
export function chineseNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`应为非负整数：${n}`);
  // nzh's cn.encodeS writes 10–19 as 十… (tenMin) but keeps 一十 inside larger numbers (一百一十), as one reads them.
  return Nzh.encodeS(n);
}

/** 205 → 第二百零五条 */
export function articleNo(n: number | string): string {
  const num = typeof n === 'string' ? Number(n.trim()) : n;
  if (!Number.isSafeInteger(num) || num <= 0) throw new RangeError(`条文序号应为正整数：${n}`);
  return `第${chineseNumber(num)}条`;
}

function checkFen(fen: number | string | bigint): number {
  const n = typeof fen === 'string' ? Number(fen.trim()) : Number(fen);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`金额应为非负整数（单位：分）：${String(fen)}`);
  return n;
}

/**
 * Amount in words from integer fen, by the banking rules (《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):
 * 330000 → 人民币叁仟叁佰元整; 123450 → 人民币壹仟贰佰叁拾肆元伍角; 100005 → 人民币壹仟元零伍分;
 * 0 → 人民币零元整; 5 → 人民币伍分. 整 after 元 (and none after 角 or 分); 零 for a zero 角 between 元 and 分; zeros
 * inside the integer part follow nzh (one 零 for a run of zeros; none needed before a non-zero 千 after 万).
 * nzh alone is wrong for whole amounts given with decimals (it drops 整 for "100000.00") and works on floats,
 * so the integer part goes to nzh and 角/分 are written here from the integer fen.
 */
export function amountInWords(fen: number | string | bigint, opts: { prefix?: string } = {}): string {
  const n = checkFen(fen);
  const prefix = opts.prefix ?? '人民币';
  const yuan = Math.floor(n / 100);
  const jiao = Math.floor(n / 10) % 10;
  const cents = n % 10;
  const UPPER = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
  // nzh toMoney on an integer string writes "…元整"; strip 整 and add it back only when nothing follows 元.
  const yuanWords = yuan > 0 ? Nzh.toMoney(String(yuan), { outSymbol: false }).replace(/整$/, '') : '';
  if (jiao === 0 && cents === 0) return `${prefix}${yuan > 0 ? yuanWords : '零元'}整`;
  let out = yuanWords;
  if (jiao > 0) out += `${UPPER[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${UPPER[cents]}分`;
  return prefix + out;
}

/** 123450 → ￥1,234.50 */
export function yuan(fen: number | string | bigint, opts: { symbol?: string } = {}): string {
  const n = checkFen(fen);
  const whole = Math.floor(n / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${opts.symbol ?? '￥'}${whole}.${String(n % 100).padStart(2, '0')}`;
}

/** Heading numbers of the four levels (docs/DOMAIN.md “文书格式”): 一、 （一） 1. （1） */
export type NumberStyle = '一、' | '（一）' | '1.' | '（1）';
export const NUMBER_STYLES: readonly NumberStyle[] = ['一、', '（一）', '1.', '（1）'];

export function itemNumber(n: number, style: NumberStyle): string {
  switch (style) {
    case '一、':
      return `${chineseNumber(n)}、`;
    case '（一）':
      return `（${chineseNumber(n)}）`;
    case '1.':
      return `${n}.`;
    case '（1）':
      return `（${n}）`;
  }
}
