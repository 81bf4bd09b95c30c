import { defineListMeta } from '../lists/define';

/** 文书列表 (issue 15): every generated document; bound to SQL in core/documents/browse.ts. */
export const documentsList = defineListMeta({
  what: 'documents',
  label: '文书',
  operation: 'documents.browse',
  columns: [
    { key: 'caseNumber', label: '案号', kind: 'text', width: 26 },
    { key: 'title', label: '文书名称', kind: 'text', width: 28 },
    { key: 'format', label: '格式', kind: 'text', labels: { pdf: 'PDF', docx: 'Word' }, width: 7 },
    { key: 'createdAt', label: '生成时间', kind: 'datetime', sortable: true },
    { key: 'createdBy', label: '生成人', kind: 'text', width: 10 },
    { key: 'pageCount', label: '页数', kind: 'integer', width: 6 },
    { key: 'printCount', label: '打印次数', kind: 'integer' },
    { key: 'templateId', label: '模板', kind: 'text', visible: false },
    { key: 'templateVersion', label: '模板版本', kind: 'text', visible: false },
  ],
  filters: [
    { key: 'created', label: '生成日期', kind: 'dateRange' },
    { key: 'format', label: '格式', kind: 'enum', options: { pdf: 'PDF', docx: 'Word' } },
    { key: 'title', label: '文书名称', kind: 'text' },
    { key: 'unprinted', label: '未打印', kind: 'flag' },
  ],
  dateFilter: 'created',
  defaultSort: { key: 'createdAt', dir: 'desc' },
  searchHint: '案号、当事人姓名、身份证号',
});
