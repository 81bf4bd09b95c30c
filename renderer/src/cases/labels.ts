import { OTHER_ID_TYPES, maskIdNumber } from '../../../core/parties/identity';
import { formatCaseCode } from '../../../core/cases/caseCode';

/** Chinese names for the case and party fields the UI shows. */

export { formatCaseCode, maskIdNumber };

export const PERSON_ID_TYPE_OPTIONS = [
  { value: 'resident', label: '居民身份证' },
  ...Object.entries(OTHER_ID_TYPES).map(([value, t]) => ({ value, label: t.label })),
  { value: 'none', label: '无（暂缺）' },
];

export const ORGANISATION_ID_TYPE_OPTIONS = [
  { value: 'uscc', label: '统一社会信用代码' },
  { value: 'none', label: '无（暂缺）' },
];

const ID_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  [...PERSON_ID_TYPE_OPTIONS, ...ORGANISATION_ID_TYPE_OPTIONS].map((o) => [o.value, o.label]),
);

export function idTypeLabel(idType: string): string {
  return ID_TYPE_LABELS[idType] ?? idType;
}

export const SEX_LABELS: Record<string, string> = { male: '男', female: '女' };

export const AGENT_KIND_OPTIONS = [
  { value: 'lawyer', label: '律师' },
  { value: 'relative', label: '近亲属' },
  { value: 'other', label: '其他公民' },
] as const;

export function agentKindLabel(kind: string): string {
  return AGENT_KIND_OPTIONS.find((o) => o.value === kind)?.label ?? kind;
}

export const AUTHORITY_LABELS: Record<string, string> = { general: '一般授权', special: '特别授权' };

/** core/cases/service.ts LINK_KINDS, with the direction of a conversion spelled out */
export const LINK_KIND_LABELS: Record<string, string> = { converted: '转立案', related: '关联案件', sameParties: '同一当事人' };

export function linkLabel(kind: string, direction: 'to' | 'from'): string {
  if (kind === 'converted') return direction === 'to' ? '转立案至' : '转立案自';
  return LINK_KIND_LABELS[kind] ?? kind;
}

/** '2025' → '2025 年版' (core/causes/catalogue.ts names revisions this way) */
export function causeRevisionLabel(revision: string | null): string {
  return revision ? `${revision} 年版` : '无适用版本';
}

/** '2026-11-23' → '2026年11月23日' */
export function formatDateCn(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return date ?? '—';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '王立案（lian01）' → '王立案': the timeline names the actor with the user name */
export function personName(actorName: string | null | undefined): string {
  return (actorName ?? '').replace(/（[^（）]*）$/, '').trim();
}

/** What a case's number is called: a 案号, or the centre's 登记号 for 调登. */
export function numberLabel(caseType: string): string {
  return caseType === '调登' ? '登记号' : '案号';
}

export const STATUS_COLORS: Record<string, string> = { 已立案: 'blue', 已登记: 'cyan' };
