import type { RoundingMode, RoundingUnit } from './exact';
import { PROVINCIAL_RANGES, type ProvincialItem } from './schedule';

/**
 * The fee settings a court (its province) decides: the provincial amounts within the 办法's ranges, each set
 * with the date it took effect (a quote uses the set in force on its date), the rounding rule, and the account
 * printed on the payment notice. Stored in the settings table (keys in core/court/settings.ts).
 */

/** One set of provincial amounts (yuan), in force from `effectiveFrom`. */
export interface ProvincialAmounts {
  effectiveFrom: string;
  /** the provincial document the amounts come from, printed in the breakdown */
  source: string;
  amounts: Record<ProvincialItem, number>;
}

export interface RoundingRule {
  unit: RoundingUnit;
  mode: RoundingMode;
}

export interface PaymentAccount {
  payee: string;
  bank: string;
  accountNo: string;
  /** e.g. 缴费二维码 / 窗口缴费的说明 */
  note: string;
}

/**
 * Until a court enters its province's standard, the lower end of each statutory range applies and every quote
 * that uses such an amount says so (the breakdown names the source).
 */
export const DEFAULT_PROVINCIAL: ProvincialAmounts[] = [
  {
    effectiveFrom: '2007-04-01',
    source: '未设置本省标准，暂按《诉讼费用交纳办法》规定幅度的下限',
    amounts: Object.fromEntries(Object.entries(PROVINCIAL_RANGES).map(([k, r]) => [k, r.min])) as Record<ProvincialItem, number>,
  },
];

export const DEFAULT_ROUNDING: RoundingRule = { unit: 'fen', mode: 'half-up' };

export const DEFAULT_PAYMENT_ACCOUNT: PaymentAccount = { payee: '', bank: '', accountNo: '', note: '' };

/** The set in force on `date` (YYYY-MM-DD): the latest whose effectiveFrom is not after it. */
export function provincialOn(sets: readonly ProvincialAmounts[], date: string): ProvincialAmounts {
  let best: ProvincialAmounts | undefined;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best ?? DEFAULT_PROVINCIAL[0]!;
}

/** Problems with a set of provincial amounts, in Chinese, or [] when it is valid. */
export function provincialProblems(set: ProvincialAmounts): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(set.effectiveFrom)) out.push({ field: 'effectiveFrom', message: '施行日期格式应为 YYYY-MM-DD' });
  for (const [key, range] of Object.entries(PROVINCIAL_RANGES) as [ProvincialItem, (typeof PROVINCIAL_RANGES)[ProvincialItem]][]) {
    const v = set.amounts[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ field: `amounts.${key}`, message: `${range.label}的金额须为数字` });
    else if (v < range.min || v > range.max)
      out.push({
        field: `amounts.${key}`,
        message: `${range.label}应在 ${range.min} 元至 ${range.max} 元之间（${range.basis}），不能为 ${v} 元`,
      });
    else if (Math.round(v * 100) !== v * 100) out.push({ field: `amounts.${key}`, message: `${range.label}最多两位小数` });
  }
  return out;
}
