import { defineListMeta } from '../lists/define';
import { FLOWS, STATUSES } from './labels';

/** 调解列表 (issue 15); bound to SQL in core/mediation/browse.ts. */
export const mediationsList = defineListMeta({
  what: 'mediations',
  label: '调解',
  operation: 'mediation.browse',
  columns: [
    { key: 'number', label: '登记号／案号', kind: 'text', width: 26 },
    { key: 'flow', label: '类型', kind: 'text', labels: FLOWS, width: 16 },
    { key: 'receivedOn', label: '收案日期', kind: 'date', sortable: true },
    { key: 'causeName', label: '案由', kind: 'text', width: 20 },
    { key: 'parties', label: '当事人', kind: 'text', width: 30 },
    { key: 'status', label: '状态', kind: 'text', labels: STATUSES, width: 12 },
    { key: 'org', label: '调解组织', kind: 'text', width: 24 },
    { key: 'mediator', label: '调解员', kind: 'text', width: 10 },
    { key: 'dueOn', label: '调解期限届满', kind: 'date' },
    { key: 'outcomeOn', label: '结束日期', kind: 'date' },
  ],
  filters: [
    { key: 'flow', label: '类型', kind: 'enum', options: FLOWS },
    { key: 'status', label: '状态', kind: 'enum', options: STATUSES },
    { key: 'received', label: '收案日期', kind: 'dateRange' },
    { key: 'cause', label: '案由', kind: 'text' },
    { key: 'org', label: '调解组织', kind: 'choice', choices: 'mediationOrgs' },
    { key: 'mediator', label: '调解员', kind: 'choice', choices: 'mediators' },
    { key: 'overdue', label: '超期', kind: 'flag' },
  ],
  dateFilter: 'received',
  defaultSort: { key: 'receivedOn', dir: 'desc' },
  searchHint: '登记号、案号、当事人、身份证号后六位、电话',
});
