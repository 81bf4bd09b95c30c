/**
 * Identity numbers (docs/DOMAIN.md “身份号码”): resident ID (GB 11643-1999), unified social credit code (GB 32100-2015),
 * mobile numbers, and format checks for passports and Hong Kong / Macau / Taiwan permits.
 * Each check returns the Chinese reason a number is refused, or null.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface ResidentIdInfo {
  divisionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** The check character of the first 17 characters (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Normalises what people type: spaces removed, full-width digits and a lower-case x accepted. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/**
 * Checks an 18-character resident ID. `today` (YYYY-MM-DD) bounds the birth date.
 */
export function residentIdProblem(id: string, today: string): string | null {
  if (id.length !== 18) return `身份证号码应为 18 位（现为 ${id.length} 位）`;
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码前 17 位须为数字，最后一位为数字或 X';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return '身份证号码的行政区划代码不正确';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return `身份证号码中的出生日期 ${id.slice(6, 14)} 不是有效日期`;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birth > today) return `身份证号码中的出生日期 ${birth} 晚于今天`;
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return `身份证号码校验位错误（最后一位应为 ${expected}），请核对`;
  return null;
}

/** Sex and birth date derived from a valid resident ID. */
export function residentIdInfo(id: string): ResidentIdInfo {
  return {
    divisionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

// GB 32100: 0-9 and A-Z without I, O, Z, S, V; each character has a value 0..30.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位（现为 ${code.length} 位）`;
  const bad = [...code].find((c) => !USCC_CHARS.includes(c));
  if (bad) {
    return /[IOZSV]/.test(bad)
      ? `统一社会信用代码不使用字母 I、O、Z、S、V（含有“${bad}”），请核对`
      : `统一社会信用代码含有无效字符“${bad}”`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3–8 位应为行政区划代码（数字）';
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验位错误（最后一位应为 ${expected}），请核对`;
  return null;
}

export function mobileProblem(phone: string): string | null {
  return /^1[3-9]\d{9}$/.test(phone) ? null : '手机号码应为以 1 开头的 11 位数字';
}

/** Landlines (0572-1234567) or mobiles. */
export function phoneProblem(phone: string): string | null {
  if (/^1\d{10}$/.test(phone)) return mobileProblem(phone);
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(phone) ? null : '联系电话应为 11 位手机号码或带区号的固定电话（如 0572-1234567）';
}

export const OTHER_ID_TYPES = {
  passport: { label: '护照', pattern: /^[A-Z0-9]{5,17}$/, hint: '5–17 位字母或数字' },
  hkMacauPermit: { label: '港澳居民来往内地通行证', pattern: /^[HM]\d{8,10}$/, hint: 'H 或 M 开头加 8–10 位数字' },
  taiwanPermit: { label: '台湾居民来往大陆通行证', pattern: /^\d{8}$|^[A-Z]\d{9}$/, hint: '8 位数字，或 1 位字母加 9 位数字' },
  hkMacauTaiwanResidence: {
    label: '港澳台居民居住证',
    pattern: /^8[123]0000\d{10}[\dX]$/,
    hint: '以 810000、820000 或 830000 开头的 18 位号码',
  },
  foreignPermanentResidence: {
    label: '外国人永久居留身份证',
    pattern: /^[A-Z]{3}\d{12}$|^9\d{17}$/,
    hint: '15 位旧版或 9 开头的 18 位新版',
  },
} as const;

export type OtherIdType = keyof typeof OTHER_ID_TYPES;

export function otherIdProblem(type: OtherIdType, number: string): string | null {
  const t = OTHER_ID_TYPES[type];
  return t.pattern.test(number) ? null : `${t.label}号码格式不正确（应为${t.hint}）`;
}

/** 330522199001011234 → 330522********1234: shown in lists; the full number only in the case view. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id.replace(/.(?=.{2})/g, '*');
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
