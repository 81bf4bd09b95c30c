/**
 * Money is typed in 元 and stored in 分 (integer). The conversion is done on the text, never through floating
 * point: '150000.5' → 15000050 exactly. Shared by the counter (renderer) and the command line.
 */

/** The largest amount the host accepts (core/cases/schemas.ts amountFen max). */
export const MAX_FEN = 1e15;

export type YuanParse = { ok: true; fen: number | undefined } | { ok: false; message: string };

/** Full-width digits and punctuation as a Chinese IME types them. */
function halfWidth(s: string): string {
  return s.replace(/[０-９．－，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses an amount in 元 as typed: thousands separators, spaces and full-width digits accepted; negative
 * amounts and more than two decimals refused with a message for the field. Empty → fen undefined.
 */
export function parseYuan(raw: string | null | undefined, label = '争议金额'): YuanParse {
  const text = halfWidth(raw ?? '')
    .replace(/[\s,，]/g, '')
    .replace(/^[￥¥]/, '')
    .replace(/元$/, '');
  if (text === '') return { ok: true, fen: undefined };
  if (/^-/.test(text)) return { ok: false, message: `${label}不能为负数` };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, message: `${label}应为数字（单位：元），如 150000.50` };
  const whole = m[1] || '0';
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, message: `${label}最多两位小数（到分）` };
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  if (fen > BigInt(MAX_FEN)) return { ok: false, message: `${label}过大` };
  return { ok: true, fen: Number(fen) };
}
