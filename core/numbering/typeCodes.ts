/**
 * 类型代字 used by the litigation-service centre (docs/DOMAIN.md “案号与登记号”). `openUntil` marks a type that courts no
 * longer open: its old numbers stay readable, new ones are refused.
 */
export interface CaseTypeCode {
  code: string;
  name: string;
  /** last receipt date (inclusive) on which a new number of this type may be allocated */
  openUntil?: string;
}

export const CASE_TYPE_CODES: readonly CaseTypeCode[] = [
  { code: '民初', name: '民事一审' },
  { code: '民终', name: '民事二审' },
  { code: '民特', name: '民事特别程序（含司法确认）' },
  { code: '民督', name: '申请支付令（督促程序）' },
  { code: '民催', name: '公示催告' },
  { code: '民辖', name: '管辖' },
  { code: '财保', name: '诉前财产保全' },
  { code: '执', name: '首次执行' },
  { code: '执保', name: '财产保全执行' },
  { code: '执恢', name: '恢复执行' },
  { code: '执异', name: '执行异议' },
  // 2024意见: since 2025-01-01 suits are filed first and mediated after filing; no new 民诉前调 numbers.
  { code: '民诉前调', name: '诉前调解（旧案号，2025 年起停用）', openUntil: '2024-12-31' },
];

/** Special-trial codes (专门审判代字) that may precede the type code, e.g. （2026）浙0522知民初1号. */
export const SPECIAL_TRIAL_CODES: readonly { code: string; name: string }[] = [
  { code: '知', name: '知识产权' },
  { code: '金', name: '金融' },
  { code: '环', name: '环境资源' },
];

export function findTypeCode(code: string): CaseTypeCode | undefined {
  return CASE_TYPE_CODES.find((t) => t.code === code);
}
