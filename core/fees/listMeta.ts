import { defineListMeta } from '../lists/define';

/** Relief application statuses and their Chinese names (办法 arts. 44–51; core/fees/relief.ts). Db-free. */
export type ReliefStatus = 'pending' | 'reviewed' | 'granted' | 'partly_granted' | 'refused' | 'withdrawn';
export const RELIEF_STATUS_LABELS: Record<ReliefStatus, string> = {
  pending: '待审查',
  reviewed: '审查中',
  granted: '准予',
  partly_granted: '部分准予',
  refused: '不予批准',
  withdrawn: '已撤回',
};
const KIND_LABELS = { waive: '免交', reduce: '减交', defer: '缓交' } as const;

/** 诉讼费减免缓申请列表 (issue 15): bound to SQL in core/fees/browse.ts. */
export const reliefList = defineListMeta({
  what: 'relief',
  label: '减免缓申请',
  operation: 'relief.browse',
  columns: [
    { key: 'caseNumber', label: '案号', kind: 'text', width: 26 },
    { key: 'applicant', label: '申请人', kind: 'text', width: 16 },
    { key: 'kind', label: '类型', kind: 'text', labels: KIND_LABELS, width: 8 },
    { key: 'appliedOn', label: '申请日期', kind: 'date', sortable: true },
    { key: 'feeFen', label: '诉讼费', kind: 'money' },
    { key: 'status', label: '状态', kind: 'text', labels: RELIEF_STATUS_LABELS, width: 10 },
    { key: 'decidedOn', label: '决定日期', kind: 'date' },
    { key: 'grantedPercent', label: '准予比例（%）', kind: 'integer', visible: false },
    { key: 'reliefFen', label: '减免缓金额', kind: 'money' },
    { key: 'deferredUntil', label: '缓交至', kind: 'date' },
  ],
  filters: [
    { key: 'kind', label: '类型', kind: 'enum', options: KIND_LABELS },
    { key: 'status', label: '状态', kind: 'enum', options: RELIEF_STATUS_LABELS },
    { key: 'applied', label: '申请日期', kind: 'dateRange' },
    { key: 'decided', label: '决定日期', kind: 'dateRange' },
    { key: 'overdue', label: '缓交期满未结', kind: 'flag' },
  ],
  dateFilter: 'applied',
  defaultSort: { key: 'appliedOn', dir: 'desc' },
  searchHint: '案号、当事人姓名、身份证号',
});
