/**
 * Centre register numbers for records that have no court case number, such as a delegated pre-filing
 * mediation (docs/DOMAIN.md “案号与登记号”): a configurable pattern, by default 调登〔{year}〕{serial:4} → 调登〔2026〕0001.
 * Placeholders: {year}, {court}, {serial} or {serial:N} (zero-padded to N digits).
 */
export const DEFAULT_REGISTER_PATTERN = '调登〔{year}〕{serial:4}';

const PLACEHOLDER_RE = /\{(year|court|serial(?::(\d))?)\}/g;

/** Why a register pattern is refused (Chinese, naming the field), or null. */
export function registerPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return '登记号格式不能为空';
  if (pattern.length > 40) return '登记号格式不能超过 40 个字符';
  const serials = pattern.match(/\{serial(?::\d)?\}/g) ?? [];
  if (serials.length !== 1) return '登记号格式须包含且只包含一个序号占位符 {serial} 或 {serial:4}';
  if (!pattern.includes('{year}')) return '登记号格式须包含年度占位符 {year}（序号每年从 1 起）';
  const unknown = pattern.replace(PLACEHOLDER_RE, '').match(/\{[^}]*\}/);
  if (unknown) return `登记号格式含有未知占位符 ${unknown[0]}`;
  return null;
}

export function formatRegisterNumber(pattern: string, v: { year: number; court: string; serial: number }): string {
  return pattern.replace(PLACEHOLDER_RE, (_all, name: string, width?: string) => {
    if (name === 'year') return String(v.year);
    if (name === 'court') return v.court;
    return width ? String(v.serial).padStart(Number(width), '0') : String(v.serial);
  });
}

/** The series key a pattern numbers in: its fixed text, so two different patterns never share serials. */
export function registerSeriesKey(pattern: string): string {
  return pattern.replace(PLACEHOLDER_RE, '#');
}
