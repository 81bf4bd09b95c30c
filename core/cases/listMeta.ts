import { defineListMeta } from '../lists/define';
import { ALL_CASE_TYPES } from './types';

/** Case statuses the registers write (the counter's initial status, mediation's conversions). */
export const CASE_STATUSES = { 已立案: '已立案', 已登记: '已登记', 审理中: '审理中', 已转立案: '已转立案' } as const;

/** 案件列表 (issue 15): every case of every type; bound to SQL in core/cases/browse.ts. */
export const casesList = defineListMeta({
  what: 'cases',
  label: '案件',
  operation: 'cases.browse',
  columns: [
    { key: 'number', label: '案号', kind: 'text', width: 26 },
    { key: 'caseType', label: '类型', kind: 'text', width: 8 },
    { key: 'receivedOn', label: '收案日期', kind: 'date', sortable: true },
    { key: 'causeName', label: '案由', kind: 'text', width: 20 },
    { key: 'parties', label: '当事人', kind: 'text', width: 30 },
    { key: 'amountFen', label: '标的额', kind: 'money' },
    { key: 'status', label: '状态', kind: 'text', width: 10 },
    { key: 'judge', label: '承办法官', kind: 'text', width: 10 },
    { key: 'dueOn', label: '审限届满', kind: 'date' },
    { key: 'code', label: '案件码', kind: 'text', visible: false },
    { key: 'seq', label: '登记序号', kind: 'integer', sortable: true, visible: false },
  ],
  filters: [
    { key: 'caseType', label: '类型', kind: 'enum', options: Object.fromEntries(ALL_CASE_TYPES.map((t) => [t, t])) },
    { key: 'status', label: '状态', kind: 'enum', options: CASE_STATUSES },
    { key: 'received', label: '收案日期', kind: 'dateRange' },
    { key: 'cause', label: '案由', kind: 'text', placeholder: '案由中的字词' },
    { key: 'judge', label: '承办法官', kind: 'choice', choices: 'judges' },
    { key: 'overdue', label: '超审限', kind: 'flag' },
  ],
  dateFilter: 'received',
  defaultSort: { key: 'receivedOn', dir: 'desc' },
  searchHint: '案号、登记号、当事人（单位名称的一部分）、身份证号后六位、电话',
});
