import { defineListMeta } from '../lists/define';
import { CLOSE_METHOD_LABELS, PROCEDURE_LABELS, SOURCE_LABELS, STATUS_LABELS } from './meta';

/** 速裁案件列表 (issue 15); bound to SQL in core/docket/browse.ts. */
export const docketList = defineListMeta({
  what: 'docket',
  label: '速裁案件',
  operation: 'docket.browse',
  columns: [
    { key: 'number', label: '案号', kind: 'text', width: 26 },
    { key: 'causeName', label: '案由', kind: 'text', width: 20 },
    { key: 'parties', label: '当事人', kind: 'text', width: 30 },
    { key: 'source', label: '来源', kind: 'text', labels: SOURCE_LABELS, visible: false },
    { key: 'filedOn', label: '立案日期', kind: 'date', sortable: true },
    { key: 'procedure', label: '程序', kind: 'text', labels: PROCEDURE_LABELS, width: 10 },
    { key: 'status', label: '状态', kind: 'text', labels: STATUS_LABELS, width: 10 },
    { key: 'judge', label: '承办法官', kind: 'text', width: 10 },
    { key: 'dueOn', label: '审限届满', kind: 'date' },
    { key: 'closedOn', label: '结案日期', kind: 'date' },
    { key: 'closeMethod', label: '结案方式', kind: 'text', labels: CLOSE_METHOD_LABELS },
  ],
  filters: [
    { key: 'status', label: '状态', kind: 'enum', options: STATUS_LABELS },
    { key: 'procedure', label: '程序', kind: 'enum', options: PROCEDURE_LABELS },
    { key: 'filed', label: '立案日期', kind: 'dateRange' },
    { key: 'closed', label: '结案日期', kind: 'dateRange' },
    { key: 'cause', label: '案由', kind: 'text' },
    { key: 'judge', label: '承办法官', kind: 'choice', choices: 'judges' },
    { key: 'overdue', label: '超审限', kind: 'flag' },
  ],
  dateFilter: 'filed',
  defaultSort: { key: 'filedOn', dir: 'desc' },
  searchHint: '案号、当事人、身份证号后六位',
});
