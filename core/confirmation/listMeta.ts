import { defineListMeta } from '../lists/define';
import { ORGANISATION_KINDS, OUTCOMES, STAGES } from './meta';

/** 司法确认列表 (issue 15); bound to SQL in core/confirmation/browse.ts. */
export const confirmationsList = defineListMeta({
  what: 'confirmations',
  label: '司法确认',
  operation: 'confirmation.browse',
  columns: [
    { key: 'number', label: '案号', kind: 'text', width: 26 },
    { key: 'parties', label: '当事人', kind: 'text', width: 30 },
    { key: 'organisationName', label: '调解组织', kind: 'text', width: 24 },
    { key: 'organisationKind', label: '组织类别', kind: 'text', labels: ORGANISATION_KINDS, visible: false },
    { key: 'mediatorName', label: '调解员', kind: 'text', width: 10 },
    { key: 'appliedOn', label: '申请日期', kind: 'date', sortable: true },
    { key: 'stage', label: '阶段', kind: 'text', labels: STAGES, width: 10 },
    { key: 'outcome', label: '结果', kind: 'text', labels: OUTCOMES, width: 16 },
    { key: 'judge', label: '审查法官', kind: 'text', width: 10 },
    { key: 'decidedOn', label: '裁定日期', kind: 'date' },
  ],
  filters: [
    { key: 'stage', label: '阶段', kind: 'enum', options: STAGES },
    { key: 'outcome', label: '结果', kind: 'enum', options: OUTCOMES },
    { key: 'applied', label: '申请日期', kind: 'dateRange' },
    { key: 'organisation', label: '调解组织', kind: 'text', placeholder: '组织名称的一部分' },
    { key: 'judge', label: '审查法官', kind: 'choice', choices: 'judges' },
  ],
  dateFilter: 'applied',
  defaultSort: { key: 'appliedOn', dir: 'desc' },
  searchHint: '案号、当事人、身份证号后六位',
});
