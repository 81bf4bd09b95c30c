import { auditMeta } from '../../core/audit/meta';
import { authMeta } from '../../core/auth/meta';
import { calendarMeta } from '../../core/calendar/meta';
import { casesMeta } from '../../core/cases/meta';
import { causesMeta } from '../../core/causes/meta';
import { courtMeta } from '../../core/court/meta';
import { documentsMeta } from '../../core/documents/meta';
import { feesMeta } from '../../core/fees/meta';
import { numberingMeta } from '../../core/numbering/meta';
import { partiesMeta } from '../../core/parties/meta';

/**
 * The audit page's filter: the operations that change something, by their Chinese label, from the areas'
 * metadata (core/<area>/meta.ts, no database code). A new area adds its meta here to appear in the filter;
 * the rows themselves arrive already labelled by the host.
 */
const metas = [courtMeta, authMeta, numberingMeta, auditMeta, casesMeta, partiesMeta, causesMeta, calendarMeta, feesMeta, documentsMeta];

/** audit-only events (not API operations) */
const EVENTS: Record<string, string> = {
  'auth.loginFailed': '登录失败',
  'templates.save': '保存文书模板',
  'templates.revert': '恢复内置模板',
  'seed.cases': '生成演示案件',
};

export const OPERATION_OPTIONS = [
  ...metas.flatMap((m) => Object.values(m).map((o) => ({ value: o.name, label: `${o.label}（${o.name}）` }))),
  ...Object.entries(EVENTS).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
];
