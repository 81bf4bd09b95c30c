/**
 * 法院代字 (court code) of a case number, docs/DOMAIN.md “案号与登记号”: the province abbreviation alone (high court),
 * with 2 digits (intermediate and specialised courts: 浙05, 京73) or with 4 digits (basic courts: 浙0522).
 * The abbreviations are those of the SPC case-number rules: 内 for Inner Mongolia, 兵 for the XPCC courts.
 */
export const PROVINCE_CODES = [
  '京',
  '津',
  '冀',
  '晋',
  '内',
  '辽',
  '吉',
  '黑',
  '沪',
  '苏',
  '浙',
  '皖',
  '闽',
  '赣',
  '鲁',
  '豫',
  '鄂',
  '湘',
  '粤',
  '桂',
  '琼',
  '渝',
  '川',
  '黔',
  '云',
  '藏',
  '陕',
  '甘',
  '青',
  '宁',
  '新',
  '兵',
] as const;

const PROVINCES = PROVINCE_CODES.join('');
export const COURT_CODE_PATTERN = `[${PROVINCES}](?:\\d{4}|\\d{2})?`;
const COURT_CODE_RE = new RegExp(`^${COURT_CODE_PATTERN}$`);

export type CourtLevel = 'high' | 'intermediate' | 'basic';

/** Normalises full-width digits (浙０５２２ → 浙0522) and surrounding spaces. */
export function normaliseCourtCode(raw: string): string {
  return raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function isCourtCode(code: string): boolean {
  return COURT_CODE_RE.test(code);
}

/** Why a court code is refused (Chinese, naming the field), or null. */
export function courtCodeProblem(code: string): string | null {
  if (code === '') return '法院代字不能为空';
  if (isCourtCode(code)) return null;
  const first = code[0] ?? '';
  if (!PROVINCES.includes(first)) {
    return `法院代字须以省级简称开头（如 浙、京、粤），“${first}”不是有效简称`;
  }
  return '法院代字格式不正确：应为省级简称，或简称加 2 位（中级法院，如 浙05）或 4 位数字（基层法院，如 浙0522）';
}

export function courtLevel(code: string): CourtLevel {
  const digits = code.length - 1;
  return digits === 4 ? 'basic' : digits === 2 ? 'intermediate' : 'high';
}
