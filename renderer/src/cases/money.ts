/**
 * Money at the counter is typed in 元 and stored in 分 (integer); parsing lives in core/money.ts (the command
 * line parses the same way), formatting here.
 */
export { MAX_FEN, parseYuan, type YuanParse } from '../../../core/money';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 15000050 → '150,000.50' */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = BigInt(Math.abs(Math.trunc(fen)));
  const whole = groupThousands((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

/** 15000050 → '￥150,000.50'; null → '—' */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `￥${formatYuan(fen)}`;
}
